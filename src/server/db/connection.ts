import type pg from 'pg'

/**
 * How the app reaches PostgreSQL:
 * - `session`: each pool client is its own server session (direct, or PgBouncer in session mode).
 *   A client may keep things per session: the role it switched to, prepared statements.
 * - `transaction`: behind PgBouncer in transaction mode. Consecutive transactions of one client
 *   can run on different server sessions, so nothing may be kept per session: no named prepared
 *   statements, no session-level SET, and every statement runs in a transaction that sets its role.
 */
export type PoolMode = 'session' | 'transaction'

/** A statement that opens a transaction, as sent by inTenant, Kysely's driver or pg-boss. */
const BEGIN = /^\s*(?:begin|start\s+transaction)\b[^;]*;?/i
const ROLE = /^[a-z_][a-z0-9_]*$/
/** Statements that end or work inside a transaction: never wrapped in one of their own. */
const TRANSACTION_CONTROL = /^\s*(?:commit|rollback|end|abort|savepoint|release)\b/i
/** A message whose last statement ends the transaction (COMMIT, or the audit rows then COMMIT). */
const ENDS = /(?:^|;)\s*(?:commit|rollback|end|abort)\s*;?\s*$/i

type Query = (...args: unknown[]) => unknown
const originals = new WeakMap<object, Query>()

/**
 * Makes a pool client run every transaction as the app role, whatever server session it lands on.
 *
 * - Every BEGIN gets `SET LOCAL ROLE <appRole>` in the same message: nothing inside a
 *   transaction can run as the login role, even if the server session was never switched.
 * - In transaction mode a statement sent outside a transaction (a plain `db.selectFrom` on the
 *   pool, pg-boss polling) is wrapped in one: BEGIN + SET LOCAL ROLE, the statement, COMMIT.
 *   In session mode such statements run as the role the client switched to when it connected.
 *
 * With appRole null (the login role itself is the unprivileged one) the client is left as it is.
 */
export function guardClient(client: pg.ClientBase, appRole: string | null, mode: PoolMode) {
  const original = client.query.bind(client) as Query
  originals.set(client, original)
  if (!appRole) return
  if (!ROLE.test(appRole)) throw new Error(`invalid app role ${appRole}`)
  const setRole = `set local role ${appRole}`
  // Whether the client is inside a transaction. Tracked here as well as read from the server's
  // last ReadyForQuery: a failed query rejects before its ReadyForQuery arrives, and the
  // ROLLBACK that follows must not be mistaken for a statement outside a transaction.
  let open = false
  client.query = ((...args: unknown[]) => {
    const [first, second] = args
    const text = typeof first === 'string' ? first : undefined
    const hasValues = Array.isArray(second) && second.length > 0
    if (text !== undefined && !hasValues && BEGIN.test(text)) {
      open = !ENDS.test(text)
      return original(
        text.replace(BEGIN, (m) => `${m.trim().replace(/;?$/, ';')} ${setRole};`),
        ...args.slice(1),
      )
    }
    if (text !== undefined && TRANSACTION_CONTROL.test(text)) {
      if (ENDS.test(text) && !/^\s*rollback\s+to\b/i.test(text)) open = false
      return original(...args)
    }
    if (text !== undefined && !hasValues && ENDS.test(text)) open = false
    if (mode === 'session' || open || client.getTransactionStatus() !== 'I') return original(...args)
    if (isSubmittable(first))
      throw new Error('DATABASE_POOL_MODE=transaction: a streamed query must run inside a transaction')
    const callback =
      typeof args.at(-1) === 'function' ? (args.at(-1) as (e: unknown, r?: unknown) => void) : null
    const run = inOwnTransaction(original, setRole, callback ? args.slice(0, -1) : args)
    if (!callback) return run
    run.then(
      (r) => callback(null, r),
      (e) => callback(e),
    )
    return undefined
  }) as typeof client.query
}

async function inOwnTransaction(query: Query, setRole: string, args: unknown[]) {
  await query(`begin; ${setRole}`)
  try {
    const result = await query(...args)
    await query('commit')
    return result
  } catch (err) {
    await Promise.resolve(query('rollback')).catch(() => {})
    throw err
  }
}

const isSubmittable = (q: unknown) =>
  typeof q === 'object' && q !== null && typeof (q as { submit?: unknown }).submit === 'function'

/**
 * The client's query function without the guard: only the migrator uses it, as the owner, with
 * `SET LOCAL ROLE NONE` in its own transactions.
 */
export function unguardedQuery(
  client: pg.ClientBase,
): (text: string, values?: unknown[]) => Promise<pg.QueryResult> {
  const q = originals.get(client) ?? (client.query.bind(client) as Query)
  return (text, values) => q(text, values) as Promise<pg.QueryResult>
}
