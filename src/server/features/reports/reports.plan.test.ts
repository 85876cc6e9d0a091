import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOwner } from '../../audit/test-helpers'
import { inTenant } from '../../db/tenant'
import { buildTestApp } from '../../test/app'
import { countRows } from './reports.queries'

/**
 * Query plans of the weekly report (SPEC §5, §8: the national report for one week must be fast at
 * 5 million persons). On a seeded, VACUUM ANALYZEd register of 5000 cases and 8000 contacts
 * spread over a year and 40 municipalities, with sequential scans allowed, one week — national
 * or one municipality — must reach cases, contacts and event participants through indexes only.
 * weekly_report_rows is the body the SECURITY DEFINER wrapper runs (inlined, with the values).
 */

let t: Awaited<ReturnType<typeof buildTestApp>>

beforeAll(async () => {
  t = await buildTestApp()
  await asOwner(t.db, async (c) => {
    const kommuner = (
      await c.query(
        `select code from org_units where kind = 'kommune' and code <> '0301' order by code limit 39`,
      )
    ).rows.map((r: { code: string }) => r.code)
    const codes = ['0301', ...kommuner]
    await c.query(
      `insert into persons (kommune, owner_unit, first_name, last_name)
       select k, k, 'Fornavn' || g, 'Etternavn' || g
         from generate_series(1, 5000) g, lateral (select ($1::text[])[1 + g % 40] as k) x`,
      [codes],
    )
    await c.query(
      `insert into events (kommune, owner_unit, name, exposure_setting, outbreak)
       select k, k, 'Hendelse ' || g, 'school', g % 2 = 0
         from generate_series(1, 3000) g, lateral (select ($1::text[])[1 + g % 40] as k) x`,
      [codes],
    )
    await c.query(
      `insert into cases (kommune, owner_unit, person_id, test_date, created_at, exposure_setting, probable, source_event_id)
       select p.kommune, p.kommune, p.id,
              case when n % 10 = 0 then null else date '2021-06-30' - (n % 365)::int end,
              timestamptz '2021-06-30 10:00+00' - make_interval(days => (n % 365)::int),
              (array['household', 'school', 'workplace', null])[1 + n % 4], n % 10 = 0,
              case when n % 25 = 0 then (select id from events e where e.kommune = p.kommune
                                          order by e.created_at desc, e.id desc limit 1) end
         -- n = the g of 'Fornavn' || g, not the random id order: then Oslo (g % 40 = 0) always has
         -- a case in the week the wrapper test counts (n = 2000), instead of in ~9 % of runs none.
         from (select id, kommune, row_number() over (order by substring(first_name from 8)::int) as n
                 from persons) p where n <= 5000`,
    )
    await c.query(
      `with p as (select array_agg(id order by id) as ids from persons),
            c as (select array_agg(id order by id) as ids, array_agg(kommune order by id) as ks from cases)
       insert into contacts (kommune, owner_unit, person_id, case_id, status, last_exposure, created_at)
       select c.ks[1 + g % 5000], c.ks[1 + g % 5000], p.ids[1 + (g * 7 + g / 5000) % 5000], c.ids[1 + g % 5000],
              case when g % 9 = 0 then 'not_contact' else 'active' end,
              date '2021-06-30' - (g % 365)::int,
              timestamptz '2021-06-30 12:00+00' - make_interval(days => (g % 365)::int)
         from generate_series(1, 8000) g, p, c`,
    )
    await c.query(
      `with e as (select array_agg(id order by id) as ids from events)
       insert into event_participants (kommune, event_id, person_id, role, case_id)
       select c.kommune, e.ids[1 + c.n % 3000], c.person_id, 'case', c.id
         from (select id, kommune, person_id, row_number() over (order by id) as n from cases) c, e
        where c.n % 7 = 0`,
    )
    await c.query(
      `with e as (select array_agg(id order by id) as ids from events)
       insert into event_participants (kommune, event_id, person_id, role, exposure_at, created_at)
       select c.kommune, e.ids[1 + (c.n + 1) % 3000], c.person_id, 'contact', c.created_at - interval '2 days', c.created_at
         from (select id, kommune, person_id, created_at, row_number() over (order by id) as n from cases) c, e
        where c.n % 11 = 0`,
    )
    await c.query('vacuum analyze cases')
    await c.query('vacuum analyze contacts')
    await c.query('vacuum analyze event_participants')
    await c.query('vacuum analyze events')
  })
})
afterAll(() => t.close())

async function explain(kommune: string | null, analyze = false) {
  return asOwner(t.db, async (c) => {
    const res = await c.query(
      `explain ${analyze ? '(analyze, timing off) ' : ''}select * from weekly_report_rows('2021-01-04', '2021-01-10', $1::text)`,
      [kommune],
    )
    return res.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')
  })
}

describe('weekly report query plans', () => {
  it('national week: indexes only, no sequential scan', async () => {
    const plan = await explain(null)
    expect(plan).not.toMatch(/Seq Scan on (cases|contacts|event_participants|events)\b/)
    expect(plan).toMatch(/cases_report_date_idx/)
    expect(plan).toMatch(/contacts_exposure_date_idx/)
    expect(plan).toMatch(/contacts_registered_idx/)
    expect(plan).toMatch(/contacts_person_exposure_idx/)
    expect(plan).toMatch(/event_participants_person_case_idx/)
    expect(plan).toMatch(/event_participants_contact_exposure_idx/)
    expect(plan).toMatch(/event_participants_contact_created_idx/)
  })

  it('one municipality’s week: its own indexes', async () => {
    const plan = await explain('0301')
    expect(plan).not.toMatch(/Seq Scan on (cases|contacts|event_participants|events)\b/)
    expect(plan).toMatch(/cases_kommune_report_date_idx|cases_report_date_idx/)
    expect(plan).toMatch(/contacts_kommune_exposure_date_idx|contacts_exposure_date_idx/)
    expect(plan).toMatch(/contacts_kommune_registered_idx|contacts_registered_idx/)
  })

  it('the wrapper returns the same counts to the app role, and only its own municipality', async () => {
    const national = await inTenant(t.db.db, { kommune: null }, (trx) =>
      countRows(trx, { from: '2021-01-04', to: '2021-01-10', kommune: null }),
    )
    const oslo = await inTenant(t.db.db, { kommune: '0301' }, (trx) =>
      countRows(trx, { from: '2021-01-04', to: '2021-01-10', kommune: '0301' }),
    )
    const sum = (rows: typeof oslo, k: 'cases' | 'contacts') => rows.reduce((a, r) => a + r[k], 0)
    expect(sum(oslo, 'cases')).toBeGreaterThan(0)
    expect(sum(national, 'cases')).toBeGreaterThan(sum(oslo, 'cases'))
    expect(
      sum(
        national.filter((r) => r.kommune === '0301'),
        'contacts',
      ),
    ).toBe(sum(oslo, 'contacts'))
    await expect(
      inTenant(t.db.db, { kommune: '0301' }, (trx) =>
        countRows(trx, { from: '2021-01-04', to: '2021-01-10', kommune: '4601' }),
      ),
    ).rejects.toThrow(/only the active municipality/)
    await expect(
      inTenant(t.db.db, { kommune: '0301' }, (trx) =>
        countRows(trx, { from: '2021-01-04', to: '2021-01-10', kommune: null }),
      ),
    ).rejects.toThrow(/only the active municipality/)
  })
})
