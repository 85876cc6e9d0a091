import { sql } from 'kysely'
import { type Trx, transactionHooks } from './hooks'

/**
 * Runs fn inside a savepoint: if fn throws, its writes are rolled back and the transaction stays
 * usable (one bad row of a grid or an import does not spoil the rest). Hooks rewind their own
 * state with it (audit rows waiting for the commit that fn added are dropped with its writes, so
 * the log never records what was undone).
 */
export async function inSavepoint<T>(trx: Trx, name: string, fn: () => Promise<T>): Promise<T> {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`inSavepoint: invalid name ${name}`)
  await sql.raw(`savepoint ${name}`).execute(trx)
  const rewinds = transactionHooks().flatMap((h) => (h.savepoint ? [h.savepoint(trx)] : []))
  try {
    const result = await fn()
    await sql.raw(`release savepoint ${name}`).execute(trx)
    return result
  } catch (err) {
    await sql.raw(`rollback to savepoint ${name}`).execute(trx)
    for (const rewind of rewinds) rewind()
    throw err
  }
}
