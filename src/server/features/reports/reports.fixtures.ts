import type pg from 'pg'
import { asOwner } from '../../audit/test-helpers'
import { buildTestApp } from '../../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs } from '../../test/factories'

/**
 * A synthetic Oslo (0301) with known registrations around the year boundary, and a little of
 * Bergen (4601). Every expected cell of the weekly reports below follows from the list; the
 * comments name the rule each record exercises. 2020-W53 is Mon 2020-12-28 – Sun 2021-01-03,
 * 2021-W01 is Mon 2021-01-04 – Sun 2021-01-10. Oslo bydeler: 030101 Gamle Oslo, 030102 Grünerløkka.
 */
export async function seedReportingData(t: Awaited<ReturnType<typeof buildTestApp>>['db']) {
  return asOwner(t, async (c) => {
    const b = builder(c)
    // Parent cases outside the weeks under test, to hang helper contacts on.
    const parent = await b.kase({ test: '2020-12-20', created: '2020-12-20T10:00:00Z', setting: 'household' })
    await b.kase({ test: '2020-12-27', created: '2020-12-27T10:00:00Z', setting: 'household' }) // W52 Sunday
    const bergenCase = await b.kase({
      kommune: '4601',
      test: '2020-12-30',
      created: '2020-12-30T10:00:00Z',
      setting: 'workplace',
    })
    const earlier = { caseId: parent.id, created: '2020-12-20T12:00:00Z', lastExposure: '2020-12-19' }

    // Household: four cases converted from their contact records (known contact, rule a).
    for (const [test, i] of [
      ['2020-12-28', 1],
      ['2020-12-28', 2],
      ['2020-12-29', 3],
      ['2020-12-30', 4],
    ] as const) {
      const p = await b.person()
      const k = await b.contact({ ...earlier, person: p, status: 'became_case' })
      const kase = await b.kase({
        person: p,
        test,
        created: `${test}T1${i}:00:00Z`,
        setting: 'household',
        sourceContact: k,
      })
      if (i === 1) {
        // A1's own new contacts: three on Monday, one late Sunday evening (Oslo) in a bydel, and one
        // just after midnight Oslo time, which belongs to 2021-W01.
        for (let n = 0; n < 3; n++) await b.contact({ caseId: kase.id, created: '2020-12-28T12:00:00Z' })
        await b.contact({ caseId: kase.id, created: '2021-01-03T22:30:00Z', unit: '030101' })
        await b.contact({ caseId: kase.id, created: '2021-01-03T23:10:00Z', unit: '030101' })
        await c.query(`update cases set onset_date = '2020-12-26' where id = $1`, [kase.id])
      }
    }
    // Household, bydel 030101: registered as a contact on Sunday of W52, exposed the day before (rule b).
    const pA2 = await b.person()
    await b.contact({
      caseId: parent.id,
      person: pA2,
      created: '2020-12-27T12:00:00Z',
      lastExposure: '2020-12-26',
    })
    const a2 = await b.kase({
      person: pA2,
      test: '2020-12-30',
      created: '2020-12-30T15:00:00Z',
      setting: 'household',
      unit: '030101',
    })
    await c.query(`update cases set onset_date = '2020-12-29' where id = $1`, [a2.id])
    // Household: a contact registration in Bergen counts too (rule b across municipalities).
    const pA9 = await b.person()
    await b.contact({
      kommune: '4601',
      caseId: bergenCase.id,
      person: pA9,
      created: '2020-12-29T12:00:00Z',
      lastExposure: '2020-12-28',
    })
    await b.kase({ person: pA9, test: '2020-12-31', created: '2020-12-31T10:00:00Z', setting: 'household' })
    // Household: the contact registration was marked "not a contact" (no known exposure, not a new contact).
    const pA10 = await b.person()
    await b.contact({
      caseId: parent.id,
      person: pA10,
      created: '2020-12-29T08:00:00Z',
      lastExposure: '2020-12-28',
      status: 'not_contact',
    })
    await b.kase({ person: pA10, test: '2020-12-31', created: '2020-12-31T11:00:00Z', setting: 'household' })

    // Outbreaks: E1 (school) and E2 (event) are outbreaks, E3 is not.
    const e1 = await b.event({ setting: 'school', outbreak: true, name: 'Utbrudd skole' })
    const e2 = await b.event({ setting: 'event', outbreak: true, name: 'Utbrudd fest' })
    const e3 = await b.event({ setting: 'workplace', outbreak: false, name: 'Kantine' })
    // School: source event E1 — one tested on Sunday 2021-01-03 (still W53), in bydel 030101 …
    await b.kase({
      test: '2021-01-03',
      created: '2021-01-03T12:00:00Z',
      setting: 'school',
      sourceEvent: e1,
      unit: '030101',
    })
    // … and one without a setting of its own: it is reported under the event's setting.
    await b.kase({ test: '2020-12-29', created: '2020-12-29T12:00:00Z', setting: null, sourceEvent: e1 })
    // Event: a participant with role 'case' of outbreak E2.
    const a6 = await b.kase({ test: '2020-12-29', created: '2020-12-29T13:00:00Z', setting: 'event' })
    await b.participant({ event: e2, person: a6.person, role: 'case', caseId: a6.id })
    // Travel: registered as a contact only after the case was registered (no known exposure; the
    // contact is a new contact of W53).
    const pA7 = await b.person()
    await b.kase({ person: pA7, test: '2021-01-02', created: '2021-01-02T09:00:00Z', setting: 'travel' })
    await b.contact({
      caseId: parent.id,
      person: pA7,
      created: '2021-01-02T10:00:00Z',
      lastExposure: '2021-01-01',
    })
    // Workplace: contact exposure 21 days before the test (outside 14 days); role 'case' of a non-outbreak.
    const pA8 = await b.person()
    await b.contact({
      caseId: parent.id,
      person: pA8,
      created: '2020-12-11T12:00:00Z',
      lastExposure: '2020-12-10',
    })
    const a8 = await b.kase({
      person: pA8,
      test: '2020-12-31',
      created: '2020-12-31T12:00:00Z',
      setting: 'workplace',
    })
    await b.participant({ event: e3, person: pA8, role: 'case', caseId: a8.id })
    // Health institution: takes part in outbreak E1, but with role 'contact' (not linked).
    const a14 = await b.kase({
      test: '2020-12-30',
      created: '2020-12-30T12:00:00Z',
      setting: 'health_institution',
    })
    await b.participant({ event: e1, person: a14.person, role: 'contact', caseId: a14.id })
    // Probable, no test date: registered 23:30 UTC on 31 Dec = 1 Jan in Oslo (W53), bydel 030102.
    await b.kase({
      test: null,
      probable: true,
      created: '2020-12-31T23:30:00Z',
      setting: 'workplace',
      unit: '030102',
    })

    // 2021-W01: no test date, registered 23:30 UTC on Sunday 3 Jan = Monday in Oslo; and a
    // kindergarten case in 030102.
    await b.kase({ test: null, created: '2021-01-03T23:30:00Z', setting: null })
    await b.kase({
      test: '2021-01-04',
      created: '2021-01-04T12:00:00Z',
      setting: 'kindergarten',
      unit: '030102',
    })
    await c.query('analyze cases; analyze contacts')
    return { outbreaks: { school: e1, party: e2 } }
  })
}

/** Inserts synthetic records directly (as the owner), with chosen registration times. */
export function builder(c: pg.PoolClient) {
  let n = 0
  const one = async (text: string, values: unknown[]) => (await c.query(text, values)).rows[0]
  const person = async (kommune = '0301') => {
    n++
    return (
      await one(
        `insert into persons (kommune, owner_unit, first_name, last_name) values ($1, $1, $2, 'Syntetisk') returning id`,
        [kommune, `Rapport${n}`],
      )
    ).id as string
  }
  return {
    person,
    async kase(o: {
      kommune?: string
      unit?: string
      person?: string
      test: string | null
      created: string
      setting: string | null
      probable?: boolean
      sourceContact?: string
      sourceEvent?: string
    }) {
      const kommune = o.kommune ?? '0301'
      const p = o.person ?? (await person(kommune))
      const row = await one(
        `insert into cases (kommune, owner_unit, person_id, test_date, created_at, exposure_setting, probable, source_contact_id, source_event_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [
          kommune,
          o.unit ?? kommune,
          p,
          o.test,
          o.created,
          o.setting,
          o.probable ?? false,
          o.sourceContact ?? null,
          o.sourceEvent ?? null,
        ],
      )
      return { id: row.id as string, person: p }
    },
    async contact(o: {
      kommune?: string
      unit?: string
      person?: string
      caseId: string
      created: string
      lastExposure?: string
      status?: string
      setting?: string
    }) {
      const kommune = o.kommune ?? '0301'
      const p = o.person ?? (await person(kommune))
      const row = await one(
        `insert into contacts (kommune, owner_unit, person_id, case_id, created_at, last_exposure, status, exposure_setting)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
        [
          kommune,
          o.unit ?? kommune,
          p,
          o.caseId,
          o.created,
          o.lastExposure ?? null,
          o.status ?? 'active',
          o.setting ?? null,
        ],
      )
      return row.id as string
    },
    async event(o: { setting: string; outbreak: boolean; name: string; unit?: string }) {
      return (
        await one(
          `insert into events (kommune, owner_unit, name, exposure_setting, outbreak, starts_at)
           values ('0301', $4, $1, $2, $3, '2020-12-20T18:00:00Z') returning id`,
          [o.name, o.setting, o.outbreak, o.unit ?? '0301'],
        )
      ).id as string
    },
    async participant(o: {
      event: string
      person: string
      role: string
      caseId?: string
      exposureAt?: string
      created?: string
    }) {
      await c.query(
        `insert into event_participants (kommune, event_id, person_id, role, case_id, exposure_at, created_at)
         values ('0301', $1, $2, $3, $4, $5, coalesce($6::timestamptz, now()))`,
        [o.event, o.person, o.role, o.caseId ?? null, o.exposureAt ?? null, o.created ?? null],
      )
    },
  }
}

/** The app with the data above and logged-in users of both municipalities and the national roles. */
export async function reportingFixture() {
  const t = await buildTestApp()
  const db = t.db.db
  await activateKommune(db, '0301')
  await activateKommune(db, '4601')
  const seeded = await seedReportingData(t.db)
  const login = async (
    name: string,
    roles: { role: 'tracer' | 'admin' | 'report' | 'fhi' | 'operator'; kommune?: string }[],
  ) => loginAs(t.app, await buildUser(db, { name, roles }))
  return {
    t,
    seeded,
    osloReport: await login('Randi Rapport', [{ role: 'report', kommune: '0301' }]),
    osloTracer: await login('Tora Sporer', [{ role: 'tracer', kommune: '0301' }]),
    osloAdmin: await login('Ada Admin', [{ role: 'admin', kommune: '0301' }]),
    bergenReport: await login('Bjørn Bergen', [{ role: 'report', kommune: '4601' }]),
    fhi: await login('Fredrik Analytiker', [{ role: 'fhi' }]),
    operator: await login('Olga Operatør', [{ role: 'operator' }]),
    anon: (opts: {
      method?: 'GET' | 'POST'
      url: string
      payload?: unknown
      headers?: Record<string, string>
    }) =>
      t.app.inject({
        method: opts.method ?? 'GET',
        url: opts.url,
        payload: opts.payload as never,
        headers: opts.headers,
      }),
  }
}
export type ReportingFixture = Awaited<ReturnType<typeof reportingFixture>>
export type { LoggedIn }

const zeroSetting = { confirmed: 0, knownContact: 0, knownContactShare: 0, outbreak: 0, outbreakShare: 0 }

/**
 * Oslo 2020-W53, every cell (the owner's exact view). Shares are of the 13 confirmed cases.
 * New close contacts (distinct persons exposed in the week): A1's three Monday contacts, the one
 * late Sunday evening and A7's person. Item (ii): every confirmed case whose person had a contact
 * record exposed on or before the test date (no window, registration time irrelevant): the four
 * converted household cases, A2, A9 (Bergen's record), A7 and A8 — all under "ukjent", the records
 * having no setting. Item (iii): E1 (school) ×2 and E2 (event).
 */
export const OSLO_W53 = {
  cases: 14,
  probable: 1,
  confirmed: 13,
  contacts: 5,
  registered: 5,
  knownContact: 8,
  knownContactShare: 0.6154,
  outbreak: 3,
  outbreakShare: 0.2308,
  settings: [
    {
      setting: 'household',
      confirmed: 7,
      knownContact: 0,
      knownContactShare: 0,
      outbreak: 0,
      outbreakShare: 0,
    },
    { setting: 'kindergarten', ...zeroSetting },
    {
      setting: 'school',
      confirmed: 2,
      knownContact: 0,
      knownContactShare: 0,
      outbreak: 2,
      outbreakShare: 0.1538,
    },
    { setting: 'university', ...zeroSetting },
    {
      setting: 'workplace',
      confirmed: 1,
      knownContact: 0,
      knownContactShare: 0,
      outbreak: 0,
      outbreakShare: 0,
    },
    {
      setting: 'health_institution',
      confirmed: 1,
      knownContact: 0,
      knownContactShare: 0,
      outbreak: 0,
      outbreakShare: 0,
    },
    {
      setting: 'event',
      confirmed: 1,
      knownContact: 0,
      knownContactShare: 0,
      outbreak: 1,
      outbreakShare: 0.0769,
    },
    { setting: 'organised_leisure', ...zeroSetting },
    { setting: 'travel', confirmed: 1, knownContact: 0, knownContactShare: 0, outbreak: 0, outbreakShare: 0 },
    {
      setting: 'unknown',
      confirmed: 0,
      knownContact: 8,
      knownContactShare: 0.6154,
      outbreak: 0,
      outbreakShare: 0,
    },
  ],
}
