import { createHash, randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { RetentionType } from '../../../shared/api/retention'
import { addDaysOslo, osloDate } from '../../../shared/domain/dates'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import type { Database } from '../../db/kysely'
import { inSavepoint } from '../../db/savepoint'
import { inTenant, type Trx } from '../../db/tenant'
import type { JobDefinition } from '../../jobs/types'
import * as q from './retention.queries'
import { type RetentionRule, RULES } from './retention.rules'

/** Advisory-lock namespace: one retention worker per municipality at a time, across instances. */
const LOCK_NS = 724_113_016

export interface RetentionOptions {
  /** Europe/Oslo date the run acts on (tests move time); default today. */
  today?: string
  batchSize?: number
  /** Per type and municipality per run, so one run cannot hold the database for hours. */
  maxBatches?: number
  /** Only these municipalities (tests); default every municipality that is not inactive. */
  kommuner?: string[]
}

export interface RetentionResult {
  runId: string
  today: string
  kommuner: number
  /** Municipalities skipped because another instance was working on them. */
  busy: number
  removed: Partial<Record<RetentionType | 'person_link', number>>
}

/** Stable, non-reversible handle for a deleted id in the audit log: sha256("type:id"). */
export const hashId = (type: string, id: string) => createHash('sha256').update(`${type}:${id}`).digest('hex')

/**
 * The deletion job (issue 12): for every municipality and record type (children before parents,
 * persons last) it removes what has expired, in batches of one transaction each, and records each
 * batch in that municipality's audit log (counts and hashed ids). The audit log itself is never
 * touched. Safe with several instances: the scheduler runs it once, and each municipality is
 * worked on under an advisory lock.
 */
export async function runRetention(db: Database, options: RetentionOptions = {}): Promise<RetentionResult> {
  const runId = randomUUID()
  const today = options.today ?? osloDate(new Date())
  const ctx: RequestContext = { actor: null, requestId: `job:${retentionJob.name}:${runId}`, ip: '-' }
  const kommuner =
    options.kommuner ??
    (
      await db
        .selectFrom('org_units')
        .select('code')
        .where('kind', '=', 'kommune')
        .where('status', '<>', 'inactive')
        .orderBy('code')
        .execute()
    ).map((r) => r.code)
  const result: RetentionResult = { runId, today, kommuner: kommuner.length, busy: 0, removed: {} }
  const add = (type: RetentionType | 'person_link', n: number) => {
    if (n > 0) result.removed[type] = (result.removed[type] ?? 0) + n
  }
  for (const kommune of kommuner) {
    const done = await runForKommune(db, ctx, kommune, today, options, add)
    if (!done) result.busy++
  }
  return result
}

async function runForKommune(
  db: Database,
  ctx: RequestContext,
  kommune: string,
  today: string,
  options: RetentionOptions,
  add: (type: RetentionType | 'person_link', n: number) => void,
): Promise<boolean> {
  const batchSize = options.batchSize ?? 500
  const maxBatches = options.maxBatches ?? 20
  const settings = await inTenant(db, { kommune }, (trx) => q.loadSettings(trx, kommune))
  for (const rule of RULES) {
    if (rule.optional && !(await q.tableExists(db, rule.table))) continue
    // Stale links go just before persons: they are what keeps another municipality's person alive.
    if (rule.type === 'person') {
      const before = addDaysOslo(today, -settings.person.days)
      const n = await inTenant(db, { kommune }, async (trx) => {
        if (!(await tryLock(trx, kommune))) return -1
        const ids = await q.removeStaleLinks(trx, kommune, before, batchSize * maxBatches)
        if (ids.length > 0)
          await record(trx, ctx, kommune, 'person_link', ids, settings.person.days, 'delete')
        return ids.length
      })
      if (n < 0) return false
      add('person_link', n)
    }
    const before = addDaysOslo(today, -settings[rule.type].days)
    for (let batch = 0; batch < maxBatches; batch++) {
      const n = await inTenant(db, { kommune }, async (trx) => {
        if (!(await tryLock(trx, kommune))) return null
        const ids = await q.expiredIds(trx, rule, kommune, before, batchSize)
        const removed = await removeSafely(trx, rule, kommune, ids)
        if (removed.length > 0)
          await record(trx, ctx, kommune, rule.type, removed, settings[rule.type].days, rule.mode)
        return { candidates: ids.length, removed: removed.length }
      })
      if (!n) return false
      add(rule.type, n.removed)
      if (n.candidates < batchSize || n.removed === 0) break
    }
  }
  return true
}

async function tryLock(trx: Trx, kommune: string): Promise<boolean> {
  const r = await sql<{
    ok: boolean
  }>`select pg_try_advisory_xact_lock(${LOCK_NS}, hashtext(${kommune})) as ok`.execute(trx)
  return !!r.rows[0]?.ok
}

/**
 * Removes the batch in one go; if a reference the tenant cannot see (another municipality's row)
 * makes that fail, falls back to one record at a time and leaves the ones still needed.
 */
async function removeSafely(
  trx: Trx,
  rule: RetentionRule,
  kommune: string,
  ids: string[],
): Promise<string[]> {
  if (ids.length === 0) return []
  try {
    await inSavepoint(trx, 'retention_batch', () => q.removeRows(trx, rule, kommune, ids))
    return ids
  } catch (err) {
    if (!isForeignKeyViolation(err)) throw err
  }
  const removed: string[] = []
  for (const id of ids) {
    try {
      await inSavepoint(trx, 'retention_row', () => q.removeRows(trx, rule, kommune, [id]))
      removed.push(id)
    } catch (err) {
      if (!isForeignKeyViolation(err)) throw err
    }
  }
  return removed
}

const isForeignKeyViolation = (err: unknown) => (err as { code?: string }).code === '23503'

/** The deletion record: what kind, how many, under which period, and the ids only as hashes. */
async function record(
  trx: Trx,
  ctx: RequestContext,
  kommune: string,
  type: RetentionType | 'person_link',
  ids: string[],
  days: number,
  mode: 'delete' | 'anonymise',
) {
  await audit(trx, ctx, {
    action: mode === 'anonymise' ? 'retention.anonymise' : 'retention.delete',
    kommune,
    recordType: type,
    details: {
      runId: ctx.requestId.split(':').at(-1),
      count: ids.length,
      days,
      idHashes: ids.map((id) => hashId(type, id)),
    },
  })
}

/** Every 6 hours, one job per municipality that is not inactive (as runRetention's default). */
export const retentionJob: JobDefinition = {
  name: 'retention.delete-expired',
  cron: '17 */6 * * *',
  perKommune: 'not-inactive',
  expireInSeconds: 3600,
  run: ({ db }, { kommune }) =>
    runRetention(db, kommune ? { kommuner: [kommune] } : {}) as unknown as Promise<Record<string, unknown>>,
}
