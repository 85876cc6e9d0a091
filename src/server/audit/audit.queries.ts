import type { Database } from '../db/kysely'
import type { Trx } from '../db/tenant'
import { fieldError } from '../http/errors'
import type { AuditPayload } from './audit'

type Db = Database | Trx

export const AUDIT_PAGE_MAX = 200

/** One audit row as services and presenters see it: the payload plus its position in the log. */
export interface AuditEntry extends Omit<AuditPayload, 'occurredAt'> {
  id: number
  seq: number
  occurredAt: Date
}

export interface AuditSearch {
  kommune: string
  userId?: string
  personId?: string
  /** 'person' matches 'person' and 'person.read', 'person.search' …; not 'personal.x'. */
  actionPrefix?: string
  /** Inclusive. */
  from?: Date
  /** Exclusive. */
  to?: Date
  /** `nextCursor` from the previous page. */
  cursor?: string | null
  /** 1–200, default 50. */
  limit?: number
}

export interface AuditPage {
  items: AuditEntry[]
  nextCursor: string | null
}

/**
 * One municipality's log, newest first, keyset-paged on (occurred_at, id): stable while new rows
 * arrive, and cheap on deep pages. Row-level security limits it to the transaction's tenant too.
 */
export async function searchAuditLog(db: Db, search: AuditSearch): Promise<AuditPage> {
  const limit = Math.min(Math.max(Math.trunc(search.limit ?? 50), 1), AUDIT_PAGE_MAX)
  const after = search.cursor ? decodeCursor(search.cursor) : null
  const prefix = search.actionPrefix
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'seq', 'occurred_at', 'payload'])
    .where('kommune', '=', search.kommune)
    .$if(!!search.userId, (q) => q.where('user_id', '=', search.userId!))
    .$if(!!search.personId, (q) => q.where('person_id', '=', search.personId!))
    .$if(!!prefix, (q) =>
      q.where((eb) => eb.or([eb('action', '=', prefix!), eb('action', 'like', `${escapeLike(prefix!)}.%`)])),
    )
    .$if(!!search.from, (q) => q.where('occurred_at', '>=', search.from!))
    .$if(!!search.to, (q) => q.where('occurred_at', '<', search.to!))
    .$if(!!after, (q) =>
      q.where((eb) =>
        eb.or([
          eb('occurred_at', '<', after!.at),
          eb.and([eb('occurred_at', '=', after!.at), eb('id', '<', after!.id)]),
        ]),
      ),
    )
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()
  const items = rows.slice(0, limit).map(toEntry)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null }
}

export interface InnsynRow {
  occurredAt: Date
  userId: string | null
  userName: string | null
  roles: string[]
  action: string
  recordType: string | null
  recordId: string | null
  basis: AuditEntry['basis']
  reason: string | null
  outcome: AuditEntry['outcome']
}

/**
 * Innsyn ("who has looked at my data"): everyone who read or changed one person's data in the
 * municipality, oldest first. Denied and failed attempts showed no data and are left out unless
 * asked for.
 */
export async function innsynReport(
  db: Db,
  kommune: string,
  personId: string,
  options: { includeDenied?: boolean } = {},
): Promise<InnsynRow[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'seq', 'occurred_at', 'payload'])
    .where('kommune', '=', kommune)
    .where('person_id', '=', personId)
    .orderBy('occurred_at', 'asc')
    .orderBy('id', 'asc')
    .execute()
  return rows
    .map(toEntry)
    .filter((e) => options.includeDenied || e.outcome === 'ok')
    .map((e) => ({
      occurredAt: e.occurredAt,
      userId: e.userId,
      userName: e.userName,
      roles: e.roles,
      action: e.action,
      recordType: e.recordType,
      recordId: e.recordId,
      basis: e.basis,
      reason: e.reason,
      outcome: e.outcome,
    }))
}

function toEntry(row: { id: number; seq: number; occurred_at: Date; payload: unknown }): AuditEntry {
  const { occurredAt: _stored, ...payload } = row.payload as AuditPayload
  return { ...payload, id: row.id, seq: row.seq, occurredAt: row.occurred_at }
}

// occurred_at has millisecond precision (audit_append truncates), so a JS Date round-trips exactly.
function encodeCursor(e: AuditEntry): string {
  return Buffer.from(`${e.occurredAt.toISOString()}|${e.id}`).toString('base64url')
}

function decodeCursor(cursor: string): { at: Date; id: number } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  const date = new Date(at ?? '')
  const n = Number(id)
  if (Number.isNaN(date.getTime()) || !Number.isSafeInteger(n) || n < 1)
    throw fieldError('query.cursor', 'Ugyldig sidemarkør')
  return { at: date, id: n }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)
