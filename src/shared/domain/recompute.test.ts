import { describe, expect, it } from 'vitest'
import { followUpSchedule, reconcileSchedule } from './followUps'
import { planMeasure, recomputeDates } from './measurePlan'
import { DEFAULT_RULE_SETS } from './ruleSets'

/**
 * Issue 18: a change of last exposure (or onset/test date) recomputes the measure's dates unless
 * they were set by hand, and re-plans the calls not yet made; calls made stay as they are.
 */
const quarantine = (lastExposure: string) =>
  planMeasure(DEFAULT_RULE_SETS, { kind: 'quarantine', lastExposure })

/** A quarantine as it was stored from `exposure` under the rules (nothing by hand). */
function stored(exposure: string, hand: { end?: string; overridden?: boolean } = {}) {
  const p = quarantine(exposure)
  if (!p.ok) throw new Error('no plan')
  return {
    start: p.start,
    end: hand.end ?? p.end,
    computedStart: p.start,
    computedEnd: p.end,
    overridden: hand.overridden ?? false,
  }
}

describe('recomputeDates', () => {
  it.each([
    // was, now, hand-set end, overridden → start, end, computed end, end kept by hand
    ['2021-01-05', '2021-01-03', null, false, '2021-01-03', '2021-01-13', '2021-01-13', false], // earlier
    ['2021-01-05', '2021-01-08', null, false, '2021-01-08', '2021-01-18', '2021-01-18', false], // later
    ['2021-03-20', '2021-03-27', null, false, '2021-03-27', '2021-04-06', '2021-04-06', false], // across DST (28 March)
    ['2021-10-25', '2021-10-30', null, false, '2021-10-30', '2021-11-09', '2021-11-09', false], // across fall-back
    ['2021-01-05', '2021-01-08', '2021-01-20', false, '2021-01-08', '2021-01-20', '2021-01-18', true], // extended by hand
    ['2021-01-05', '2021-01-03', '2021-01-12', false, '2021-01-03', '2021-01-12', '2021-01-13', true], // shortened by hand
    ['2021-01-05', '2021-01-08', null, true, '2021-01-05', '2021-01-15', '2021-01-18', true], // overridden: nothing moves
  ])(
    'exposure %s → %s (hand end %s, override %s)',
    (was, now, handEnd, overridden, start, end, computedEnd, kept) => {
      const m = stored(was, { ...(handEnd ? { end: handEnd } : {}), overridden })
      const r = recomputeDates(m, quarantine(now))
      expect(r).toMatchObject({ change: 'recomputed', start, end, computedEnd, endKeptByHand: kept })
    },
  )

  it('changes nothing when the facts give the same dates', () => {
    expect(recomputeDates(stored('2021-01-05'), quarantine('2021-01-05'))).toEqual({ change: 'none' })
  })

  it('changes nothing when the rules give no plan (e.g. no duty any more)', () => {
    expect(recomputeDates(stored('2021-01-05'), quarantine('2022-03-01'))).toEqual({ change: 'none' })
  })

  it('a hand-set end before the recomputed start keeps the start too', () => {
    const m = stored('2021-01-05', { end: '2021-01-07' })
    const r = recomputeDates(m, quarantine('2021-01-09'))
    expect(r).toMatchObject({
      change: 'recomputed',
      start: '2021-01-05',
      end: '2021-01-07',
      startKeptByHand: true,
    })
  })
})

describe('re-planning the calls after a recomputation', () => {
  const config = { days: [1, 3, 7], includeLastDay: true }
  // Exposure 5 January: calls 6, 8, 12 and 15 January. Day 1 and day 3 were made (one not reached).
  const existing = [
    { id: 'd1', plannedDate: '2021-01-06', done: true },
    { id: 'd3', plannedDate: '2021-01-08', done: true },
    { id: 'd7', plannedDate: '2021-01-12', done: false },
    { id: 'last', plannedDate: '2021-01-15', done: false },
  ]

  it('exposure moved later: calls made stay, calls not made follow the new dates', () => {
    const desired = followUpSchedule({ start: '2021-01-07', end: '2021-01-17' }, config)
    const r = reconcileSchedule(existing, desired, '2021-01-09', { backfill: true })
    expect(r.keep).toEqual([])
    expect(r.cancel).toEqual(['d7', 'last'])
    // Day 1 (8 Jan) is covered by the call made on 8 January; day 3 (10 Jan) onwards are new.
    expect(r.create.map((c) => [c.date, c.day, c.late])).toEqual([
      ['2021-01-10', 3, false],
      ['2021-01-14', 7, false],
      ['2021-01-17', 10, false],
    ])
  })

  it('exposure moved earlier: past days without a call are planned late, made calls untouched', () => {
    const desired = followUpSchedule({ start: '2021-01-02', end: '2021-01-12' }, config)
    const r = reconcileSchedule(existing, desired, '2021-01-09', { backfill: true })
    // The call planned for 12 January is now the last day: it stays (with its assignee).
    expect(r.keep).toEqual(['d7'])
    expect(r.cancel).toEqual(['last'])
    expect(r.create.map((c) => [c.date, c.late])).toEqual([
      ['2021-01-03', true],
      ['2021-01-05', true],
      ['2021-01-09', false],
    ])
  })

  it('same dates: nothing changes', () => {
    const desired = followUpSchedule({ start: '2021-01-05', end: '2021-01-15' }, config)
    expect(reconcileSchedule(existing, desired, '2021-01-09', { backfill: true })).toEqual({
      keep: ['d7', 'last'],
      cancel: [],
      create: [],
    })
  })
})
