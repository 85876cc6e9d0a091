import { describe, expect, it } from 'vitest'
import { EXPOSURE_SETTINGS } from '../api/codes'
import { tabulate } from './reportTable'
import {
  addCounts,
  type CountRow,
  caseReportDate,
  contactReportDate,
  countsFromRows,
  diffCounts,
  emptyCounts,
  hasKnownContactExposure,
  isOutbreakLinked,
  maskShare,
  maskSmall,
  normalizeCounts,
  type PriorContact,
  presentWeeklyReport,
  REPORT_SETTINGS,
  reportSetting,
  share,
} from './weeklyReport'

describe('settings', () => {
  it('are FHI’s ten, in the order of exposure-settings.csv', () => {
    expect([...REPORT_SETTINGS]).toEqual(EXPOSURE_SETTINGS.map((s) => s.code))
  })

  it.each([
    ['school', null, 'school'],
    [null, 'event', 'event'],
    ['bogus', 'workplace', 'workplace'],
    [null, null, 'unknown'],
    ['bogus', 'bogus', 'unknown'],
    ['household', 'event', 'household'],
  ] as const)('case %s, source event %s → %s', (c, e, expected) => {
    expect(reportSetting(c, e)).toBe(expected)
  })
})

describe('which date puts a record in a week', () => {
  it.each([
    [{ testDate: '2021-01-03', createdAt: '2021-01-05T10:00:00Z' }, '2021-01-03'],
    // No test date: the Oslo date of registration — 23:30 UTC on 31 Dec is already 1 Jan in Oslo.
    [{ testDate: null, createdAt: '2020-12-31T23:30:00Z' }, '2021-01-01'],
    [{ testDate: null, createdAt: '2021-01-03T22:59:59Z' }, '2021-01-03'],
    [{ testDate: null, createdAt: '2021-01-03T23:00:00Z' }, '2021-01-04'],
  ])('case %o → %s', (c, date) => {
    expect(caseReportDate(c)).toBe(date)
  })

  it('a contact counts on its Oslo registration date', () => {
    expect(contactReportDate('2021-01-03T23:15:00Z')).toBe('2021-01-04')
    expect(contactReportDate(new Date('2021-06-30T21:59:00Z'))).toBe('2021-06-30')
  })
})

describe('known exposure to a close contact', () => {
  const c = { sourceContactId: null, testDate: '2021-01-10', createdAt: '2021-01-10T12:00:00Z' }
  const k = (over: Partial<PriorContact>): PriorContact => ({
    createdAt: '2021-01-05T09:00:00Z',
    lastExposure: '2021-01-04',
    status: 'active',
    ...over,
  })
  it.each([
    ['linked to its source contact', { ...c, sourceContactId: 'x' }, [], true],
    ['no earlier contact registration', c, [], false],
    ['registered contact 6 days before, exposure in window', c, [k({})], true],
    ['finished contact still counts', c, [k({ status: 'finished' })], true],
    ['"not a contact" does not count', c, [k({ status: 'not_contact' })], false],
    ['exposure 14 days before the test date', c, [k({ lastExposure: '2020-12-27' })], true],
    ['exposure 15 days before the test date', c, [k({ lastExposure: '2020-12-26' })], false],
    ['exposure after the test date', c, [k({ lastExposure: '2021-01-11' })], false],
    ['no last exposure: the registration date is used', c, [k({ lastExposure: null })], true],
    [
      'registered after the case',
      c,
      [k({ createdAt: '2021-01-10T13:00:00Z', lastExposure: '2021-01-08' })],
      false,
    ],
    [
      'registered the day after the test, before the case record',
      { ...c, createdAt: '2021-01-12T12:00:00Z' },
      [k({ createdAt: '2021-01-11T08:00:00Z', lastExposure: '2021-01-08' })],
      false,
    ],
    [
      'probable case: the registration date is the report date',
      { ...c, testDate: null },
      [k({ createdAt: '2021-01-09T08:00:00Z', lastExposure: '2021-01-08' })],
      true,
    ],
  ] as const)('%s', (_name, theCase, prior, expected) => {
    expect(hasKnownContactExposure(theCase, prior)).toBe(expected)
  })
})

describe('linked to a common-source outbreak', () => {
  it.each([
    [{ outbreak: true }, [], true],
    [{ outbreak: false }, [], false],
    [null, [{ outbreak: false }, { outbreak: true }], true],
    [null, [{ outbreak: false }], false],
    [null, [], false],
  ])('source %o, participant of %o → %s', (source, events, expected) => {
    expect(isOutbreakLinked(source, events)).toBe(expected)
  })
})

describe('shares and the small-numbers rule', () => {
  it.each([
    [1, 4, 0.25],
    [1, 3, 0.3333],
    [2, 3, 0.6667],
    [0, 5, 0],
    [5, 5, 1],
    [0, 0, null],
  ])('share(%i, %i) = %s', (n, d, expected) => {
    expect(share(n, d)).toBe(expected)
  })

  it.each([
    [0, 0],
    [1, '<5'],
    [2, '<5'],
    [4, '<5'],
    [5, 5],
    [120, 120],
  ])('maskSmall(%i) = %s', (n, expected) => {
    expect(maskSmall(n)).toBe(expected)
  })

  it.each([
    [3, 10, true, 'suppressed'],
    [3, 10, false, 0.3],
    [0, 3, true, 0],
    [5, 8, true, 0.625],
    [0, 0, true, null],
  ])('maskShare(%i, %i, mask %s) = %s', (n, d, mask, expected) => {
    expect(maskShare(n, d, mask)).toBe(expected)
  })
})

const row = (over: Partial<CountRow>): CountRow => ({
  weekStart: '2020-12-28',
  kommune: '0301',
  unit: '0301',
  setting: 'household',
  cases: 0,
  probable: 0,
  confirmed: 0,
  knownContact: 0,
  outbreak: 0,
  contacts: 0,
  ...over,
})

describe('counts', () => {
  const rows = [
    row({ setting: 'household', cases: 7, probable: 1, confirmed: 6, knownContact: 4, outbreak: 0 }),
    row({ unit: '030101', setting: 'school', cases: 3, confirmed: 3, knownContact: 1, outbreak: 2 }),
    row({ setting: 'no-such-setting', cases: 1, confirmed: 1 }),
    row({ setting: null, contacts: 12 }),
  ]
  const c = countsFromRows(rows)

  it('sums rows, mapping unknown settings to "unknown"', () => {
    expect([c.cases, c.probable, c.confirmed, c.contacts]).toEqual([11, 1, 10, 12])
    expect(c.settings.household).toEqual({ confirmed: 6, knownContact: 4, outbreak: 0 })
    expect(c.settings.school).toEqual({ confirmed: 3, knownContact: 1, outbreak: 2 })
    expect(c.settings.unknown).toEqual({ confirmed: 1, knownContact: 0, outbreak: 0 })
  })

  it('presents exact cells for the owner, with shares of all confirmed cases', () => {
    const v = presentWeeklyReport(c, { mask: false })
    expect(v).toMatchObject({ cases: 11, confirmed: 10, knownContact: 5, knownContactShare: 0.5 })
    expect(v.outbreak).toBe(2)
    expect(v.outbreakShare).toBe(0.2)
    expect(v.settings.map((s) => s.setting)).toEqual([...REPORT_SETTINGS])
    expect(v.settings[0]).toEqual({
      setting: 'household',
      confirmed: 6,
      knownContact: 4,
      knownContactShare: 0.4,
      outbreak: 0,
      outbreakShare: 0,
    })
  })

  it('masks 1–4 and the shares built on them', () => {
    const v = presentWeeklyReport(c, { mask: true })
    expect(v).toMatchObject({ cases: 11, probable: '<5', knownContact: 5, knownContactShare: 0.5 })
    expect(v.outbreak).toBe('<5')
    expect(v.outbreakShare).toBe('suppressed')
    expect(v.settings[2]).toEqual({
      setting: 'school',
      confirmed: '<5',
      knownContact: '<5',
      knownContactShare: 'suppressed',
      outbreak: '<5',
      outbreakShare: 'suppressed',
    })
    expect(v.settings[3]).toMatchObject({ setting: 'university', confirmed: 0, knownContactShare: 0 })
  })

  it('has no shares without confirmed cases', () => {
    const v = presentWeeklyReport(emptyCounts(), { mask: true })
    expect(v.knownContactShare).toBeNull()
    expect(v.settings.every((s) => s.knownContactShare === null && s.outbreakShare === null)).toBe(true)
  })

  it('adds, compares and reads back stored counts', () => {
    const twice = addCounts(c, c)
    expect(twice.cases).toBe(22)
    expect(twice.settings.school.outbreak).toBe(4)
    expect(diffCounts(c, c)).toEqual([])
    expect(diffCounts(c, twice).slice(0, 2)).toEqual([
      { field: 'cases', submitted: 11, draft: 22 },
      { field: 'probable', submitted: 1, draft: 2 },
    ])
    expect(normalizeCounts(JSON.parse(JSON.stringify(c)))).toEqual(c)
    expect(normalizeCounts({ cases: 'x', settings: { school: { confirmed: 2 } } }).settings.school).toEqual({
      confirmed: 2,
      knownContact: 0,
      outbreak: 0,
    })
  })
})

describe('saved report tables', () => {
  const rows = [
    row({ weekStart: '2020-12-28', setting: 'household', cases: 6, confirmed: 6, knownContact: 3 }),
    row({ weekStart: '2021-01-04', setting: 'school', cases: 2, confirmed: 2, outbreak: 1 }),
    row({ weekStart: '2021-01-04', setting: null, contacts: 9 }),
  ]

  it('by week, across the year boundary, with empty weeks and a sum', () => {
    const t = tabulate(rows, {
      breakdown: 'week',
      measures: ['cases', 'contacts', 'knownContactShare'],
      keys: ['2020-W53', '2021-W01', '2021-W02'],
    })
    expect(t).toEqual([
      { key: '2020-W53', label: '2020-W53', values: [6, 0, 0.5] },
      { key: '2021-W01', label: '2021-W01', values: [2, 9, 0] },
      { key: '2021-W02', label: '2021-W02', values: [0, 0, null] },
      { key: 'total', label: 'total', values: [8, 9, 0.375] },
    ])
  })

  it('by setting: every setting in order, contacts have none', () => {
    const t = tabulate(rows, { breakdown: 'setting', measures: ['confirmed', 'contacts', 'outbreak'] })
    expect(t.map((r) => r.key)).toEqual([...REPORT_SETTINGS, 'total'])
    expect(t[0]!.values).toEqual([6, null, 0])
    expect(t[2]!.values).toEqual([2, null, 1])
    expect(t[10]!.values).toEqual([8, 9, 1])
  })
})
