import { sql } from 'kysely'
import { RETENTION_DEFAULTS, type RetentionType, retentionTypes } from '../../../shared/api/retention'
import type { Database } from '../../db/kysely'
import type { Trx } from '../../db/tenant'
import { heldSql, inUseSql, type RetentionRule } from './retention.rules'

type Db = Database | Trx

export interface SettingRow {
  type: RetentionType
  days: number
  custom: boolean
  version: number
}

/** The period per record type for a municipality: its own where set, else the default. */
export async function loadSettings(db: Db, kommune: string): Promise<Record<RetentionType, SettingRow>> {
  const rows = await db
    .selectFrom('retention_settings')
    .select(['record_type', 'days', 'version'])
    .where('kommune', '=', kommune)
    .execute()
  const out = {} as Record<RetentionType, SettingRow>
  for (const type of retentionTypes) {
    const own = rows.find((r) => r.record_type === type)
    out[type] = own
      ? { type, days: own.days, custom: true, version: own.version }
      : { type, days: RETENTION_DEFAULTS[type].days, custom: false, version: 0 }
  }
  return out
}

/** Whether an optional rule's table exists in this database. */
export async function tableExists(db: Db, table: string): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`select to_regclass(${table}) is not null as ok`.execute(db)
  return !!r.rows[0]?.ok
}

/**
 * Rows of one type whose reference date lies before `before` (i.e. expired when `before` is today
 * minus the period), not under legal hold and not needed by other rows: the job's next batch.
 */
export async function expiredIds(
  db: Db,
  rule: RetentionRule,
  kommune: string,
  before: string,
  limit: number,
): Promise<string[]> {
  const r = await sql<{ id: string }>`
    select t.id from ${sql.table(rule.table)} t
     where t.kommune = ${kommune}
       and ${sql.raw(rule.reference)} < ${before}::date
       and (${sql.raw(rule.where ?? 'true')})
       and not ${sql.raw(heldSql(rule))}
       and not ${sql.raw(inUseSql(rule))}
     order by t.id
     limit ${limit}`.execute(db)
  return r.rows.map((x) => x.id)
}

/** Deletes (or anonymises) the given rows with their detail rows; returns how many went. */
export async function removeRows(trx: Trx, rule: RetentionRule, kommune: string, ids: string[]) {
  if (ids.length === 0) return 0
  if (rule.mode === 'anonymise') return anonymiseImports(trx, kommune, ids)
  for (const [table, column] of rule.nullify)
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = null where ${sql.ref(column)} = any(${ids}::uuid[])`.execute(
      trx,
    )
  for (const [table, column] of rule.cascade)
    await sql`delete from ${sql.table(table)} where ${sql.ref(column)} = any(${ids}::uuid[])`.execute(trx)
  if (rule.flagType)
    await sql`delete from flags where kommune = ${kommune} and record_type = ${rule.flagType}
      and record_id = any(${ids}::uuid[])`.execute(trx)
  if (rule.transferType)
    await sql`delete from transfers where record_type = ${rule.transferType}
      and record_id = any(${ids}::uuid[])`.execute(trx)
  const r = await sql`delete from ${sql.table(rule.table)} where kommune = ${kommune}
    and id = any(${ids}::uuid[])`.execute(trx)
  return Number(r.numAffectedRows ?? 0)
}

/** Imports keep their run (and the keys that stop a re-import creating duplicates), not the data. */
async function anonymiseImports(trx: Trx, kommune: string, ids: string[]) {
  await sql`delete from import_rows where kommune = ${kommune} and run_id = any(${ids}::uuid[])`.execute(trx)
  const r = await sql`update import_runs set file_data = null, updated_at = now()
    where kommune = ${kommune} and id = any(${ids}::uuid[])`.execute(trx)
  return Number(r.numAffectedRows ?? 0)
}

/**
 * This municipality's links to persons it no longer has any record of (person_links give read
 * access to another municipality's person): removed after the person period, so that the owner's
 * job can delete a person nobody needs.
 */
export async function removeStaleLinks(trx: Trx, kommune: string, before: string, limit: number) {
  const r = await sql<{ person_id: string }>`
    delete from person_links l
     where l.kommune = ${kommune}
       and l.person_id in (
         select x.person_id from person_links x
          where x.kommune = ${kommune}
            and (x.created_at at time zone 'Europe/Oslo')::date < ${before}::date
            and not exists (select 1 from cases c where c.kommune = ${kommune} and c.person_id = x.person_id)
            and not exists (select 1 from contacts c where c.kommune = ${kommune} and c.person_id = x.person_id)
            and not exists (select 1 from measures m where m.kommune = ${kommune} and m.person_id = x.person_id)
            and not exists (select 1 from event_participants p where p.kommune = ${kommune} and p.person_id = x.person_id)
            and not exists (select 1 from followup_calls f where f.kommune = ${kommune} and f.person_id = x.person_id)
            and not exists (select 1 from person_documents d where d.kommune = ${kommune} and d.person_id = x.person_id)
            and not exists (select 1 from outbox o where o.kommune = ${kommune} and o.person_id = x.person_id)
            and not exists (select 1 from transfers t where t.person_id = x.person_id)
            and not exists (select 1 from legal_holds h where h.kommune = ${kommune} and h.released_at is null
                              and h.record_type = 'person' and h.record_id = x.person_id)
          limit ${limit})
    returning l.person_id`.execute(trx)
  return r.rows.map((x) => x.person_id)
}

export interface PreviewRow {
  id: string
  person_id: string | null
  person_name: string | null
  reference_date: string
  held: boolean
  in_use: boolean
}

/** Rows of one type that fall due on or before `until` when kept `days` days. */
export async function previewRows(
  db: Db,
  rule: RetentionRule,
  kommune: string,
  before: string,
  limit: number,
): Promise<{ rows: PreviewRow[]; total: number }> {
  const person = rule.personColumn
    ? sql.raw(
        `(select p.first_name || ' ' || p.last_name from persons p where p.id = t.${rule.personColumn})`,
      )
    : sql.raw('null::text')
  const personId = rule.personColumn ? sql.raw(`t.${rule.personColumn}`) : sql.raw('null::uuid')
  const where = sql`t.kommune = ${kommune}
       and ${sql.raw(rule.reference)} < ${before}::date
       and (${sql.raw(rule.where ?? 'true')})`
  const rows = await sql<PreviewRow>`
    select t.id, ${personId} as person_id, ${person} as person_name,
           to_char(${sql.raw(rule.reference)}, 'YYYY-MM-DD') as reference_date,
           ${sql.raw(heldSql(rule))} as held, ${sql.raw(inUseSql(rule))} as in_use
      from ${sql.table(rule.table)} t
     where ${where}
     order by ${sql.raw(rule.reference)}, t.id
     limit ${limit}`.execute(db)
  const count = await sql<{
    n: number
  }>`select count(*)::int as n from ${sql.table(rule.table)} t where ${where}`.execute(db)
  return { rows: rows.rows, total: count.rows[0]?.n ?? 0 }
}
