import { describe, expect, it } from 'vitest'
import { exposureWarning, type InfectiousPeriodInput, infectiousPeriod } from './infectiousPeriod'

describe('infectiousPeriod', () => {
  it.each<[string, InfectiousPeriodInput, ReturnType<typeof infectiousPeriod>]>([
    [
      'symptomatic: 48 h before onset',
      { symptomatic: true, onsetDate: '2021-01-05', testDate: '2021-01-07', isolationEnd: '2021-01-15' },
      { start: '2021-01-03', end: '2021-01-15', basis: 'onset', basisDate: '2021-01-05' },
    ],
    [
      'asymptomatic: 48 h before the test, onset ignored',
      { symptomatic: false, onsetDate: '2021-01-01', testDate: '2021-01-07', isolationEnd: null },
      { start: '2021-01-05', end: null, basis: 'test', basisDate: '2021-01-07' },
    ],
    [
      'symptomatic without a known onset: test date',
      { symptomatic: true, onsetDate: null, testDate: '2021-01-07' },
      { start: '2021-01-05', end: null, basis: 'test', basisDate: '2021-01-07' },
    ],
    [
      'onset on the test day: onset',
      { symptomatic: true, onsetDate: '2021-01-07', testDate: '2021-01-07' },
      { start: '2021-01-05', end: null, basis: 'onset', basisDate: '2021-01-07' },
    ],
    [
      'symptoms after the positive test: still from the test',
      { symptomatic: true, onsetDate: '2021-01-09', testDate: '2021-01-07' },
      { start: '2021-01-05', end: null, basis: 'test', basisDate: '2021-01-07' },
    ],
    [
      'probable case without a test: onset',
      { symptomatic: true, onsetDate: '2021-01-09' },
      { start: '2021-01-07', end: null, basis: 'onset', basisDate: '2021-01-09' },
    ],
    [
      'across the year boundary',
      { symptomatic: true, onsetDate: '2021-01-01', testDate: '2021-01-02' },
      { start: '2020-12-30', end: null, basis: 'onset', basisDate: '2021-01-01' },
    ],
    [
      'across the spring DST change',
      { symptomatic: false, testDate: '2021-03-29' },
      { start: '2021-03-27', end: null, basis: 'test', basisDate: '2021-03-29' },
    ],
    [
      'leap day',
      { symptomatic: false, testDate: '2020-03-01' },
      { start: '2020-02-28', end: null, basis: 'test', basisDate: '2020-03-01' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(infectiousPeriod(input)).toEqual(expected)
  })

  it.each<InfectiousPeriodInput>([
    { symptomatic: false, onsetDate: '2021-01-05', testDate: null },
    { symptomatic: true },
  ])('null when there is nothing to count from: %j', (input) => {
    expect(infectiousPeriod(input)).toBeNull()
  })
})

describe('exposureWarning', () => {
  const period = infectiousPeriod({
    symptomatic: true,
    onsetDate: '2021-01-05',
    testDate: '2021-01-06',
    isolationEnd: '2021-01-15',
  })
  if (!period) throw new Error('fixture')
  const ongoing = { ...period, end: null }
  const today = '2021-01-20'

  it.each([
    ['2021-01-03', period], // first day of the period
    ['2021-01-10', period],
    ['2021-01-15', period], // last day of isolation
    ['2021-01-20', ongoing], // today, while isolation is ongoing
  ])('%s inside the period → null', (date, p) => {
    expect(exposureWarning(date, p, today)).toBeNull()
  })

  it.each([
    [
      '2021-01-02',
      period,
      'warning',
      'before-period',
      'Siste eksponering er før smitteperioden (fra 03.01.2021)',
    ],
    [
      '2020-01-05',
      period,
      'warning',
      'before-period',
      'Siste eksponering er før smitteperioden (fra 03.01.2021)',
    ],
    [
      '2021-01-16',
      period,
      'warning',
      'after-period',
      'Siste eksponering er etter smitteperioden (til 15.01.2021)',
    ],
    [
      '2021-01-21',
      ongoing,
      'error',
      'future',
      'Siste eksponering kan ikke være fram i tid (i dag er 20.01.2021)',
    ],
    [
      '2020-01-04',
      period,
      'error',
      'too-old',
      'Siste eksponering er mer enn ett år før symptomstart (05.01.2021) – sjekk årstallet',
    ],
    [
      '2002-01-04',
      period,
      'error',
      'too-old',
      'Siste eksponering er mer enn ett år før symptomstart (05.01.2021) – sjekk årstallet',
    ],
  ])('%s → %s %s', (date, p, kind, code, message) => {
    expect(exposureWarning(date, p, today)).toEqual({ kind, code, message })
  })

  it('an ongoing period has no upper bound before today', () => {
    expect(exposureWarning('2021-01-19', ongoing, today)).toBeNull()
  })

  it('names the test date when the period counts from the test', () => {
    const byTest = infectiousPeriod({ symptomatic: false, testDate: '2021-01-06' })
    if (!byTest) throw new Error('fixture')
    expect(exposureWarning('2020-01-05', byTest, today)?.message).toBe(
      'Siste eksponering er mer enn ett år før testdato (06.01.2021) – sjekk årstallet',
    )
    expect(exposureWarning('2020-01-06', byTest, today)?.code).toBe('before-period')
  })
})
