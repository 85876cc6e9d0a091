import { type Compilable, CompiledQuery } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOwner } from '../../audit/test-helpers'
import { inTenant, type Trx } from '../../db/tenant'
import { buildTestApp } from '../../test/app'
import {
  countContactsNotNotifiedQuery,
  countContactWorklistQuery,
  listContactsNotNotifiedQuery,
  listContactWorklistQuery,
} from '../contacts/contacts.queries'
import { classifySearch } from './cases.list'
import { type CaseFilter, type CaseSort, countCasesQuery, listCasesQuery } from './cases.queries'

/**
 * Query plans of the hot list queries (ARCHITECTURE rule 6, SPEC §8): on a seeded, ANALYZEd table
 * of ~2000 cases and ~2000 contacts spread over 40 municipalities, and with sequential scans
 * allowed, the case list and the worklists must reach cases and contacts through an index.
 */

let t: Awaited<ReturnType<typeof buildTestApp>>
const KOMMUNE = '0301'
const USER = '00000000-0000-4000-8000-000000000001'

beforeAll(async () => {
  t = await buildTestApp()
  await asOwner(t.db, async (c) => {
    const kommuner = (
      await c.query(`select code from org_units where kind = 'kommune' order by code limit 39`)
    ).rows.map((r: { code: string }) => r.code)
    const codes = [KOMMUNE, ...kommuner.filter((k: string) => k !== KOMMUNE)]
    await c.query(`insert into users (id, pid, name) values ($1, '01818012345', 'Plan Tester')`, [USER])
    await c.query(
      `insert into persons (kommune, owner_unit, first_name, last_name, phone, street, postcode)
       select k, k, 'Fornavn' || g, 'Etternavn' || g, '9' || lpad(g::text, 7, '0'), 'Gate ' || (g % 300), '0' || (100 + g % 50)
         from generate_series(1, 4000) g, lateral (select ($1::text[])[1 + g % array_length($1::text[], 1)] as k) x`,
      [codes],
    )
    await c.query(
      `insert into cases (kommune, owner_unit, person_id, test_date, status, interview_status, assigned_to, exposure_setting, created_at)
       select p.kommune, p.kommune, p.id, current_date - (n % 60)::int,
              case when n % 5 = 0 then 'closed' else 'open' end,
              (array['not_started', 'in_progress', 'done'])[1 + n % 3],
              case when n % 4 = 0 then $1::uuid end,
              (array['household', 'school', 'workplace'])[1 + n % 3],
              now() - make_interval(mins => n::int)
         from (select id, kommune, row_number() over (order by id) as n from persons) p where n <= 2000`,
      [USER],
    )
    await c.query(
      `insert into contacts (kommune, owner_unit, person_id, case_id, status, notified_at, last_exposure, created_at, assigned_to)
       select c.kommune, c.kommune, p.id, c.id,
              case when p.n % 7 = 0 then 'finished' else 'active' end,
              case when p.n % 2 = 0 then current_date end,
              current_date - 2, now() - make_interval(mins => p.n::int),
              case when p.n % 3 = 0 then $1::uuid end
         from (select id, kommune, row_number() over (order by id) as n from persons) p
         join lateral (select id, kommune from cases where kommune = p.kommune order by id offset (p.n % 40) limit 1) c on true
        where p.n > 2000`,
      [USER],
    )
    await c.query('analyze persons; analyze cases; analyze contacts; analyze users')
  })
})
afterAll(() => t.close())

/** The EXPLAIN text of a query, run as the application role inside the tenant (RLS applies). */
async function plan(build: (trx: Trx) => Compilable<unknown>) {
  return inTenant(t.db.db, { kommune: KOMMUNE, userId: USER }, async (trx) => {
    const compiled = build(trx).compile()
    const res = await trx.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
    )
    return res.rows.map((r) => r['QUERY PLAN']).join('\n')
  })
}

const noSeqScan = (text: string) => {
  expect(text).not.toMatch(/Seq Scan on (cases|contacts)\b/)
  expect(text).toMatch(/Index|Bitmap/)
}

describe('query plans (no sequential scan on cases/contacts)', () => {
  it('has the seeded volume', async () => {
    const n = await asOwner(
      t.db,
      async (c) => (await c.query('select count(*)::int as n from cases')).rows[0].n,
    )
    expect(n).toBe(2000)
  })

  const lists: [string, CaseFilter, CaseSort][] = [
    ['default list', {}, '-createdAt'],
    ['oldest first', {}, 'createdAt'],
    ['by test date', {}, '-testDate'],
    ['by test date ascending', {}, 'testDate'],
    ['open cases', { status: 'open' }, '-createdAt'],
    ['assigned to me', { status: 'open', assignedTo: USER }, '-createdAt'],
    ['unassigned', { status: 'open', assignedTo: null }, '-createdAt'],
    ['interviews not done', { status: 'open', interviewNotDone: true }, '-createdAt'],
    ['test date range', { testDateFrom: '2020-01-01', testDateTo: '2020-02-01' }, '-testDate'],
    ['name search', { search: classifySearch('etternavn17') }, '-createdAt'],
    ['national id search', { search: classifySearch('01818012345') }, '-createdAt'],
    ['phone search', { search: classifySearch('90000017') }, '-createdAt'],
  ]
  it.each(lists)('case list: %s', async (_name, filter, sort) => {
    noSeqScan(await plan((trx) => listCasesQuery(trx, KOMMUNE, filter, sort, undefined, 50)))
  })

  it('case list: second page after a cursor', async () => {
    const after = { k: '2020-01-01T00:00:00.000000Z', id: '00000000-0000-4000-8000-000000000000' }
    noSeqScan(await plan((trx) => listCasesQuery(trx, KOMMUNE, { status: 'open' }, '-createdAt', after, 50)))
  })

  it('worklist: contacts not notified, and the badge counts', async () => {
    noSeqScan(await plan((trx) => listContactsNotNotifiedQuery(trx, KOMMUNE, undefined, 50)))
    noSeqScan(await plan((trx) => countContactsNotNotifiedQuery(trx, KOMMUNE)))
    for (const filter of [
      { status: 'open', assignedTo: USER },
      { status: 'open', assignedTo: null },
      { status: 'open', interviewNotDone: true },
    ] as CaseFilter[])
      noSeqScan(await plan((trx) => countCasesQuery(trx, KOMMUNE, filter)))
  })

  it('worklist: my contacts, and its badge count', async () => {
    const mine = { assignedTo: USER }
    noSeqScan(await plan((trx) => listContactWorklistQuery(trx, KOMMUNE, mine, undefined, 50)))
    noSeqScan(await plan((trx) => countContactWorklistQuery(trx, KOMMUNE, mine)))
  })
})
