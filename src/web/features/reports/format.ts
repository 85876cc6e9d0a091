import { EXPOSURE_SETTINGS } from '../../../shared/api/codes'
import type { Translate } from '../../i18n'

type Cell = number | '<5'
type Share = number | null | 'suppressed'

/** A count as shown: '<5' stays as it is, numbers with the locale's grouping. */
export function formatCell(c: Cell, locale: string): string {
  return c === '<5' ? '<5' : c.toLocaleString(locale)
}

/** A share as a percentage with one decimal; '–' without denominator, 'skjult' when masked. */
export function formatShare(s: Share, locale: string, t: Translate): string {
  if (s === null) return t('report.share.none')
  if (s === 'suppressed') return t('report.share.suppressed')
  return s.toLocaleString(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })
}

type SettingLanguage = 'nb' | 'nn' | 'en'
const SETTING_NAMES = Object.fromEntries(
  (['nb', 'nn', 'en'] as const).map((l) => [
    l,
    new Map<string, string>(EXPOSURE_SETTINGS.map((s) => [s.code, s[l]])),
  ]),
) as Record<SettingLanguage, Map<string, string>>

/** An exposure setting's name (FHI's wording) in the UI language; bokmål for an unknown language. */
export function settingName(code: string, language: string): string {
  const names = SETTING_NAMES[language as SettingLanguage] ?? SETTING_NAMES.nb
  const name = names.get(code) ?? code
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** 'yyyy-mm-dd' as dd.mm.yyyy. */
export const norwegianDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
