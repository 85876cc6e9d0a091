import { describe, expect, it } from 'vitest'
import { computeIsolation, computeQuarantine, type RuleSet, ruleSetFor } from './measures'
import { DEFAULT_RULE_SETS } from './ruleSets'

const tenDays: RuleSet = {
  id: 'test-10',
  name: 'Testregler',
  validFrom: '2021-01-01',
  validTo: null,
  source: 'test fixture',
  quarantine: { days: 10, from: 'last-exposure', testOutDay: 7 },
  isolation: { days: 10, from: 'onset-or-test' },
}
const noTestOut: RuleSet = { ...tenDays, quarantine: { days: 14, from: 'last-exposure', testOutDay: null } }
const nothing: RuleSet = { ...tenDays, quarantine: null, isolation: null }

describe('ruleSetFor (default Norwegian rule sets)', () => {
  it.each([
    ['2020-03-11', null],
    ['2020-03-12', 'no-2020-03-12'],
    ['2020-05-06', 'no-2020-03-12'],
    ['2020-05-07', 'no-2020-05-07'],
    ['2020-12-31', 'no-2020-05-07'],
    ['2021-01-01', 'no-2021-01-01'],
    ['2021-09-24', 'no-2021-01-01'],
    ['2021-09-25', 'no-2021-09-25'],
    ['2021-12-14', 'no-2021-09-25'],
    ['2021-12-15', 'no-2021-12-15'],
    ['2022-02-11', 'no-2021-12-15'],
    ['2022-02-12', 'no-2022-02-12'],
    ['2030-06-01', 'no-2022-02-12'],
  ])('%s → %s', (date, id) => {
    expect(ruleSetFor(DEFAULT_RULE_SETS, date)?.id ?? null).toBe(id)
  })

  it('refuses to choose between overlapping sets', () => {
    const overlapping = [tenDays, { ...noTestOut, id: 'other', validFrom: '2021-06-01' }]
    expect(ruleSetFor(overlapping, '2021-05-31')?.id).toBe('test-10')
    expect(() => ruleSetFor(overlapping, '2021-06-01')).toThrow(/test-10, other/)
  })
})

describe('computeQuarantine: exposure day is day 0, ends at the end of day N', () => {
  it.each([
    // lastExposure, negative test, end, testOutEnd
    ['2021-01-01', null, '2021-01-11', null],
    ['2021-01-01', '2021-01-08', '2021-01-11', '2021-01-08'], // test on day 7 counts
    ['2021-01-01', '2021-01-07', '2021-01-11', null], // day 6 is too early
    ['2021-01-01', '2021-01-10', '2021-01-11', '2021-01-10'],
    ['2021-01-01', '2021-01-11', '2021-01-11', null], // on the last day it ends anyway
    ['2021-03-20', null, '2021-03-30', null], // across spring-forward
    ['2021-10-25', '2021-11-01', '2021-11-04', '2021-11-01'], // across fall-back
    ['2021-12-28', '2022-01-04', '2022-01-07', '2022-01-04'], // across the year
  ])('exposure %s, negative test %s → end %s, test-out %s', (lastExposure, test, end, testOutEnd) => {
    expect(computeQuarantine(tenDays, { lastExposure, negativeTestDate: test })).toMatchObject({
      start: lastExposure,
      end,
      testOutEnd,
    })
  })

  it('explains the dates in Norwegian', () => {
    expect(
      computeQuarantine(tenDays, { lastExposure: '2021-01-01', negativeTestDate: '2021-01-08' }),
    ).toEqual({
      start: '2021-01-01',
      end: '2021-01-11',
      testOutEnd: '2021-01-08',
      explanation:
        'Karantene i 10 døgn etter siste eksponering 01.01.2021, til og med 11.01.2021 (Testregler). ' +
        'Negativ test tatt 08.01.2021 (døgn 7 eller senere) avslutter karantenen.',
    })
    expect(
      computeQuarantine(tenDays, { lastExposure: '2021-01-01', negativeTestDate: '2021-01-05' })?.explanation,
    ).toContain('Negativ test 05.01.2021 er tatt før døgn 7 (08.01.2021) og avslutter ikke karantenen.')
  })

  it('ignores a negative test when the rules have no test-out', () => {
    expect(
      computeQuarantine(noTestOut, { lastExposure: '2020-03-20', negativeTestDate: '2020-03-30' }),
    ).toMatchObject({ end: '2020-04-03', testOutEnd: null })
  })

  it('is null when the rule set has no quarantine', () => {
    expect(computeQuarantine(nothing, { lastExposure: '2022-03-01' })).toBeNull()
  })

  it.each([
    ['2020-03-20', '2020-04-03'], // 14 days
    ['2020-06-01', '2020-06-11'], // 10 days
  ])('default rules: exposure %s → end %s', (lastExposure, end) => {
    const rules = ruleSetFor(DEFAULT_RULE_SETS, lastExposure)
    if (!rules) throw new Error('no rule set')
    expect(computeQuarantine(rules, { lastExposure })?.end).toBe(end)
  })
})

describe('computeIsolation', () => {
  it.each([
    // onset, test → start, end, basis
    ['2021-01-05', '2021-01-06', '2021-01-06', '2021-01-15', 'onset'],
    [null, '2021-01-06', '2021-01-06', '2021-01-16', 'test'], // no symptoms
    ['2021-01-08', '2021-01-06', '2021-01-06', '2021-01-18', 'onset'], // symptoms after the test
    ['2020-12-20', '2021-01-06', '2021-01-06', '2021-01-16', 'test'], // onset too early to be this illness
    ['2020-12-27', '2021-01-06', '2021-01-06', '2021-01-16', 'test'], // onset + 10 = test day
    ['2020-12-28', '2021-01-06', '2021-01-06', '2021-01-07', 'onset'], // onset + 10 = day after test
    ['2021-01-05', null, '2021-01-05', '2021-01-15', 'onset'], // probable case without a test
    ['2021-03-25', '2021-03-26', '2021-03-26', '2021-04-04', 'onset'], // across spring-forward
  ])('onset %s, test %s → %s – %s from %s', (onsetDate, testDate, start, end, basis) => {
    expect(computeIsolation(tenDays, { onsetDate, testDate })).toMatchObject({ start, end, basis })
  })

  it('explains, including a symptom-free condition it cannot compute', () => {
    const rules: RuleSet = {
      ...tenDays,
      isolation: { days: 8, from: 'onset-or-test', minSymptomFreeDays: 3 },
    }
    expect(computeIsolation(rules, { onsetDate: '2021-01-05', testDate: '2021-01-06' })?.explanation).toBe(
      'Isolasjon i 8 døgn etter symptomstart 05.01.2021, til og med 13.01.2021 (Testregler). ' +
        'Isolasjonen varer likevel til personen har vært uten symptomer i minst 3 døgn.',
    )
    expect(computeIsolation(tenDays, { testDate: '2021-01-06' })?.explanation).toBe(
      'Isolasjon i 10 døgn etter positiv test 06.01.2021, til og med 16.01.2021 (Testregler).',
    )
  })

  it('is null without an isolation rule, and throws without any date', () => {
    expect(computeIsolation(nothing, { testDate: '2022-03-01' })).toBeNull()
    expect(() => computeIsolation(tenDays, { onsetDate: null, testDate: null })).toThrow(RangeError)
  })

  it.each([
    ['2021-02-01', '2021-02-11'], // 10 days (2021)
    ['2021-10-01', '2021-10-06'], // 5 days (from 25.09.2021)
    ['2021-12-20', '2021-12-26'], // 6 days (from 15.12.2021)
  ])('default rules: test %s → end %s', (testDate, end) => {
    const rules = ruleSetFor(DEFAULT_RULE_SETS, testDate)
    if (!rules) throw new Error('no rule set')
    expect(computeIsolation(rules, { testDate })?.end).toBe(end)
  })
})
