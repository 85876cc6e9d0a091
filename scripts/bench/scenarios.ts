import type pg from 'pg'
import { weekRange } from '../../src/shared/domain/isoWeek'
import { type BenchUser, misspell, randomOf, type sampleData } from './setup'

export interface ScenarioContext {
  users: BenchUser[]
  samples: Awaited<ReturnType<typeof sampleData>>
  /** Values found before the run (e.g. a deep-page cursor). */
  extra: Record<string, string>
  week: string
}

export interface Scenario {
  name: string
  /** The OpenAPI path that must exist for the scenario to run (features land over time). */
  requires: string
  kind: 'read' | 'write' | 'report'
  user: (c: ScenarioContext) => BenchUser
  request: (c: ScenarioContext, u: BenchUser) => { method: 'GET' | 'POST'; path: string; body?: unknown }
  /** The same work as plain SQL through pg, as the app role in a tenant transaction. */
  sql?: (db: pg.PoolClient, c: ScenarioContext, u: BenchUser) => Promise<unknown>
}

const NAME_SEARCH_SQL = `select p.id, p.first_name, p.last_name
    from person_name_search($2, null, null, null, 51) s join persons p on p.id = s.id
   where p.kommune = $1 and p.merged_into is null
   order by s.tier, s.sort_key collate "C", p.id limit 51`
const tracer = (c: ScenarioContext) => randomOf(c.users.filter((u) => u.role === 'tracer'))
const kommuneOf = (u: BenchUser) => u.kommune!

const CASE_LIST_SQL = `select c.id, c.status, c.test_date, c.created_at, p.first_name, p.last_name, p.national_id,
    (select count(*) from contacts t where t.case_id = c.id) as contacts
   from cases c join persons p on p.id = c.person_id
  where c.kommune = $1 order by c.created_at desc, c.id desc limit 51`

export const SCENARIOS: Scenario[] = [
  {
    name: 'national-id lookup',
    requires: '/api/persons/lookup',
    kind: 'read',
    user: tracer,
    request: (c, u) => ({
      method: 'POST',
      path: '/api/persons/lookup',
      body: { nationalId: randomOf(c.samples[kommuneOf(u)]!.nationalIds) },
    }),
    sql: (db, c, u) =>
      db.query('select * from person_lookup_by_national_id($1)', [
        randomOf(c.samples[kommuneOf(u)]!.nationalIds),
      ]),
  },
  {
    name: 'fuzzy name search',
    requires: '/api/persons',
    kind: 'read',
    user: tracer,
    request: (c, u) => ({
      method: 'GET',
      path: `/api/persons?q=${encodeURIComponent(randomOf(c.samples[kommuneOf(u)]!.names).slice(0, 5))}`,
    }),
    sql: (db, c, u) =>
      db.query(NAME_SEARCH_SQL, [kommuneOf(u), randomOf(c.samples[kommuneOf(u)]!.names).slice(0, 5)]),
  },
  {
    // A misspelt full name is found only by trigram similarity (tier 2 of person_name_search).
    name: 'fuzzy name search (misspelt)',
    requires: '/api/persons',
    kind: 'read',
    user: tracer,
    request: (c, u) => ({
      method: 'GET',
      path: `/api/persons?q=${encodeURIComponent(misspell(randomOf(c.samples[kommuneOf(u)]!.fullNames)))}`,
    }),
    sql: (db, c, u) =>
      db.query(NAME_SEARCH_SQL, [kommuneOf(u), misspell(randomOf(c.samples[kommuneOf(u)]!.fullNames))]),
  },
  {
    name: 'case list page 1',
    requires: '/api/cases',
    kind: 'read',
    user: tracer,
    request: () => ({ method: 'GET', path: '/api/cases' }),
    sql: (db, _c, u) => db.query(CASE_LIST_SQL, [kommuneOf(u)]),
  },
  {
    name: 'case list deep page',
    requires: '/api/cases',
    kind: 'read',
    user: (c) => c.users.find((u) => u.role === 'tracer' && u.kommune === '0301')!,
    request: (c) => ({
      method: 'GET',
      path: `/api/cases?cursor=${encodeURIComponent(c.extra.deepCursor ?? '')}`,
    }),
    sql: (db, c) =>
      db.query(
        CASE_LIST_SQL.replace(
          'where c.kommune = $1',
          'where c.kommune = $1 and (c.created_at, c.id) < ($2, $3)',
        ),
        ['0301', c.extra.deepCreatedAt, c.extra.deepId],
      ),
  },
  {
    name: 'worklist: my cases',
    requires: '/api/worklists/{name}',
    kind: 'read',
    user: tracer,
    request: () => ({ method: 'GET', path: '/api/worklists/my-cases' }),
  },
  {
    name: 'worklist: Dagens oppfølging',
    requires: '/api/followups/today',
    kind: 'read',
    user: tracer,
    request: () => ({ method: 'GET', path: '/api/followups/today' }),
    sql: (db, _c, u) =>
      db.query(
        `select f.id, f.planned_date, p.first_name, p.last_name, p.phone, m.kind, m.end_date
           from followup_calls f join persons p on p.id = f.person_id join measures m on m.id = f.measure_id
          where f.kommune = $1 and f.status = 'planned' and f.planned_date <= current_date
          order by f.planned_date, f.id limit 500`,
        [kommuneOf(u)],
      ),
  },
  {
    name: 'case page',
    requires: '/api/cases/{id}',
    kind: 'read',
    user: tracer,
    request: (c, u) => ({ method: 'GET', path: `/api/cases/${randomOf(c.samples[kommuneOf(u)]!.caseIds)}` }),
    sql: async (db, c, u) => {
      const id = randomOf(c.samples[kommuneOf(u)]!.caseIds)
      await db.query(
        'select c.*, p.* from cases c join persons p on p.id = c.person_id where c.id = $1 and c.kommune = $2',
        [id, kommuneOf(u)],
      )
      await db.query(
        'select t.*, p.first_name, p.last_name from contacts t join persons p on p.id = t.person_id where t.case_id = $1 and t.kommune = $2',
        [id, kommuneOf(u)],
      )
    },
  },
  {
    name: 'register contact',
    requires: '/api/cases/{id}/contacts',
    kind: 'write',
    user: tracer,
    request: (c, u) => ({
      method: 'POST',
      path: `/api/cases/${randomOf(c.samples[kommuneOf(u)]!.caseIds)}/contacts`,
      body: {
        person: {
          firstName: 'Bench',
          lastName: `Kontakt${Math.floor(Math.random() * 1e9)}`,
          confirmNew: true,
        },
        relation: 'friend',
        exposureSetting: 'workplace',
      },
    }),
  },
  {
    name: 'weekly report (kommune)',
    requires: '/api/reports/weekly/{week}',
    kind: 'report',
    user: (c) => randomOf(c.users.filter((u) => u.role === 'report')),
    request: (c) => ({ method: 'GET', path: `/api/reports/weekly/${c.week}` }),
    sql: (db, c, u) => {
      const w = weekRange(c.week)
      return db.query('select * from weekly_report_counts($1::date, $2::date, $3::text)', [
        w.start,
        w.end,
        u.kommune,
      ])
    },
  },
  {
    name: 'national weekly report (FHI)',
    requires: '/api/fhi/weekly/{week}',
    kind: 'report',
    user: (c) => c.users.find((u) => u.role === 'fhi')!,
    request: (c) => ({ method: 'GET', path: `/api/fhi/weekly/${c.week}` }),
    // The API serves live national figures from a 5-minute cache; this is the query behind it.
    sql: (db, c) => {
      const w = weekRange(c.week)
      return db.query('select * from weekly_report_counts($1::date, $2::date, null::text)', [w.start, w.end])
    },
  },
  {
    name: 'chain view',
    requires: '/api/chains/by-case/{caseId}',
    kind: 'read',
    // Oslo's chains: the largest municipality, whose chains are the biggest to draw.
    user: (c) => c.users.find((u) => u.role === 'tracer' && u.kommune === '0301')!,
    request: (c, u) => ({
      method: 'GET',
      path: `/api/chains/by-case/${randomOf(c.samples[kommuneOf(u)]!.caseIds)}`,
    }),
  },
]
