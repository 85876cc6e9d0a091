import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'
import { unguardedQuery } from './connection'
import type { Database } from './kysely'

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
)

export interface Migration {
  version: string
  sql: string
  checksum: string
}

/** Reads `migrations/NNNN_name.sql` in order. Forward-only: applied files must never change. */
export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort()
  return Promise.all(
    files.map(async (f) => {
      const sql = await readFile(path.join(dir, f), 'utf8')
      return {
        version: f.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      }
    }),
  )
}

// Arbitrary constant: one migrator at a time across app instances.
const LOCK_KEY = 724_113_001

type OwnerQuery = (text: string, values?: unknown[]) => Promise<pg.QueryResult>

/** Runs after the SQL files, as the owner (pg-boss's schema, which takes its own lock). */
export type AfterMigrate = (query: OwnerQuery) => Promise<void>

/**
 * Applies pending migrations as the owner: the connecting role of `pool` (pass a direct
 * connection, MIGRATION_DATABASE_URL, when the app logs in as a non-owner role).
 *
 * Each migration runs in its own transaction that first takes a transaction-level advisory lock
 * and re-reads what is applied, so several instances starting at once apply each file once, and
 * the lock also holds through a transaction-mode pooler (a session-level lock would not).
 * `SET LOCAL ROLE NONE` makes the transaction the login role's even on a client that switched to
 * the app role (PGlite's single session).
 */
export async function migrate(
  pool: pg.Pool,
  options: { migrations?: Migration[]; after?: AfterMigrate } = {},
): Promise<string[]> {
  const all = options.migrations ?? (await loadMigrations())
  const client = await pool.connect()
  const query = unguardedQuery(client)
  const applied: string[] = []
  /** Runs fn in an owner transaction (holding the migration lock unless lock is false). */
  const locked = async <T>(fn: () => Promise<T>, lock = true): Promise<T> => {
    await query(`begin; set local role none${lock ? `; select pg_advisory_xact_lock(${LOCK_KEY})` : ''}`)
    try {
      const result = await fn()
      await query('commit')
      return result
    } catch (err) {
      await query('rollback').catch(() => {})
      throw err
    }
  }
  const done = async () =>
    new Map(
      (await query('select version, checksum from schema_migrations')).rows.map((r) => [
        r.version as string,
        r.checksum as string,
      ]),
    )
  try {
    // Only create the table when it is missing: a non-owner login role may not create tables,
    // and must still be able to start when nothing is pending.
    const exists = await locked(() => query(`select to_regclass('schema_migrations')::text as t`), false)
    if (!exists.rows[0]?.t)
      await locked(() =>
        query(`create table if not exists schema_migrations (
      version text primary key, checksum text not null, applied_at timestamptz not null default now())`),
      )
    const seen = await locked(done, false)
    for (const m of all) {
      const existing = seen.get(m.version)
      if (existing) {
        if (existing !== m.checksum)
          throw new Error(`Migration ${m.version} er endret etter at den ble kjørt`)
        continue
      }
      const ran = await locked(async () => {
        // Another instance may have applied it while this one waited for the lock.
        if ((await done()).has(m.version)) return false
        try {
          await query(m.sql)
        } catch (err) {
          throw new Error(`Migration ${m.version} feilet: ${(err as Error).message}`, { cause: err })
        }
        await query('insert into schema_migrations (version, checksum) values ($1, $2)', [
          m.version,
          m.checksum,
        ])
        return true
      })
      if (ran) applied.push(m.version)
    }
    if (options.after) await options.after(asOwner(query))
  } finally {
    client.release()
  }
  return applied
}

const BEGIN = /^\s*begin\s*;/i

/**
 * Runs each statement as the login role even on a client that switched to the app role: a text
 * that opens its own transaction gets SET LOCAL ROLE NONE after its BEGIN, anything else runs in
 * a transaction of its own that starts with it.
 */
function asOwner(query: OwnerQuery): OwnerQuery {
  return async (text, values) => {
    if (BEGIN.test(text) && !values?.length) return query(text.replace(BEGIN, 'begin; set local role none;'))
    await query('begin; set local role none')
    try {
      const result = await query(text, values)
      await query('commit')
      return result
    } catch (err) {
      await query('rollback').catch(() => {})
      throw err
    }
  }
}

let cachedVersions: string[] | undefined

/** Migrations not yet applied (the readiness probe: an instance with a newer code base waits). */
export async function pendingMigrations(db: Database): Promise<string[]> {
  cachedVersions ??= (await loadMigrations()).map((m) => m.version)
  const rows = await db.selectFrom('schema_migrations').select('version').execute()
  const done = new Set(rows.map((r) => r.version))
  return cachedVersions.filter((v) => !done.has(v))
}
