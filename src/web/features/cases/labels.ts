import type { z } from 'zod'
import type {
  caseOutcome,
  caseStatus,
  infectionSource,
  interviewStatus,
  testType,
} from '../../../shared/api/cases'
import {
  EXPOSURE_SETTINGS,
  type ExposureSetting,
  type exposureType,
  type relation,
} from '../../../shared/api/codes'
import type { contactStatus } from '../../../shared/api/contacts'
import type { MessageKey, Translate } from '../../i18n'

/** i18n keys of the code lists shared with the server, so options and table cells translate. */

export const CASE_STATUS_LABELS: Record<z.infer<typeof caseStatus>, MessageKey> = {
  open: 'code.caseStatus.open',
  closed: 'code.caseStatus.closed',
}
export const INTERVIEW_STATUS_LABELS: Record<z.infer<typeof interviewStatus>, MessageKey> = {
  not_started: 'code.interview.not_started',
  in_progress: 'code.interview.in_progress',
  done: 'code.interview.done',
}
export const TEST_TYPE_LABELS: Record<z.infer<typeof testType>, MessageKey> = {
  pcr: 'code.testType.pcr',
  antigen: 'code.testType.antigen',
  self: 'code.testType.self',
}
export const INFECTION_SOURCE_LABELS: Record<z.infer<typeof infectionSource>, MessageKey> = {
  contact: 'code.infectionSource.contact',
  event: 'code.infectionSource.event',
  travel: 'code.infectionSource.travel',
  unknown: 'code.infectionSource.unknown',
}
export const OUTCOME_LABELS: Record<z.infer<typeof caseOutcome>, MessageKey> = {
  recovered: 'code.outcome.recovered',
  dead: 'code.outcome.dead',
  unknown: 'code.outcome.unknown',
}
export const RELATION_LABELS: Record<z.infer<typeof relation>, MessageKey> = {
  household: 'code.relation.household',
  partner: 'code.relation.partner',
  family: 'code.relation.family',
  colleague: 'code.relation.colleague',
  classmate: 'code.relation.classmate',
  friend: 'code.relation.friend',
  health_care: 'code.relation.health_care',
  other: 'code.relation.other',
}
export const CONTACT_STATUS_LABELS: Record<z.infer<typeof contactStatus>, MessageKey> = {
  active: 'code.contactStatus.active',
  finished: 'code.contactStatus.finished',
  became_case: 'code.contactStatus.became_case',
  not_contact: 'code.contactStatus.not_contact',
}
export const EXPOSURE_TYPE_LABELS: Record<z.infer<typeof exposureType>, MessageKey> = {
  close_15min: 'code.exposureType.close_15min',
  physical: 'code.exposureType.physical',
  secretions: 'code.exposureType.secretions',
  same_household: 'code.exposureType.same_household',
}
export const EXPOSURE_SETTING_LABELS: Record<ExposureSetting, MessageKey> = {
  household: 'code.exposureSetting.household',
  kindergarten: 'code.exposureSetting.kindergarten',
  school: 'code.exposureSetting.school',
  university: 'code.exposureSetting.university',
  workplace: 'code.exposureSetting.workplace',
  health_institution: 'code.exposureSetting.health_institution',
  event: 'code.exposureSetting.event',
  organised_leisure: 'code.exposureSetting.organised_leisure',
  travel: 'code.exposureSetting.travel',
  unknown: 'code.exposureSetting.unknown',
}
export const EXPOSURE_SETTING_CODES = EXPOSURE_SETTINGS.map((s) => s.code)

/** Label of a code the server may send as a plain string (unknown codes are shown as they are). */
export function codeLabel<K extends string>(
  t: Translate,
  labels: Record<K, MessageKey>,
  code: string | null,
) {
  if (!code) return ''
  const key = (labels as Record<string, MessageKey | undefined>)[code]
  return key ? t(key) : code
}

/** Tag colours that go with a status; the status text is always shown too (never colour only). */
export const CASE_STATUS_COLOR = { open: 'info', closed: 'neutral' } as const
export const INTERVIEW_STATUS_COLOR = {
  not_started: 'warning',
  in_progress: 'info',
  done: 'success',
} as const
export const CONTACT_STATUS_COLOR = {
  active: 'info',
  finished: 'neutral',
  became_case: 'danger',
  not_contact: 'neutral',
} as const
