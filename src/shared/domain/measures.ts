import { addDaysOslo, compareIsoDates, formatNorwegianDate } from './dates'

/**
 * Isolation and quarantine end dates (SPEC §4) from effective-dated national rule sets. FHI and
 * the government changed the rules many times, so a measure is computed with the rule set in
 * force on its start date; the operator maintains the sets and a tracer can override with a reason.
 *
 * Day counting, one convention for both measures. FHI words durations as "N døgn etter siste
 * nærkontakt" / "N døgn etter symptomdebut" and test-out as "negativ test tatt tidligst 7 døgn
 * etter siste nærkontakt". Without clock times we count calendar days with the exposure (or
 * onset/test) day as day 0: day N is that date + N. The measure lasts to and including day N
 * ("til og med"), because N × 24 h from any time on day 0 ends at the latest during day N.
 * Example: last exposure Friday 2021-01-01, 10 days → quarantine until and including Monday
 * 2021-01-11; a negative test taken on day 7 (2021-01-08) or later ends it on the test day.
 */

export type QuarantineRule = {
  days: number
  from: 'last-exposure'
  /** First day (counted as above) on which a negative test ends quarantine; null: no test-out. */
  testOutDay: number | null
  /** Follow-up call days (day 0 = start); null or absent: the municipality's settings. */
  callDays?: number[] | null
}

export type IsolationRule = {
  days: number
  from: 'onset-or-test'
  /** Extra condition that a date cannot express; it is shown in the explanation, not computed. */
  minSymptomFreeDays?: number
  /** Follow-up call days (day 0 = start); null or absent: the municipality's settings. */
  callDays?: number[] | null
}

export type RuleSet = {
  id: string
  name: string
  validFrom: string
  /** Last day in force (inclusive); null: still in force. */
  validTo: string | null
  /** Where the figures come from, and what is uncertain about them. */
  source: string
  /** null: no quarantine duty in this period. */
  quarantine: QuarantineRule | null
  /** null: no isolation duty, or none that this system can compute. */
  isolation: IsolationRule | null
}

/**
 * The rule set in force on `startDate` (validFrom ≤ date ≤ validTo), or null if none is.
 * Throws if two sets cover the date: that is a configuration error (see `ruleSetProblems`), and
 * silently picking one could give a person the wrong end date.
 */
export function ruleSetFor(ruleSets: readonly RuleSet[], startDate: string): RuleSet | null {
  const matches = ruleSets.filter(
    (r) =>
      compareIsoDates(r.validFrom, startDate) <= 0 &&
      (r.validTo === null || compareIsoDates(startDate, r.validTo) <= 0),
  )
  if (matches.length > 1) {
    throw new Error(`Overlapping rule sets on ${startDate}: ${matches.map((r) => r.id).join(', ')}`)
  }
  return matches[0] ?? null
}

export type QuarantineResult = {
  start: string
  /** Last day of quarantine (inclusive). */
  end: string
  /** The day a qualifying negative test ends the quarantine early; null when none applies. */
  testOutEnd: string | null
  explanation: string
}

/**
 * Quarantine for a close contact: from the last exposure to and including exposure + `days`.
 * A negative test taken on day `testOutDay` or later (and before the end) ends it on the test
 * day; the person must still await the negative answer, which this date cannot show. A test
 * taken too early does not count. Null when the rule set has no quarantine.
 */
export function computeQuarantine(
  ruleSet: RuleSet,
  input: { lastExposure: string; negativeTestDate?: string | null },
): QuarantineResult | null {
  const rule = ruleSet.quarantine
  if (!rule) return null
  const { lastExposure } = input
  const end = addDaysOslo(lastExposure, rule.days)
  const parts = [
    `Karantene i ${rule.days} døgn etter siste eksponering ${formatNorwegianDate(lastExposure)}, til og med ${formatNorwegianDate(end)} (${ruleSet.name}).`,
  ]
  let testOutEnd: string | null = null
  const test = input.negativeTestDate ?? null
  if (rule.testOutDay !== null && test !== null) {
    const earliest = addDaysOslo(lastExposure, rule.testOutDay)
    if (compareIsoDates(test, earliest) < 0) {
      parts.push(
        `Negativ test ${formatNorwegianDate(test)} er tatt før døgn ${rule.testOutDay} (${formatNorwegianDate(earliest)}) og avslutter ikke karantenen.`,
      )
    } else if (compareIsoDates(test, end) < 0) {
      testOutEnd = test
      parts.push(
        `Negativ test tatt ${formatNorwegianDate(test)} (døgn ${rule.testOutDay} eller senere) avslutter karantenen.`,
      )
    }
  }
  return { start: lastExposure, end, testOutEnd, explanation: parts.join(' ') }
}

export type IsolationResult = {
  start: string
  /** Last day of isolation (inclusive). */
  end: string
  basis: 'onset' | 'test'
  explanation: string
}

/**
 * Isolation for a case, following FHI's "Opphevelse av isolasjon": count from symptom onset; with
 * no symptoms, from the test date; symptoms that start after the positive test move the count to
 * the onset. When counting from the onset would end the isolation on or before the positive
 * test day, the early symptoms cannot have been this illness and the test date is used (FHI:
 * "må N døgn likevel telles fra testdato"). The isolation starts on the test date (the onset for a
 * probable case without a test). Null when the rule set has no isolation rule; throws when
 * neither date is given.
 */
export function computeIsolation(
  ruleSet: RuleSet,
  input: { onsetDate?: string | null; testDate?: string | null },
): IsolationResult | null {
  const rule = ruleSet.isolation
  if (!rule) return null
  const onset = input.onsetDate ?? null
  const test = input.testDate ?? null
  if (onset === null && test === null) throw new RangeError('Isolation needs an onset or a test date')
  const onsetCounts =
    onset !== null && (test === null || compareIsoDates(addDaysOslo(onset, rule.days), test) > 0)
  const basis = onsetCounts ? 'onset' : 'test'
  const basisDate = (onsetCounts ? onset : test) as string
  const end = addDaysOslo(basisDate, rule.days)
  const what = basis === 'onset' ? 'symptomstart' : 'positiv test'
  let explanation = `Isolasjon i ${rule.days} døgn etter ${what} ${formatNorwegianDate(basisDate)}, til og med ${formatNorwegianDate(end)} (${ruleSet.name}).`
  if (rule.minSymptomFreeDays) {
    explanation += ` Isolasjonen varer likevel til personen har vært uten symptomer i minst ${rule.minSymptomFreeDays} døgn.`
  }
  return { start: test ?? basisDate, end, basis, explanation }
}
