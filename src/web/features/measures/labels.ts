import type { MeasureKind, MeasureStatusValue } from '../../../shared/api/measures'
import type { MessageKey } from '../../i18n'

export const KIND_LABELS: Record<MeasureKind, MessageKey> = {
  isolation: 'measure.kind.isolation',
  quarantine: 'measure.kind.quarantine',
}
export const STATUS_LABELS: Record<MeasureStatusValue, MessageKey> = {
  planned: 'measure.status.planned',
  active: 'measure.status.active',
  ended: 'measure.status.ended',
  cancelled: 'measure.status.cancelled',
  exempted: 'measure.status.exempted',
}
export const STATUS_COLOR: Record<MeasureStatusValue, 'info' | 'success' | 'neutral' | 'warning'> = {
  planned: 'info',
  active: 'warning',
  ended: 'success',
  cancelled: 'neutral',
  exempted: 'neutral',
}
export const EVENT_LABELS: Record<string, MessageKey> = {
  start: 'measure.event.start',
  override: 'measure.event.override',
  extend: 'measure.event.extend',
  shorten: 'measure.event.shorten',
  cancel: 'measure.event.cancel',
  exempt: 'measure.event.exempt',
  end: 'measure.event.end',
  'flag-unreached': 'measure.event.flag-unreached',
  'unflag-unreached': 'measure.event.unflag-unreached',
  recompute: 'measure.event.recompute',
  convert: 'measure.event.convert',
}
export const LANGUAGE_LABELS: Record<'nb' | 'nn' | 'en', MessageKey> = {
  nb: 'measure.lang.nb',
  nn: 'measure.lang.nn',
  en: 'measure.lang.en',
}
