import { addDaysOslo, addYearsOslo, compareIsoDates, formatNorwegianDate } from './dates'

/**
 * Smitteperiode (SPEC §3.2): from 48 hours before symptom onset — or before the positive test
 * when the case has no symptoms or no known onset — until isolation ends. Dates are calendar
 * dates in Europe/Oslo, so "48 hours before" a date is that date − 2 days: a contact on that
 * whole day counts (FHI: nærkontakt "mindre enn 48 timer før den smittede fikk symptomer eller
 * fikk positiv test" — without clock times, the cautious reading is the whole calendar day).
 */
export type InfectiousPeriod = {
  start: string
  /** Last day of isolation; null while the isolation is ongoing (no end set). */
  end: string | null
  basis: 'onset' | 'test'
  /** The onset or test date the start was counted from. */
  basisDate: string
}

export type InfectiousPeriodInput = {
  symptomatic: boolean
  onsetDate?: string | null
  testDate?: string | null
  isolationEnd?: string | null
}

/**
 * Computes the infectious period, or null when there is nothing to count from (an asymptomatic
 * case without a test date, or a symptomatic one with neither date).
 *
 * Onset is used only for a symptomatic case. If symptoms started after the positive test, the
 * test date is used instead: the person was already taken to be infectious from 48 h before the
 * test, and counting from the later onset would drop contacts in between.
 */
export function infectiousPeriod(input: InfectiousPeriodInput): InfectiousPeriod | null {
  const test = input.testDate ?? null
  const onset = input.symptomatic ? (input.onsetDate ?? null) : null
  const useOnset = onset !== null && (test === null || compareIsoDates(onset, test) <= 0)
  const basisDate = useOnset ? onset : test
  if (basisDate === null) return null
  return {
    start: addDaysOslo(basisDate, -2),
    end: input.isolationEnd ?? null,
    basis: useOnset ? 'onset' : 'test',
    basisDate,
  }
}

export type ExposureWarning = {
  /** 'error': the date cannot be right and must be fixed; 'warning': possible, but check it. */
  kind: 'error' | 'warning'
  code: 'future' | 'too-old' | 'before-period' | 'after-period'
  message: string
}

/**
 * Checks a close contact's date of last exposure against the index case's infectious period
 * (SPEC §3.2: "Contacts whose last exposure falls outside it get a warning"):
 * - after `today` → error (an exposure cannot be in the future);
 * - more than one year before the onset/test date → error (surely a typo, e.g. the wrong year);
 * - before the period starts → warning (the contact may not have been exposed while infectious);
 * - after the isolation ended → warning.
 * Returns null when the date is inside the period.
 */
export function exposureWarning(
  lastExposure: string,
  period: InfectiousPeriod,
  today: string,
): ExposureWarning | null {
  if (compareIsoDates(lastExposure, today) > 0) {
    return {
      kind: 'error',
      code: 'future',
      message: `Siste eksponering kan ikke være fram i tid (i dag er ${formatNorwegianDate(today)})`,
    }
  }
  if (compareIsoDates(lastExposure, addYearsOslo(period.basisDate, -1)) < 0) {
    const what = period.basis === 'onset' ? 'symptomstart' : 'testdato'
    return {
      kind: 'error',
      code: 'too-old',
      message: `Siste eksponering er mer enn ett år før ${what} (${formatNorwegianDate(period.basisDate)}) – sjekk årstallet`,
    }
  }
  if (compareIsoDates(lastExposure, period.start) < 0) {
    return {
      kind: 'warning',
      code: 'before-period',
      message: `Siste eksponering er før smitteperioden (fra ${formatNorwegianDate(period.start)})`,
    }
  }
  if (period.end !== null && compareIsoDates(lastExposure, period.end) > 0) {
    return {
      kind: 'warning',
      code: 'after-period',
      message: `Siste eksponering er etter smitteperioden (til ${formatNorwegianDate(period.end)})`,
    }
  }
  return null
}
