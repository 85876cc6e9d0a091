import { sql } from 'kysely'
import type { Trx } from '../../db/tenant'

/** Period, municipality and optional owner units (a sub-unit and the units below it). */
export interface DashboardScope {
  kommune: string
  from: string
  to: string
  units: string[] | null
}

const reportDate = sql<string>`case_report_date(c.test_date, c.created_at)`

/** Cases per day by report date (test date, else registration date) or by symptom onset. */
export async function epiCurve(trx: Trx, s: DashboardScope, basis: 'test' | 'onset') {
  const day = basis === 'test' ? reportDate : sql<string>`c.onset_date`
  return trx
    .selectFrom('cases as c')
    .select([day.as('date'), (eb) => eb.fn.countAll<number>().as('cases')])
    .where('c.kommune', '=', s.kommune)
    .where(day, '>=', s.from)
    .where(day, '<=', s.to)
    .$if(s.units !== null, (qb) => qb.where('c.owner_unit', 'in', s.units!))
    .groupBy(day)
    .orderBy(day)
    .execute()
}

/** Registered contacts per case for the period's cases: count, mean and median (in SQL). */
export async function contactsPerCase(trx: Trx, s: DashboardScope) {
  const unitFilter = s.units === null ? sql`true` : sql`c.owner_unit in (${sql.join(s.units)})`
  const res = await sql<{ cases: number; mean: number | null; median: number | null }>`
    select count(*)::int as cases,
           round(avg(n)::numeric, 2)::float8 as mean,
           percentile_cont(0.5) within group (order by n)::float8 as median
      from (select (select count(*) from contacts k where k.case_id = c.id and k.status <> 'not_contact') as n
              from cases c
             where c.kommune = ${s.kommune}
               and case_report_date(c.test_date, c.created_at) between ${s.from}::date and ${s.to}::date
               and ${unitFilter}) x`.execute(trx)
  return res.rows[0] ?? { cases: 0, mean: null, median: null }
}

/** People in isolation and in quarantine on `today` (measures in force that day). */
export async function measuresToday(trx: Trx, s: { kommune: string; units: string[] | null }, today: string) {
  const rows = await trx
    .selectFrom('measures')
    .select(['kind', (eb) => eb.fn.count<number>('person_id').distinct().as('n')])
    .where('kommune', '=', s.kommune)
    .where('status', 'in', ['planned', 'active'])
    .where('start_date', '<=', today)
    .where((eb) => eb(eb.fn.coalesce('actual_end', 'end_date'), '>=', today))
    .where((eb) => eb.or([eb('exempt_from', 'is', null), eb('exempt_from', '>', today)]))
    .$if(s.units !== null, (qb) => qb.where('owner_unit', 'in', s.units!))
    .groupBy('kind')
    .execute()
  const n = (kind: string) => Number(rows.find((r) => r.kind === kind)?.n ?? 0)
  return { isolation: n('isolation'), quarantine: n('quarantine') }
}

/** Planned follow-up calls due today and overdue (planned for an earlier day). */
export async function followUps(trx: Trx, s: { kommune: string; units: string[] | null }, today: string) {
  const row = await trx
    .selectFrom('followup_calls as f')
    .$if(s.units !== null, (qb) =>
      qb.innerJoin('measures as m', 'm.id', 'f.measure_id').where('m.owner_unit', 'in', s.units!),
    )
    .select([
      sql<number>`count(*) filter (where f.planned_date = ${today}::date)::int`.as('due'),
      sql<number>`count(*) filter (where f.planned_date < ${today}::date)::int`.as('overdue'),
    ])
    .where('f.kommune', '=', s.kommune)
    .where('f.status', '=', 'planned')
    .where('f.planned_date', '<=', today)
    .executeTakeFirst()
  return { due: row?.due ?? 0, overdue: row?.overdue ?? 0 }
}

/** Active outbreaks of the municipality with the number of cases linked to each. */
export async function activeOutbreaks(trx: Trx, s: { kommune: string; units: string[] | null }) {
  return trx
    .selectFrom('events as e')
    .select([
      'e.id',
      'e.name',
      'e.exposure_setting as setting',
      sql<number>`(select count(*)::int from (
                    select c.id from cases c where c.source_event_id = e.id
                    union
                    select p.case_id from event_participants p
                     where p.event_id = e.id and p.role = 'case' and p.case_id is not null) x)`.as('cases'),
    ])
    .where('e.kommune', '=', s.kommune)
    .where('e.outbreak', '=', true)
    .where('e.status', '=', 'active')
    .$if(s.units !== null, (qb) => qb.where('e.owner_unit', 'in', s.units!))
    .orderBy('e.starts_at', 'desc')
    .limit(50)
    .execute()
}
