import { describe, expect, it } from 'vitest'
import { measureStatusOn, planMeasure } from './measurePlan'
import { DEFAULT_RULE_SETS } from './ruleSets'

/**
 * The documented Norwegian history (DEFAULT_RULE_SETS) at every period's first and last day, on
 * the daylight-saving days of 2021 (28 March, 31 October) and for measures that start before a
 * rule change and run across it: they keep the rules in force on their start date. A wrong
 * figure or boundary in any period makes one of these rows fail.
 */
describe('planMeasure: quarantine under the documented rule sets', () => {
  it.each([
    // lastExposure, negative test, rule set, end, test-out end
    ['2020-03-12', null, 'no-2020-03-12', '2020-03-26', null], // first day of the first rules: 14 days
    ['2020-05-06', null, 'no-2020-03-12', '2020-05-20', null], // last 14-day day, runs past 7 May
    ['2020-05-07', null, 'no-2020-05-07', '2020-05-17', null], // first 10-day day
    ['2020-12-31', '2021-01-07', 'no-2020-05-07', '2021-01-10', null], // no test-out yet, also in 2021
    ['2021-01-01', null, 'no-2021-01-01', '2021-01-11', null],
    ['2021-01-01', '2021-01-08', 'no-2021-01-01', '2021-01-08', '2021-01-08'], // test-out on day 7
    ['2021-01-01', '2021-01-07', 'no-2021-01-01', '2021-01-11', null], // day 6 is too early
    ['2021-03-21', null, 'no-2021-01-01', '2021-03-31', null], // across spring-forward (28 March)
    ['2021-03-28', null, 'no-2021-01-01', '2021-04-07', null], // exposure on the spring-forward day
    ['2021-03-21', '2021-03-28', 'no-2021-01-01', '2021-03-28', '2021-03-28'], // day 7 = DST day
    ['2021-09-24', null, 'no-2021-01-01', '2021-10-04', null], // last day of the 2021 rules
    ['2021-09-25', null, 'no-2021-09-25', '2021-10-05', null],
    ['2021-10-24', '2021-10-31', 'no-2021-09-25', '2021-10-31', '2021-10-31'], // day 7 = fall-back day
    ['2021-10-24', null, 'no-2021-09-25', '2021-11-03', null], // across fall-back (31 October)
    ['2021-10-31', null, 'no-2021-09-25', '2021-11-10', null], // exposure on the fall-back day
    ['2021-12-14', null, 'no-2021-09-25', '2021-12-24', null],
    ['2021-12-15', null, 'no-2021-12-15', '2021-12-25', null],
    ['2022-02-11', null, 'no-2021-12-15', '2022-02-21', null], // runs past the end of all duties
  ])(
    'exposure %s, negative test %s → %s, end %s (test-out %s)',
    (lastExposure, test, ruleSetId, end, testOut) => {
      const plan = planMeasure(DEFAULT_RULE_SETS, {
        kind: 'quarantine',
        lastExposure,
        negativeTestDate: test,
      })
      expect(plan).toMatchObject({
        ok: true,
        start: lastExposure,
        end,
        testOutEnd: testOut,
        basis: 'last-exposure',
        ruleSet: { id: ruleSetId },
      })
    },
  )

  it.each([
    ['2020-03-11', 'no-rule-set', null], // before the first rules
    ['2022-02-12', 'no-duty', 'no-2022-02-12'], // February 2022: no quarantine duty
    ['2023-06-01', 'no-duty', 'no-2022-02-12'],
  ])('exposure %s → %s', (lastExposure, reason, ruleSetId) => {
    const plan = planMeasure(DEFAULT_RULE_SETS, { kind: 'quarantine', lastExposure })
    expect(plan.ok).toBe(false)
    if (plan.ok) return
    expect(plan.reason).toBe(reason)
    expect(plan.ruleSet?.id ?? null).toBe(ruleSetId)
  })

  it('says which date is missing', () => {
    expect(planMeasure(DEFAULT_RULE_SETS, { kind: 'quarantine', lastExposure: null })).toMatchObject({
      ok: false,
      reason: 'missing-date',
      message: 'Nærkontakten mangler dato for siste eksponering',
    })
  })
})

describe('planMeasure: isolation under the documented rule sets', () => {
  it.each([
    // onset, test, rule set, start, end, basis
    [null, '2021-01-01', 'no-2021-01-01', '2021-01-01', '2021-01-11', 'test'], // first day: 10 days
    [null, '2021-03-28', 'no-2021-01-01', '2021-03-28', '2021-04-07', 'test'], // test on the spring-forward day
    ['2021-03-25', '2021-03-26', 'no-2021-01-01', '2021-03-26', '2021-04-04', 'onset'], // across it
    [null, '2021-09-24', 'no-2021-01-01', '2021-09-24', '2021-10-04', 'test'], // keeps 10 days past 25 Sept
    [null, '2021-09-25', 'no-2021-09-25', '2021-09-25', '2021-09-30', 'test'], // first 5-day day
    ['2021-09-24', '2021-09-25', 'no-2021-09-25', '2021-09-25', '2021-09-29', 'onset'], // rules of the test day
    [null, '2021-10-31', 'no-2021-09-25', '2021-10-31', '2021-11-05', 'test'], // test on the fall-back day
    ['2021-10-28', '2021-10-30', 'no-2021-09-25', '2021-10-30', '2021-11-02', 'onset'], // across it
    [null, '2021-12-14', 'no-2021-09-25', '2021-12-14', '2021-12-19', 'test'],
    [null, '2021-12-15', 'no-2021-12-15', '2021-12-15', '2021-12-21', 'test'], // first 6-day day
    [null, '2022-02-11', 'no-2021-12-15', '2022-02-11', '2022-02-17', 'test'], // runs past 12 Feb
    ['2021-06-10', null, 'no-2021-01-01', '2021-06-10', '2021-06-20', 'onset'], // probable case, no test
  ])('onset %s, test %s → %s: %s – %s from %s', (onsetDate, testDate, ruleSetId, start, end, basis) => {
    const plan = planMeasure(DEFAULT_RULE_SETS, { kind: 'isolation', onsetDate, testDate })
    expect(plan).toMatchObject({ ok: true, ruleSet: { id: ruleSetId }, start, end, basis })
  })

  it.each([
    ['2020-03-20', 'no-duty'], // 2020: isolation not modelled, set by hand
    ['2020-12-31', 'no-duty'],
    ['2022-02-12', 'no-duty'],
    ['2019-12-31', 'no-rule-set'],
  ])('test %s → %s', (testDate, reason) => {
    expect(planMeasure(DEFAULT_RULE_SETS, { kind: 'isolation', testDate })).toMatchObject({
      ok: false,
      reason,
    })
  })

  it('needs an onset or a test date', () => {
    expect(planMeasure(DEFAULT_RULE_SETS, { kind: 'isolation' })).toMatchObject({
      ok: false,
      reason: 'missing-date',
    })
  })
})

describe('measureStatusOn', () => {
  const m = { start: '2021-03-26', end: '2021-03-29' }
  it.each([
    ['2021-03-25', null, 'planned'],
    ['2021-03-26', null, 'active'],
    ['2021-03-28', null, 'active'], // DST day
    ['2021-03-29', null, 'active'], // the last day is still in the measure
    ['2021-03-30', null, 'ended'],
    ['2021-03-27', 'cancelled', 'cancelled'],
    ['2021-03-27', 'ended', 'ended'],
  ] as const)('on %s (closed: %s) → %s', (today, closed, status) => {
    expect(measureStatusOn({ ...m, closed }, today)).toBe(status)
  })
})
