import { sql } from 'kysely'
import { type Trx, transactionHooks } from './hooks'
import type { Database } from './kysely'

export type { Trx } from './hooks'

const KOMMUNE = /^\d{4}$/
/** User ids are uuids in the app; tests use readable ids. Only these characters can be inlined. */
const USER_ID = /^[0-9A-Za-z_-]{1,64}$/

/**
 * Runs fn in one transaction scoped to a municipality: row-level security policies read
 * `app.kommune`, so even a query that forgets its `where kommune = …` sees only this tenant.
 * `kommune` null means no tenant rows are visible (national roles, anonymous requests).
 *
 * Everything the transaction needs is set in the same simple-protocol round trip as its BEGIN,
 * and only for this transaction (`set_config(…, true)`; the connection adds `SET LOCAL ROLE`,
 * connection.ts), so it is right on whatever server session a pooler hands out. Hooks
 * (db/hooks.ts) add their SQL to that round trip and to the COMMIT's. The values are validated
 * first, so inlining them is safe. `readOnly` makes PostgreSQL refuse any write: the aggregate
 * reads that may go to a replica (deps.reportingDb) use it, so they cannot start writing unseen.
 */
export async function inTenant<T>(
  db: Database,
  scope: { kommune: string | null; userId?: string | null; readOnly?: boolean },
  fn: (trx: Trx) => Promise<T>,
): Promise<T> {
  const kommune = scope.kommune ?? ''
  const userId = scope.userId ?? ''
  if (kommune && !KOMMUNE.test(kommune)) throw new Error(`inTenant: invalid kommune ${kommune}`)
  if (userId && !USER_ID.test(userId)) throw new Error('inTenant: invalid user id')
  const hooks = transactionHooks()
  const begins = hooks.flatMap((h) => {
    const b = h.begin?.({ readOnly: !!scope.readOnly })
    return b ? [b] : []
  })
  const extra = begins.map((b) => `; ${b.sql}`).join('')
  return db.connection().execute(async (conn) => {
    try {
      await sql
        .raw(
          `begin${scope.readOnly ? ' read only' : ''}; select set_config('app.kommune', '${kommune}', true), set_config('app.user', '${userId}', true)${extra}`,
        )
        .execute(conn)
    } catch (err) {
      await rollbackQuietly(conn)
      for (const b of begins) {
        const translated = b.onError?.(err)
        if (translated) throw translated
      }
      throw err
    }
    const trx = conn as unknown as Trx
    for (const h of hooks) h.started?.(trx)
    try {
      const result = await fn(trx)
      const before = hooks.map((h) => h.beforeCommit?.(trx) ?? '').filter(Boolean)
      await sql.raw([...before, 'commit'].join('; ')).execute(conn)
      return result
    } catch (err) {
      for (const h of hooks) h.failed?.(trx)
      await rollbackQuietly(conn)
      throw err
    }
  })
}

/** Ends a failed transaction; the original error is what the caller reports. */
async function rollbackQuietly(conn: Database) {
  await sql
    .raw('rollback')
    .execute(conn)
    .catch(() => {})
}
