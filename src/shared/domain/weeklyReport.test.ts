import { describe, expect, it } from 'vitest'
import { EXPOSURE_SETTINGS } from '../api/codes'
import { tabulate } from './reportTable'
import {
  addCounts,
  type CountRow,
  caseReportDate,
  contactExposureDate,
  countsFromRows,
  diffCounts,
  type Exposure,
  emptyCounts,
  knownContactSetting,
  maskShare,
  maskSmall,
  newCloseContacts,
  normalizeCounts,
  outbreakSetting,
  type PriorContact,
  participantExposureDate,
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

  it('a contact record counts on its last exposure, else its Oslo registration date', () => {
    expect(contactExposureDate({ lastExposure: '2021-01-02', createdAt: '2021-01-20T10:00:00Z' })).toBe(
      '2021-01-02',
    )
    expect(contactExposureDate({ lastExposure: null, createdAt: '2021-01-03T23:15:00Z' })).toBe('2021-01-04')
  })

  it('an event participation counts on the Oslo date of its exposure time', () => {
    // 23:30 UTC on Sunday 14 March 2021 is Monday 15 March in Oslo.
    expect(
      participantExposureDate({ exposureAt: '2021-03-14T23:30:00Z', createdAt: '2021-03-20T10:00:00Z' }),
    ).toBe('2021-03-15')
    expect(participantExposureDate({ exposureAt: null, createdAt: new Date('2021-06-30T21:59:00Z') })).toBe(
      '2021-06-30',
    )
  })
})

describe('new close contacts: distinct persons by last-exposure date', () => {
  const k = (personId: string, over: Partial<Extract<Exposure, { kind: 'contact' }>> = {}): Exposure => ({
    kind: 'contact',
    personId,
    unit: '0301',
    status: 'active',
    lastExposure: '2021-03-10',
    createdAt: '2021-03-20T10:00:00Z',
    ...over,
  })
  const p = (personId: string, over: Partial<Extract<Exposure, { kind: 'participant' }>> = {}): Exposure => ({
    kind: 'participant',
    personId,
    unit: '0301',
    role: 'contact',
    exposureAt: '2021-03-10T12:00:00Z',
    createdAt: '2021-03-10T15:00:00Z',
    ...over,
  })
  const W10 = ['2021-03-08', '2021-03-14'] as const
  it.each([
    [
      'one person with two contact records counts once',
      [k('a'), k('a', { lastExposure: '2021-03-09' })],
      { '0301': 1 },
    ],
    ['"ble smittet" counts', [k('a', { status: 'became_case' })], { '0301': 1 }],
    ['"ikke nærkontakt" does not', [k('a', { status: 'not_contact' })], {}],
    ['participant with role contact counts', [p('a')], { '0301': 1 }],
    ['attendee does not', [p('a', { role: 'attendee' })], {}],
    ['participant with role case does not', [p('a', { role: 'case' })], {}],
    [
      'exposure 23:30 UTC Sunday is Monday in Oslo (next week)',
      [p('a', { exposureAt: '2021-03-14T23:30:00Z' })],
      {},
    ],
    [
      'registered later, exposed in the week: counts',
      [k('a', { createdAt: '2021-06-01T10:00:00Z' })],
      { '0301': 1 },
    ],
    [
      'a person in two units counts once, under the latest exposure',
      [
        k('a', { unit: '030101', lastExposure: '2021-03-09' }),
        k('a', { unit: '030102', lastExposure: '2021-03-11' }),
      ],
      { '030102': 1 },
    ],
  ] as const)('%s', (_name, exposures, expected) => {
    expect(Object.fromEntries(newCloseContacts(exposures, ...W10))).toEqual(expected)
  })
})

describe('item (ii): known exposure to a close contact, by the record’s setting', () => {
  const c = { testDate: '2021-01-10', createdAt: '2021-01-10T12:00:00Z' }
  const k = (over: Partial<PriorContact>): PriorContact => ({
    createdAt: '2021-01-05T09:00:00Z',
    lastExposure: '2021-01-04',
    status: 'active',
    setting: 'household',
    ...over,
  })
  it.each([
    ['no contact record', c, [], null],
    ['a contact record exposed before the test date', c, [k({})], 'household'],
    ['"ble smittet" still counts', c, [k({ status: 'became_case' })], 'household'],
    ['"not a contact" does not count', c, [k({ status: 'not_contact' })], null],
    ['exposure on the test date', c, [k({ lastExposure: '2021-01-10' })], 'household'],
    ['exposure long before the test date (no window)', c, [k({ lastExposure: '2020-11-01' })], 'household'],
    ['exposure after the test date', c, [k({ lastExposure: '2021-01-11' })], null],
    [
      'registered after the case, exposed before: counts',
      c,
      [k({ createdAt: '2021-02-01T10:00:00Z' })],
      'household',
    ],
    ['no setting on the record → unknown', c, [k({ setting: null })], 'unknown'],
    [
      'several: the latest exposure decides',
      c,
      [
        k({ setting: 'school', lastExposure: '2021-01-08' }),
        k({ setting: 'household', lastExposure: '2021-01-02' }),
      ],
      'school',
    ],
    ['a probable case is never counted', { ...c, probable: true }, [k({})], null],
  ] as const)('%s', (_name, theCase, prior, expected) => {
    expect(knownContactSetting(theCase, prior)).toBe(expected)
  })
})

describe('item (iii): linked to a common-source outbreak, by the event’s setting', () => {
  it.each([
    [{ outbreak: true, setting: 'school' }, [], 'school'],
    [{ outbreak: false, setting: 'school' }, [], null],
    [
      null,
      [
        { outbreak: false, setting: 'school' },
        { outbreak: true, setting: 'event' },
      ],
      'event',
    ],
    [{ outbreak: true, setting: 'school' }, [{ outbreak: true, setting: 'event' }], 'school'],
    [null, [{ outbreak: false, setting: 'school' }], null],
    [null, [], null],
  ] as const)('source %o, participant (role case) of %o → %s', (source, events, expected) => {
    expect(outbreakSetting(source, events)).toBe(expected)
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
    // The denominator alone reveals a small count: hidden when it is 1–4, even with numerator 0.
    [0, 3, true, 'suppressed'],
    [0, 3, false, 0],
    [0, 12, true, 0],
    [5, 12, true, 0.4167],
    [5, 3, true, 'suppressed'],
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
  registered: 0,
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
