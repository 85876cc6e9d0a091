import { sql } from 'kysely'
import type { Database } from '../../db/kysely'
import type { Trx } from '../../db/tenant'

/** Every municipality with its county (357 rows; org_units is not tenant data). */
export async function kommuner(trx: Trx) {
  return trx
    .selectFrom('org_units')
    .select(['code', 'short_name as name', 'fylke_code', 'status'])
    .where('kind', '=', 'kommune')
    .orderBy('code')
    .execute()
}

export async function fylker(trx: Trx) {
  return trx
    .selectFrom('org_units')
    .select(['code', 'short_name as name'])
    .where('kind', '=', 'fylke')
    .orderBy('code')
    .execute()
}

export interface SubmittedRow {
  kommune: string
  version: number
  figures: unknown
  reason: string | null
  submitted_at: Date
}

/** The newest submitted version of each municipality's report for a week (SECURITY DEFINER). */
export async function submittedReports(trx: Trx, week: string): Promise<SubmittedRow[]> {
  const res = await sql<SubmittedRow>`select * from submitted_weekly_reports(${week})`.execute(trx)
  return res.rows
}

/** Every submitted version of one municipality's week, newest first (SECURITY DEFINER). */
export async function reportVersions(trx: Trx, week: string, kommune: string): Promise<SubmittedRow[]> {
  const res = await sql<SubmittedRow>`select * from weekly_report_versions(${week}, ${kommune})`.execute(trx)
  return res.rows
}

// ---------------------------------------------------------------- API clients

export async function insertApiClient(
  db: Database | Trx,
  v: { clientId: string; name: string; secretHash: string; createdBy: string },
) {
  return db
    .insertInto('api_clients')
    .values({ client_id: v.clientId, name: v.name, secret_hash: v.secretHash, created_by: v.createdBy })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function listApiClients(db: Database | Trx) {
  return db.selectFrom('api_clients').selectAll().orderBy('created_at', 'desc').execute()
}

export async function revokeApiClient(db: Database | Trx, id: string, userId: string) {
  return db
    .updateTable('api_clients')
    .set({ revoked_at: new Date(), revoked_by: userId })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
}

export async function findApiClient(db: Database | Trx, id: string) {
  return db.selectFrom('api_clients').selectAll().where('id', '=', id).executeTakeFirst()
}

/** An active client by its public client id. */
export async function findActiveClient(db: Database | Trx, clientId: string) {
  return db
    .selectFrom('api_clients')
    .select(['id', 'client_id', 'secret_hash', 'scopes'])
    .where('client_id', '=', clientId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
}

export async function touchApiClient(db: Database | Trx, id: string) {
  await db.updateTable('api_clients').set({ last_used_at: new Date() }).where('id', '=', id).execute()
}

// ---------------------------------------------------------------- cached national counts

export async function readCache(trx: Trx, week: string) {
  return trx
    .selectFrom('weekly_report_cache')
    .select(['counts', 'computed_at'])
    .where('week', '=', week)
    .executeTakeFirst()
}

export async function writeCache(trx: Trx, week: string, counts: unknown) {
  const now = new Date()
  await trx
    .insertInto('weekly_report_cache')
    .values({ week, counts: JSON.stringify(counts), computed_at: now })
    .onConflict((oc) => oc.column('week').doUpdateSet({ counts: JSON.stringify(counts), computed_at: now }))
    .execute()
  return now
}

/** True when this transaction may recompute the week (one at a time; the others read the old row). */
export async function tryLockCache(trx: Trx, week: string): Promise<boolean> {
  const res = await sql<{
    ok: boolean
  }>`select pg_try_advisory_xact_lock(hashtext(${`weekly-report-cache:${week}`})) as ok`.execute(trx)
  return res.rows[0]?.ok === true
}
