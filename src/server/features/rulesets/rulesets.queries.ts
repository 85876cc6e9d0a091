import { type Insertable, type Selectable, sql } from 'kysely'
import type { Database } from '../../db/kysely'
import type { RuleSetsTable } from '../../db/schema'
import type { Trx } from '../../db/tenant'

export type RuleSetRow = Selectable<RuleSetsTable> & { updated_by_name: string | null }
export type RuleSetColumns = Omit<
  Insertable<RuleSetsTable>,
  'version' | 'created_at' | 'created_by' | 'updated_at' | 'updated_by'
>

function withEditor(db: Database | Trx) {
  return db
    .selectFrom('rule_sets as r')
    .leftJoin('users as u', 'u.id', 'r.updated_by')
    .selectAll('r')
    .select('u.name as updated_by_name')
}

/** All national rule sets by start date (a handful of rows: no paging). */
export async function listRuleSets(db: Database | Trx): Promise<RuleSetRow[]> {
  return withEditor(db).orderBy('r.valid_from').orderBy('r.id').execute()
}

export async function findRuleSet(db: Database | Trx, id: string): Promise<RuleSetRow | undefined> {
  return withEditor(db).where('r.id', '=', id).executeTakeFirst()
}

/**
 * Serialises rule-set edits: the no-overlap check reads every set, so two operators saving at the
 * same time must not both pass it. Readers (measures) are not blocked.
 */
export async function lockRuleSets(trx: Trx) {
  await sql`lock table rule_sets in share row exclusive mode`.execute(trx)
}

/** Measures in all municipalities that used the set (SECURITY DEFINER count, no personal data). */
export async function usage(db: Database | Trx, id: string): Promise<number> {
  const r = await sql<{ n: number }>`select rule_set_usage(${id})::int as n`.execute(db)
  return r.rows[0]?.n ?? 0
}

export async function insertRuleSet(trx: Trx, values: RuleSetColumns, userId: string) {
  return trx
    .insertInto('rule_sets')
    .values({ ...values, created_by: userId, updated_by: userId })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Optimistic update: undefined when the version no longer matches. */
export async function updateRuleSet(
  trx: Trx,
  id: string,
  version: number,
  values: Omit<RuleSetColumns, 'id'>,
  userId: string,
) {
  return trx
    .updateTable('rule_sets')
    .set({ ...values, updated_by: userId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst()
}

export async function deleteRuleSet(trx: Trx, id: string, version: number) {
  const r = await trx
    .deleteFrom('rule_sets')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numDeletedRows) === 1
}

export async function insertHistory(
  trx: Trx,
  row: Selectable<RuleSetsTable>,
  change: 'create' | 'update' | 'delete',
  userId: string,
) {
  const { created_at: _c, updated_at: _u, ...snapshot } = row
  await trx
    .insertInto('rule_set_history')
    .values({
      rule_set_id: row.id,
      version: row.version,
      change,
      snapshot: JSON.stringify(snapshot),
      changed_by: userId,
    })
    .execute()
}

export async function listHistory(db: Database | Trx, id: string) {
  return db
    .selectFrom('rule_set_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select([
      'h.version',
      'h.change',
      'h.snapshot',
      'h.changed_at',
      'h.changed_by',
      'u.name as changed_by_name',
    ])
    .where('h.rule_set_id', '=', id)
    .orderBy('h.changed_at', 'desc')
    .orderBy('h.version', 'desc')
    .execute()
}
