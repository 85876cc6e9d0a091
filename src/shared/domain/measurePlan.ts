import { compareIsoDates } from './dates'
import { computeIsolation, computeQuarantine, type RuleSet, ruleSetFor } from './measures'

/**
 * One entry point for "what should this measure be": picks the rule set in force on the measure's
 * start date and computes the dates, or says why it cannot. Used by the server when a measure is
 * started and by the web form to preview the dates before saving.
 */

export type MeasureKind = 'isolation' | 'quarantine'
export type MeasureStatus = 'planned' | 'active' | 'ended' | 'cancelled' | 'exempted'

export type MeasureBasisInput =
  | { kind: 'quarantine'; lastExposure: string | null; negativeTestDate?: string | null }
  | { kind: 'isolation'; onsetDate?: string | null; testDate?: string | null }

export type MeasurePlan =
  | {
      ok: true
      ruleSet: RuleSet
      start: string
      end: string
      basis: 'last-exposure' | 'onset' | 'test'
      basisDate: string
      /** Early end by a negative test on or after the test-out day (quarantine only). */
      testOutEnd: string | null
      explanation: string
    }
  | {
      ok: false
      reason: 'missing-date' | 'no-rule-set' | 'no-duty'
      /** The rule set in force, when the reason is that it has no such duty. */
      ruleSet: RuleSet | null
      message: string
    }

/**
 * The measure's computed dates. Quarantine counts from the last exposure; isolation from onset or
 * test (see `computeIsolation`). The rule set is the one in force on the date the count starts
 * from (last exposure for quarantine, the isolation start for isolation), so a measure that runs
 * across a rule change keeps the rules it started under.
 */
export function planMeasure(ruleSets: readonly RuleSet[], input: MeasureBasisInput): MeasurePlan {
  if (input.kind === 'quarantine') {
    if (!input.lastExposure)
      return fail('missing-date', null, 'Nærkontakten mangler dato for siste eksponering')
    const ruleSet = ruleSetFor(ruleSets, input.lastExposure)
    if (!ruleSet) return fail('no-rule-set', null, 'Ingen nasjonale regler gjaldt på eksponeringsdatoen')
    const q = computeQuarantine(ruleSet, {
      lastExposure: input.lastExposure,
      negativeTestDate: input.negativeTestDate ?? null,
    })
    if (!q) return fail('no-duty', ruleSet, `Reglene «${ruleSet.name}» gir ingen karanteneplikt`)
    return {
      ok: true,
      ruleSet,
      start: q.start,
      end: q.testOutEnd ?? q.end,
      basis: 'last-exposure',
      basisDate: input.lastExposure,
      testOutEnd: q.testOutEnd,
      explanation: q.explanation,
    }
  }
  const onset = input.onsetDate ?? null
  const test = input.testDate ?? null
  if (!onset && !test) return fail('missing-date', null, 'Tilfellet mangler både symptomstart og testdato')
  const startDate = (test ?? onset) as string
  const ruleSet = ruleSetFor(ruleSets, startDate)
  if (!ruleSet) return fail('no-rule-set', null, 'Ingen nasjonale regler gjaldt på startdatoen')
  const iso = computeIsolation(ruleSet, { onsetDate: onset, testDate: test })
  if (!iso) return fail('no-duty', ruleSet, `Reglene «${ruleSet.name}» gir ingen isolasjonsplikt`)
  return {
    ok: true,
    ruleSet,
    start: iso.start,
    end: iso.end,
    basis: iso.basis,
    basisDate: iso.basis === 'onset' ? (onset as string) : (test as string),
    testOutEnd: null,
    explanation: iso.explanation,
  }
}

function fail(
  reason: 'missing-date' | 'no-rule-set' | 'no-duty',
  ruleSet: RuleSet | null,
  message: string,
): MeasurePlan {
  return { ok: false, reason, ruleSet, message }
}

/**
 * The status a measure has on `today` from its dates, unless it was cancelled or ended by hand
 * (`closed`): planned before the start, active to and including the end, ended after it.
 */
export function measureStatusOn(
  measure: { start: string; end: string; closed: 'ended' | 'cancelled' | 'exempted' | null },
  today: string,
): MeasureStatus {
  if (measure.closed) return measure.closed
  if (compareIsoDates(today, measure.start) < 0) return 'planned'
  if (compareIsoDates(today, measure.end) <= 0) return 'active'
  return 'ended'
}

/** A stored measure's dates as far as recomputation is concerned. */
export interface StoredMeasureDates {
  start: string
  end: string
  computedStart: string | null
  computedEnd: string | null
  /** Dates set by hand with a reason (override): neither follows the rules any more. */
  overridden: boolean
}

export type Recomputation =
  | { change: 'none' }
  | {
      change: 'recomputed'
      start: string
      end: string
      /** The rules' dates, stored as computed_start/computed_end. */
      computedStart: string
      computedEnd: string
      /** True when the end was set by hand and kept although the rules now give `computedEnd`. */
      endKeptByHand: boolean
      startKeptByHand: boolean
    }

/**
 * Issue 18: after a change of the facts a measure counts from (last exposure, onset, test date),
 * which dates follow the rules. A date follows when it was not set by hand: no override, and it
 * still equals what the rules computed before (an extension or shortening sets the end by hand).
 * A hand-set date is kept; the new computed date is still stored so the page can show that the
 * rules would now give another date. A plan that cannot be computed changes nothing.
 */
export function recomputeDates(m: StoredMeasureDates, plan: MeasurePlan): Recomputation {
  if (!plan.ok) return { change: 'none' }
  const startByHand = m.overridden || m.computedStart === null || m.start !== m.computedStart
  const endByHand = m.overridden || m.computedEnd === null || m.end !== m.computedEnd
  let start = startByHand ? m.start : plan.start
  const end = endByHand ? m.end : plan.end
  // A kept end before a moved start would be no measure at all: then the start stays too.
  if (compareIsoDates(end, start) < 0) start = m.start
  if (start === m.start && end === m.end && plan.start === m.computedStart && plan.end === m.computedEnd)
    return { change: 'none' }
  return {
    change: 'recomputed',
    start,
    end,
    computedStart: plan.start,
    computedEnd: plan.end,
    endKeptByHand: endByHand && plan.end !== m.end,
    startKeptByHand: start === m.start && plan.start !== m.start,
  }
}
