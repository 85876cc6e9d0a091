import { addDaysOslo, addYearsOslo, compareIsoDates, formatNorwegianDate } from './dates'

/**
 * Plausibility of an index case's dates (SPEC §3.2). Errors are dates that cannot be right and
 * block saving; they are keyed by field name so the form can show them on the field. Shared by the
 * server (which refuses them) and the web form (which shows them while typing).
 */
export type CaseDates = {
  probable?: boolean | null
  testDate?: string | null
  resultDate?: string | null
  onsetDate?: string | null
  likelyInfectionDate?: string | null
  vaccinationDate?: string | null
  isolationEnd?: string | null
}

export type DateFieldError = { field: keyof CaseDates; message: string }

/** Symptoms that start this long after a positive test belong to another illness or a typo. */
export const MAX_ONSET_AFTER_TEST_DAYS = 14

const PAST_ONLY = ['testDate', 'resultDate', 'onsetDate', 'likelyInfectionDate', 'vaccinationDate'] as const

const LABELS: Record<(typeof PAST_ONLY)[number], string> = {
  testDate: 'Testdato',
  resultDate: 'Svardato',
  onsetDate: 'Symptomstart',
  likelyInfectionDate: 'Sannsynlig smittedato',
  vaccinationDate: 'Vaksinasjonsdato',
}

const after = (a: string, b: string) => compareIsoDates(a, b) > 0

/** Every impossible date in a case (an empty list when all are plausible). `today` is the Oslo date. */
export function caseDateErrors(c: CaseDates, today: string): DateFieldError[] {
  const errors: DateFieldError[] = []
  const add = (field: keyof CaseDates, message: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, message })
  }
  for (const field of PAST_ONLY) {
    const value = c[field]
    if (value && after(value, today))
      add(field, `${LABELS[field]} kan ikke være fram i tid (i dag er ${formatNorwegianDate(today)})`)
  }
  if (!c.probable && !c.testDate) add('testDate', 'Fyll ut testdato, eller marker tilfellet som sannsynlig')
  if (c.testDate && c.resultDate && after(c.testDate, c.resultDate))
    add('resultDate', 'Svardato kan ikke være før testdato')
  if (c.testDate && c.onsetDate) {
    if (after(c.onsetDate, addDaysOslo(c.testDate, MAX_ONSET_AFTER_TEST_DAYS)))
      add('onsetDate', `Symptomstart kan ikke være mer enn ${MAX_ONSET_AFTER_TEST_DAYS} dager etter testdato`)
    if (after(addYearsOslo(c.testDate, -1), c.onsetDate))
      add('onsetDate', 'Symptomstart er mer enn ett år før testdato – sjekk årstallet')
  }
  const infection = c.likelyInfectionDate
  if (infection) {
    if (c.onsetDate && after(infection, c.onsetDate))
      add('likelyInfectionDate', 'Sannsynlig smittedato kan ikke være etter symptomstart')
    else if (c.testDate && after(infection, c.testDate))
      add('likelyInfectionDate', 'Sannsynlig smittedato kan ikke være etter testdato')
  }
  const start = c.onsetDate ?? c.testDate
  if (c.isolationEnd && start && after(start, c.isolationEnd))
    add('isolationEnd', 'Isolasjonen kan ikke slutte før symptomstart eller testdato')
  return errors
}

/** Contact's last exposure and notification date: neither can be in the future. */
export function futureDateError(
  value: string | null | undefined,
  today: string,
  label: string,
): string | null {
  if (!value || !after(value, today)) return null
  return `${label} kan ikke være fram i tid (i dag er ${formatNorwegianDate(today)})`
}
