import { sql } from 'kysely'
import type { CountRow } from '../../../shared/domain/weeklyReport'
import type { Trx } from '../../db/tenant'

/**
 * The count rows of a period from `weekly_report_counts` (migrations/0011): grouped in SQL by
 * week, owner municipality, owner unit and setting, so no person or case row reaches Node.
 * `kommune` null: every municipality (national callers only; the function refuses otherwise).
 */
export async function countRows(
  trx: Trx,
  p: { from: string; to: string; kommune: string | null },
): Promise<CountRow[]> {
  const res = await sql<{
    week_start: string
    kommune: string
    unit: string
    setting: string | null
    cases: number
    probable: number
    confirmed: number
    known_contact: number
    outbreak: number
    contacts: number
    registered: number
  }>`select * from weekly_report_counts(${p.from}::date, ${p.to}::date, ${p.kommune}::text)`.execute(trx)
  return res.rows.map((r) => ({
    weekStart: r.week_start,
    kommune: r.kommune,
    unit: r.unit,
    setting: r.setting,
    cases: r.cases,
    probable: r.probable,
    confirmed: r.confirmed,
    knownContact: r.known_contact,
    outbreak: r.outbreak,
    contacts: r.contacts,
    registered: r.registered,
  }))
}

export interface UnitRow {
  code: string
  name: string
  kind: string
  parent_code: string | null
}

/** The municipality's bydeler and own sub-units (retired ones too: old records may be owned by them). */
export async function unitsOf(trx: Trx, kommune: string): Promise<UnitRow[]> {
  return trx
    .selectFrom('org_units')
    .select(['code', 'short_name as name', 'kind', 'parent_code'])
    .where('kommune_code', '=', kommune)
    .where('kind', 'in', ['bydel', 'subunit'])
    .orderBy('code')
    .execute()
}

export async function kommuneName(trx: Trx, kommune: string): Promise<string> {
  const row = await trx
    .selectFrom('org_units')
    .select('short_name')
    .where('code', '=', kommune)
    .executeTakeFirst()
  return row?.short_name ?? kommune
}

export type SubmissionRow = Awaited<ReturnType<typeof listSubmissions>>[number]

/** Every submitted version of a week, newest first, with the submitter's name. */
export async function listSubmissions(trx: Trx, p: { kommune: string; week: string }) {
  return trx
    .selectFrom('weekly_reports as r')
    .innerJoin('users as u', 'u.id', 'r.submitted_by')
    .select([
      'r.id',
      'r.week',
      'r.version',
      'r.figures',
      'r.reason',
      'r.submitted_at',
      'u.name as submitted_by',
    ])
    .where('r.kommune', '=', p.kommune)
    .where('r.week', '=', p.week)
    .orderBy('r.version', 'desc')
    .execute()
}

export async function insertSubmission(
  trx: Trx,
  v: {
    kommune: string
    week: string
    version: number
    figures: unknown
    reason: string | null
    userId: string
  },
) {
  return trx
    .insertInto('weekly_reports')
    .values({
      kommune: v.kommune,
      week: v.week,
      version: v.version,
      figures: JSON.stringify(v.figures),
      reason: v.reason,
      submitted_by: v.userId,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

/** Serialises submissions of one municipality's week (two clicks must not both become version n). */
export async function lockWeek(trx: Trx, kommune: string, week: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`weekly-report:${kommune}:${week}`}))`.execute(trx)
}

/** The newest version of each of a list of weeks, with its frozen figures. */
export async function latestSubmissions(trx: Trx, p: { kommune: string; weeks: string[] }) {
  if (p.weeks.length === 0) return []
  return trx
    .selectFrom('weekly_reports')
    .distinctOn('week')
    .select(['week', 'version', 'submitted_at', 'figures'])
    .where('kommune', '=', p.kommune)
    .where('week', 'in', p.weeks)
    .orderBy('week')
    .orderBy('version', 'desc')
    .execute()
}
