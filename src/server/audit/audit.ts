import { sql } from 'kysely'
import pg from 'pg'
import type { RequestContext } from '../auth/actor'
import { registerTransactionHook } from '../db/hooks'
import type { Trx } from '../db/tenant'

export type AuditBasis = 'normal' | 'transfer' | 'break-glass'
export type AuditOutcome = 'ok' | 'denied' | 'failed'

/** One changed field of a write, with JSON-safe values (Dates as ISO strings, undefined as null). */
export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

export interface AuditEvent {
  /** Dotted verb, e.g. 'person.read', 'person.search', 'case.create', 'login.failed', 'access.denied'. */
  action: string
  recordType?: string
  recordId?: string | null
  personId?: string | null
  /** Whose log (and hash chain) the event goes to. Defaults to the actor's active municipality. */
  kommune?: string | null
  basis?: AuditBasis
  /** Required for break-glass; recommended for transfer. */
  reason?: string
  outcome?: AuditOutcome
  changes?: FieldChange[]
  details?: Record<string, unknown>
}

/**
 * What is stored in audit_log.payload (and covered by the hash). `occurredAt` is set by the
 * database function, never by the caller.
 */
export interface AuditPayload {
  occurredAt: string
  action: string
  kommune: string | null
  userId: string | null
  userName: string | null
  roles: string[]
  sessionId: string | null
  recordType: string | null
  recordId: string | null
  personId: string | null
  basis: AuditBasis
  reason: string | null
  outcome: AuditOutcome
  ip: string
  requestId: string
  changes?: FieldChange[]
  details?: Record<string, unknown>
}

/**
 * Records an audit event in the caller's transaction: if the operation rolls back, so does its
 * audit row, and an operation cannot commit without one. The row goes through the SECURITY
 * DEFINER functions audit_append / audit_append_many (the app role may not insert directly),
 * which lock the municipality's chain head until commit.
 *
 * In a transaction opened by inTenant the rows wait and are appended in the same round trip as
 * the COMMIT (see commitStatement): one round trip less per request, and the chain head is
 * locked only for the instant before the commit. Elsewhere the row is appended at once.
 */
export async function audit(trx: Trx, ctx: RequestContext, event: AuditEvent): Promise<void> {
  const payload = auditPayload(ctx, event)
  const batch = batches.get(trx)
  if (batch) {
    batch.push(payload)
    return
  }
  await sql`select audit_append(${JSON.stringify(payload)}::jsonb)`.execute(trx)
}

/**
 * Bulk writes (the import commit: thousands of records in one transaction) collect their audit
 * rows and append them together through audit_append_many (migration 0017): appending them one
 * by one moves the chain head row once per row inside one transaction, which gets slower with
 * every row. The rows are the same, in the same transaction, so they still commit or roll back
 * with the writes. Call flushAuditBatch before the transaction ends.
 */
const batches = new WeakMap<Trx, Omit<AuditPayload, 'occurredAt'>[]>()

export function startAuditBatch(trx: Trx) {
  if (!batches.has(trx)) batches.set(trx, [])
}

/** How many rows are waiting: take it before a savepoint, rewind to it after rolling back to it. */
export const auditBatchMark = (trx: Trx) => batches.get(trx)?.length ?? 0
export function rewindAuditBatch(trx: Trx, mark: number) {
  batches.get(trx)?.splice(mark)
}
export function dropAuditBatch(trx: Trx) {
  batches.delete(trx)
}

/** Appends the waiting rows (call outside savepoints); `end` also stops batching. */
export async function flushAuditBatch(trx: Trx, end = false) {
  const batch = batches.get(trx)
  if (end) batches.delete(trx)
  if (!batch?.length) return
  const payloads = batch.splice(0)
  await sql`select audit_append_many(${JSON.stringify(payloads)}::jsonb)`.execute(trx)
}

/**
 * What ends a transaction whose audit rows were deferred: the waiting rows are appended in the
 * same simple-protocol message as the COMMIT (if the append fails, PostgreSQL skips the COMMIT
 * and the caller rolls back). The payload is inlined as an escaped literal, since a simple query
 * cannot carry parameters. Stops the batching.
 */
export function commitStatement(trx: Trx): string {
  const batch = batches.get(trx)
  batches.delete(trx)
  if (!batch?.length) return ''
  return `select audit_append_many(${pg.escapeLiteral(JSON.stringify(batch))}::jsonb)`
}

// Every tenant transaction (db/tenant.ts) batches its audit rows and appends them with its COMMIT;
// a savepoint rolled back to drops the rows added after it.
registerTransactionHook({
  name: 'audit',
  started: startAuditBatch,
  beforeCommit: commitStatement,
  failed: dropAuditBatch,
  savepoint: (trx) => {
    const mark = auditBatchMark(trx)
    return () => rewindAuditBatch(trx, mark)
  },
})

/** Builds the payload; exported for tests. Throws on events the log must never accept. */
export function auditPayload(ctx: RequestContext, event: AuditEvent): Omit<AuditPayload, 'occurredAt'> {
  const basis = event.basis ?? 'normal'
  const reason = event.reason?.trim() || null
  if (!event.action) throw new Error('audit: action is required')
  if (basis === 'break-glass' && !reason) throw new Error('audit: break-glass requires a reason')
  const actor = ctx.actor
  return {
    action: event.action,
    kommune: event.kommune !== undefined ? event.kommune : (actor?.kommune ?? null),
    userId: actor?.userId ?? null,
    userName: actor?.name ?? null,
    roles: actor ? [...actor.roles] : [],
    sessionId: actor?.sessionId ?? null,
    recordType: event.recordType ?? null,
    recordId: event.recordId ?? null,
    personId: event.personId ?? null,
    basis,
    reason,
    outcome: event.outcome ?? 'ok',
    ip: ctx.ip,
    requestId: ctx.requestId,
    ...(event.changes?.length ? { changes: event.changes.map(jsonSafeChange) } : {}),
    ...(event.details ? { details: toJsonSafe(event.details) as Record<string, unknown> } : {}),
  }
}

export interface DiffOptions {
  /**
   * Fields recorded as changed but with their values hidden, e.g. a protected address
   * (adressebeskyttelse), which must not reach the log that Administrators read and export.
   */
  masked?: readonly string[]
}

export const MASKED_VALUE = '***'

/**
 * The fields that differ between two versions of a record, as stored in the audit log. With
 * `fields`, only those keys are compared (in that order); otherwise every key of either object.
 * A key missing on one side counts as null. Dates compare by instant; arrays and objects by value.
 */
export function diffFields<T extends object>(
  before: Partial<T> | null | undefined,
  after: Partial<T> | null | undefined,
  fields?: readonly (keyof T & string)[],
  options: DiffOptions = {},
): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>
  const a = (after ?? {}) as Record<string, unknown>
  const keys = fields ?? [...new Set([...Object.keys(b), ...Object.keys(a)])]
  const masked = new Set(options.masked ?? [])
  const changes: FieldChange[] = []
  for (const field of keys) {
    const from = toJsonSafe(b[field])
    const to = toJsonSafe(a[field])
    if (sameValue(from, to)) continue
    changes.push(
      masked.has(field)
        ? { field, before: from === null ? null : MASKED_VALUE, after: to === null ? null : MASKED_VALUE }
        : { field, before: from, after: to },
    )
  }
  return changes
}

function jsonSafeChange(c: FieldChange): FieldChange {
  return { field: c.field, before: toJsonSafe(c.before), after: toJsonSafe(c.after) }
}

/** Converts a value to what JSON.stringify would keep, so diffing compares what gets stored. */
function toJsonSafe(value: unknown): unknown {
  if (value === undefined || value === null) return null
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'function' || typeof value === 'symbol') return null
  if (Array.isArray(value)) return value.map(toJsonSafe)
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJsonSafe(v)
    return out
  }
  return value
}

function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false
  if (Array.isArray(x) !== Array.isArray(y)) return false
  const xo = x as Record<string, unknown>
  const yo = y as Record<string, unknown>
  const xk = Object.keys(xo)
  if (xk.length !== Object.keys(yo).length) return false
  return xk.every((k) => k in yo && sameValue(xo[k], yo[k]))
}
