import type { Transaction } from 'kysely'
import type { DB } from './schema'

export type Trx = Transaction<DB>

/**
 * What cross-cutting layers add to every tenant transaction, without db/ importing them: the
 * audit log (rows appended with the COMMIT, dropped with a rollback) and the session check of a
 * request served from the session cache (asserted with the BEGIN). Each registers itself once,
 * when its module is loaded (audit/audit.ts, auth/session-cache.ts).
 */
export interface TransactionHook {
  name: string
  /**
   * SQL sent in the same round trip as BEGIN (values validated by the hook: it is inlined), and
   * how to translate an error it raises. Called before the transaction starts.
   */
  begin?(tx: { readOnly: boolean }): { sql: string; onError?(err: unknown): unknown } | undefined
  /** The transaction is open. */
  started?(trx: Trx): void
  /** SQL to run just before COMMIT, in the same round trip ('' for nothing). */
  beforeCommit?(trx: Trx): string
  /** The transaction is being rolled back. */
  failed?(trx: Trx): void
  /** A savepoint is being set: returns what undoes the hook's own state if it is rolled back to. */
  savepoint?(trx: Trx): () => void
}

const hooks: TransactionHook[] = []

/** Registers a hook once (by name; a module loaded twice in tests does not add it twice). */
export function registerTransactionHook(hook: TransactionHook) {
  const at = hooks.findIndex((h) => h.name === hook.name)
  if (at >= 0) hooks[at] = hook
  else hooks.push(hook)
}

export const transactionHooks = (): readonly TransactionHook[] => hooks
