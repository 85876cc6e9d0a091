import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOwner } from '../../audit/test-helpers'
import { buildTestApp } from '../../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs } from '../../test/factories'
import { builder } from './reports.fixtures'

/**
 * The definitions of issue 19 (docs/weekly-report.md) on a hand-built Oslo, one rule per record.
 * 2021-W10 = Mon 8 – Sun 14 March, W11 = 15–21 March, W12 = 22–28 March (Oslo is UTC+1 then).
 * Expected cells are listed per week and viewer: the owner (exact, whole municipality or bydel
 * 030101), FHI (exact) and the platform operator (outside the municipality: small numbers masked).
 */
let t: Awaited<ReturnType<typeof buildTestApp>>
let owner: LoggedIn
let fhi: LoggedIn
let operator: LoggedIn

beforeAll(async () => {
  t = await buildTestApp()
  await activateKommune(t.db.db, '0301')
  await asOwner(t.db, async (c) => {
    const b = builder(c)
    // Index cases of week 9, to hang contact records on.
    const x = await b.kase({ test: '2021-03-01', created: '2021-03-01T10:00:00Z', setting: 'household' })
    const y = await b.kase({ test: '2021-03-01', created: '2021-03-01T11:00:00Z', setting: 'household' })
    const contact = (o: Omit<Parameters<typeof b.contact>[0], 'caseId'> & { caseId?: string }) =>
      b.contact({ caseId: x.id, ...o })

    // P1: one person, two contact records exposed in W10, registered (back-filled) in W11.
    const p1 = await b.person()
    await contact({ person: p1, lastExposure: '2021-03-09', created: '2021-03-20T10:00:00Z' })
    await contact({ person: p1, caseId: y.id, lastExposure: '2021-03-10', created: '2021-03-20T10:05:00Z' })
    // P2: status "ble smittet" still counts. P3: "ikke nærkontakt" does not.
    await contact({ status: 'became_case', lastExposure: '2021-03-11', created: '2021-03-11T10:00:00Z' })
    await contact({ status: 'not_contact', lastExposure: '2021-03-11', created: '2021-03-11T10:00:00Z' })
    // Event participants: P4 role contact (W10), P5 attendee (never a contact), P6 role contact
    // exposed 23:30 UTC on Sunday 14 March = Monday 15 March in Oslo (W11).
    const e = await b.event({ setting: 'workplace', outbreak: false, name: 'Kantine' })
    const p4 = await b.person()
    await b.participant({
      event: e,
      person: p4,
      role: 'contact',
      exposureAt: '2021-03-10T12:00:00Z',
      created: '2021-03-10T15:00:00Z',
    })
    await b.participant({
      event: e,
      person: await b.person(),
      role: 'attendee',
      exposureAt: '2021-03-10T12:00:00Z',
      created: '2021-03-10T15:00:00Z',
    })
    await b.participant({
      event: e,
      person: await b.person(),
      role: 'contact',
      exposureAt: '2021-03-14T23:30:00Z',
      created: '2021-03-16T09:00:00Z',
    })
    // P7: a contact record owned by bydel Gamle Oslo (030101).
    await contact({ unit: '030101', lastExposure: '2021-03-12', created: '2021-03-12T10:00:00Z' })

    // W10 cases (3 confirmed).
    // C8: outbreak case linked only by participation (role case of outbreak O, the case does not
    // point at it), no setting of its own: item (iii) under the event's setting (school).
    const o = await b.event({ setting: 'school', outbreak: true, name: 'Utbrudd skole' })
    const c8 = await b.kase({ test: '2021-03-10', created: '2021-03-10T10:00:00Z', setting: null })
    await b.participant({ event: o, person: c8.person, role: 'case', created: '2021-03-10T11:00:00Z' })
    // C9: two earlier contact records; the latest (workplace) decides item (ii).
    const p9 = await b.person()
    await contact({
      person: p9,
      setting: 'household',
      lastExposure: '2021-03-08',
      created: '2021-03-09T10:00:00Z',
    })
    await contact({
      person: p9,
      caseId: y.id,
      setting: 'workplace',
      lastExposure: '2021-03-09',
      created: '2021-03-09T10:00:00Z',
    })
    await b.kase({ person: p9, test: '2021-03-11', created: '2021-03-11T12:00:00Z', setting: 'household' })
    // C10 (bydel 030101): its contact record's last exposure is after its test date: not item (ii).
    const p10 = await b.person()
    await contact({
      person: p10,
      setting: 'school',
      lastExposure: '2021-03-12',
      created: '2021-03-12T10:00:00Z',
    })
    await b.kase({
      person: p10,
      test: '2021-03-10',
      created: '2021-03-12T12:00:00Z',
      setting: 'travel',
      unit: '030101',
    })

    // W11 cases (12 confirmed). C11: P4 was only an event participant: not item (ii).
    await b.kase({ person: p4, test: '2021-03-16', created: '2021-03-16T12:00:00Z', setting: 'event' })
    for (let i = 0; i < 11; i++) {
      const p = await b.person()
      // Five of them were contacts exposed on Monday 15 March (W11 contacts, item ii: school).
      if (i < 5)
        await contact({
          person: p,
          setting: 'school',
          lastExposure: '2021-03-15',
          created: '2021-03-15T10:00:00Z',
        })
      await b.kase({ person: p, test: '2021-03-17', created: '2021-03-17T12:00:00Z', setting: 'school' })
    }
    // W12: one probable case without a test date: no confirmed cases, so no shares.
    await b.kase({ test: null, probable: true, created: '2021-03-23T10:00:00Z', setting: 'workplace' })
    // 2020-W53: a case tested on Sunday 3 January 2021.
    await b.kase({ test: '2021-01-03', created: '2021-01-04T10:00:00Z', setting: 'household' })
    await c.query('analyze cases; analyze contacts; analyze event_participants')
  })
  const login = async (name: string, roles: { role: 'report' | 'fhi' | 'operator'; kommune?: string }[]) =>
    loginAs(t.app, await buildUser(t.db.db, { name, roles }))
  owner = await login('Randi Rapport', [{ role: 'report', kommune: '0301' }])
  fhi = await login('Fredrik Analytiker', [{ role: 'fhi' }])
  operator = await login('Olga Operatør', [{ role: 'operator' }])
})
afterAll(() => t.close())

async function ownerView(week: string, unit?: string) {
  const res = await owner.inject({ url: `/api/reports/weekly/${week}${unit ? `?unit=${unit}` : ''}` })
  expect(res.statusCode).toBe(200)
  return res.json().draft.view
}
async function nationalView(who: LoggedIn, week: string) {
  const res = await who.inject({ url: `/api/fhi/weekly/${week}` })
  expect(res.statusCode).toBe(200)
  const body = res.json()
  return {
    oslo: body.municipalities.find((m: { code: string }) => m.code === '0301').live,
    national: body.national.live,
  }
}

const setting = (view: { settings: { setting: string }[] }, s: string) =>
  view.settings.find((l) => l.setting === s)

describe('issue 19 definitions: the owner’s exact view', () => {
  it.each([
    // week, unit, expected cells, what it shows
    [
      '2021-W10',
      undefined,
      {
        cases: 3,
        probable: 0,
        confirmed: 3,
        // P1 (two records, once), P2 (ble smittet), P4 (participant role contact), P7 (bydel), P9, P10;
        // not P3 (ikke nærkontakt), P5 (attendee), P6 (Monday in Oslo), C8's person (role case).
        contacts: 6,
        // P2, P4, P7, P9 ×2, P10 registered in W10 (P1's two records were registered in W11).
        registered: 6,
        knownContact: 1,
        knownContactShare: 0.3333,
        outbreak: 1,
        outbreakShare: 0.3333,
      },
      'distinct persons by last-exposure date; statuses and roles',
    ],
    [
      '2021-W10',
      '030101',
      { cases: 1, confirmed: 1, contacts: 1, registered: 1, knownContact: 0, outbreak: 0 },
      'a record in a sub-unit counts in the sub-unit and in the kommune',
    ],
    [
      '2021-W11',
      undefined,
      {
        cases: 12,
        confirmed: 12,
        contacts: 6,
        registered: 8,
        knownContact: 5,
        knownContactShare: 0.4167,
        outbreak: 0,
        outbreakShare: 0,
      },
      'Sunday 23:30 UTC exposure is Monday; back-filled records count as workload in W11',
    ],
    [
      '2021-W12',
      undefined,
      { cases: 1, probable: 1, confirmed: 0, contacts: 0, knownContactShare: null, outbreakShare: null },
      'a zero denominator gives no share',
    ],
    ['2020-W53', undefined, { cases: 1, confirmed: 1 }, 'a case tested on 3 January 2021 is in 2020-W53'],
    ['2021-W01', undefined, { cases: 0, confirmed: 0 }, '… and not in 2021-W01'],
  ] as const)('%s %s: %j (%s)', async (week, unit, expected, _what) => {
    expect(await ownerView(week, unit)).toMatchObject(expected)
  })

  it('item (ii) by the latest contact record’s setting, item (iii) by the outbreak event’s setting', async () => {
    const v = await ownerView('2021-W10')
    expect(setting(v, 'workplace')).toMatchObject({
      confirmed: 0,
      knownContact: 1,
      knownContactShare: 0.3333,
    })
    expect(setting(v, 'household')).toMatchObject({ confirmed: 1, knownContact: 0, outbreak: 0 })
    expect(setting(v, 'school')).toMatchObject({ confirmed: 0, outbreak: 1, outbreakShare: 0.3333 })
    expect(setting(v, 'unknown')).toMatchObject({ confirmed: 1, knownContact: 0, outbreak: 0 })
    const w11 = await ownerView('2021-W11')
    expect(setting(w11, 'school')).toMatchObject({ knownContact: 5, knownContactShare: 0.4167 })
    expect(setting(w11, 'event')).toMatchObject({ confirmed: 1, knownContact: 0 })
  })
})

describe('issue 19 definitions: small numbers outside the municipality', () => {
  it.each([
    // week, viewer, Oslo's summary as the viewer sees it
    [
      '2021-W10',
      'operator',
      {
        cases: '<5',
        confirmed: '<5',
        contacts: 6,
        registered: 6,
        knownContact: '<5',
        knownContactShare: 'suppressed',
        outbreakShare: 'suppressed',
      },
    ],
    ['2021-W10', 'fhi', { cases: 3, confirmed: 3, knownContact: 1, knownContactShare: 0.3333 }],
    [
      '2021-W11',
      'operator',
      { cases: 12, confirmed: 12, knownContact: 5, knownContactShare: 0.4167, outbreak: 0, outbreakShare: 0 },
    ],
    [
      '2021-W12',
      'operator',
      { cases: '<5', probable: '<5', confirmed: 0, knownContactShare: null, outbreakShare: null },
    ],
  ] as const)('%s seen by %s: %j', async (week, who, expected) => {
    const { oslo } = await nationalView(who === 'fhi' ? fhi : operator, week)
    expect(oslo).toMatchObject(expected)
  })

  it('a share whose numerator is 0 is still hidden when the denominator is 1–4, shown with 12', async () => {
    const w10 = (await nationalView(operator, '2021-W10')).national
    expect(setting(w10, 'university')).toMatchObject({
      confirmed: 0,
      knownContact: 0,
      knownContactShare: 'suppressed',
    })
    expect(setting(w10, 'travel')).toMatchObject({ confirmed: '<5', outbreakShare: 'suppressed' })
    const w11 = (await nationalView(operator, '2021-W11')).national
    expect(setting(w11, 'household')).toMatchObject({ knownContact: 0, knownContactShare: 0 })
    expect(setting(w11, 'school')).toMatchObject({ knownContact: 5, knownContactShare: 0.4167 })
  })
})
