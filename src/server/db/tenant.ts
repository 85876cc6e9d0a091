import { sql, type Transaction } from 'kysely'
import { commitStatement, dropAuditBatch, startAuditBatch } from '../audit/audit'
import { forgetSessions, type SessionCheck, takeSessionCheck } from '../auth/session-cache'
import { AppError } from '../http/errors'
import type { Database } from './kysely'
import type { DB } from './schema'

export type Trx = Transaction<DB>

const KOMMUNE = /^\d{4}$/
/** User ids are uuids in the app; tests use readable ids. Only these characters can be inlined. */
const USER_ID = /^[0-9A-Za-z_-]{1,64}$/

const SESSION_CHANGED = 'SM001'
const HEX = /^[0-9a-f]+$/

/**
 * A request served by a cached session first asserts that the session is unchanged, in the same
 * round trip as BEGIN (session-cache.ts, migration 0024). Both values are hex, checked here.
 */
function assertion(check: SessionCheck | undefined) {
  if (!check) return ''
  if (!HEX.test(check.sessionId) || !HEX.test(check.fingerprint))
    throw new Error('inTenant: invalid session check')
  return `; select app_session_assert('${check.sessionId}', '${check.fingerprint}', ${Math.trunc(check.idleMinutes)})`
}

/**
 * Runs fn in one transaction scoped to a municipality: row-level security policies read
 * `app.kommune`, so even a query that forgets its `where kommune = …` sees only this tenant.
 * `kommune` null means no tenant rows are visible (national roles, anonymous requests).
 *
 * BEGIN and the settings go to the server as one simple-protocol round trip (this runs for
 * every request that touches personal data); the values are validated first, so inlining them
 * is safe.
 */
export async function inTenant<T>(
  db: Database,
  scope: { kommune: string | null; userId?: string | null },
  fn: (trx: Trx) => Promise<T>,
): Promise<T> {
  const kommune = scope.kommune ?? ''
  const userId = scope.userId ?? ''
  if (kommune && !KOMMUNE.test(kommune)) throw new Error(`inTenant: invalid kommune ${kommune}`)
  if (userId && !USER_ID.test(userId)) throw new Error('inTenant: invalid user id')
  const check = takeSessionCheck()
  return db.connection().execute(async (conn) => {
    try {
      await sql
        .raw(
          `begin; select set_config('app.kommune', '${kommune}', true), set_config('app.user', '${userId}', true)${assertion(check)}`,
        )
        .execute(conn)
    } catch (err) {
      await rollbackQuietly(conn)
      if (check && (err as { code?: string }).code === SESSION_CHANGED) {
        forgetSessions(check.sessionId)
        throw new AppError(
          401,
          'session-changed',
          'Innloggingen eller tilgangene dine er endret. Last siden på nytt.',
        )
      }
      throw err
    }
    const trx = conn as unknown as Trx
    // Audit rows of this transaction are appended together with the COMMIT (audit.ts).
    startAuditBatch(trx)
    try {
      const result = await fn(trx)
      await sql.raw(commitStatement(trx)).execute(conn)
      return result
    } catch (err) {
      dropAuditBatch(trx)
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
