import { AsyncLocalStorage } from 'node:async_hooks'
import { registerTransactionHook } from '../db/hooks'
import { AppError } from '../http/errors'
import type { ResolvedSession } from './sessions'

/**
 * Sessions resolved in the last few seconds, so that a burst of reads (a page load asks for
 * several lists at once) does not look the session up in the database for each one: that lookup
 * was one of four database round trips per request (issue 11).
 *
 * Safe because of two rules:
 * - Only GET and HEAD use a cached session (plugin.ts); a write always resolves it afresh.
 * - A request served from the cache carries a pending check (below). Its first tenant
 *   transaction asserts, in the same round trip as BEGIN, that the session still has the
 *   fingerprint it was cached with (app_session_assert, migration 0024): live, same user
 *   status, active municipality and role grants. If not, nothing is read and the request fails.
 * Changes made by this instance (logout, switching municipality, role grants, user status,
 * municipality status) also empty the cache at once; the check covers other instances.
 */
interface Entry {
  session: ResolvedSession
  fingerprint: string
  until: number
}

const MAX_ENTRIES = 10_000
const entries = new Map<string, Entry>()

export function cachedSession(id: string, now = Date.now()): Entry | undefined {
  const e = entries.get(id)
  if (!e) return undefined
  if (e.until > now) return e
  entries.delete(id)
  return undefined
}

export function cacheSession(id: string, session: ResolvedSession, fingerprint: string, ttlMs: number) {
  if (ttlMs <= 0) return
  entries.delete(id)
  // A Map iterates in insertion order: the first key is the oldest entry.
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
  entries.set(id, { session, fingerprint, until: Date.now() + ttlMs })
}

/** Drops one session, or (no id) all: after any change to sessions, users, grants or municipalities. */
export function forgetSessions(id?: string) {
  if (id) entries.delete(id)
  else entries.clear()
}

export const cachedSessionCount = () => entries.size

/** The check a request served from the cache owes before it reads personal data. */
export interface SessionCheck {
  sessionId: string
  fingerprint: string
  idleMinutes: number
}

const requests = new AsyncLocalStorage<{ check?: SessionCheck | undefined }>()

/** Runs the rest of a request with its own store (a callback-style onRequest hook calls it). */
export const runRequest = (fn: () => void) => requests.run({}, fn)

export function owesSessionCheck(check: SessionCheck) {
  const store = requests.getStore()
  if (store) store.check = check
}

/** The pending check, once: the first tenant transaction of the request performs it. */
export function takeSessionCheck(): SessionCheck | undefined {
  const store = requests.getStore()
  const check = store?.check
  if (store) store.check = undefined
  return check
}

const SESSION_CHANGED = 'SM001'
const HEX = /^[0-9a-f]+$/

/**
 * A request served by a cached session asserts, in the same round trip as the BEGIN of its first
 * tenant transaction that may read personal data, that the session is unchanged (migration 0024). Both values are hex,
 * checked here because they are inlined. A failed check ends the request with 401.
 */
registerTransactionHook({
  name: 'session-check',
  // A read-only transaction (aggregates, possibly on a replica that lags) leaves the check to the
  // request's next transaction on the primary: it reads no personal data.
  begin: ({ readOnly }) => {
    if (readOnly) return undefined
    const check = takeSessionCheck()
    if (!check) return undefined
    if (!HEX.test(check.sessionId) || !HEX.test(check.fingerprint))
      throw new Error('inTenant: invalid session check')
    return {
      sql: `select app_session_assert('${check.sessionId}', '${check.fingerprint}', ${Math.trunc(check.idleMinutes)})`,
      onError: (err) => {
        if ((err as { code?: string }).code !== SESSION_CHANGED) return undefined
        forgetSessions(check.sessionId)
        return new AppError(
          401,
          'session-changed',
          'Innloggingen eller tilgangene dine er endret. Last siden på nytt.',
        )
      },
    }
  },
})
