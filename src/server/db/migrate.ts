import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'
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

/**
 * Applies pending migrations, each in its own transaction, as the connecting (owner) role.
 * Safe to call from several instances at once: an advisory lock serialises them.
 */
export async function migrate(
  pool: pg.Pool,
  options: { appRole: string | null; migrations?: Migration[] },
): Promise<string[]> {
  const all = options.migrations ?? (await loadMigrations())
  const client = await pool.connect()
  const applied: string[] = []
  try {
    await client.query('RESET ROLE')
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY])
    // Only create the table when it is missing: a non-owner login role (production) may not
    // create tables, and must still be able to start when nothing is pending.
    const exists = await client.query<{ t: string | null }>(
      `select to_regclass('schema_migrations')::text as t`,
    )
    if (!exists.rows[0]?.t)
      await client.query(`create table schema_migrations (
      version text primary key, checksum text not null, applied_at timestamptz not null default now())`)
    const done = new Map(
      (
        await client.query<{ version: string; checksum: string }>(
          'select version, checksum from schema_migrations',
        )
      ).rows.map((r) => [r.version, r.checksum]),
    )
    for (const m of all) {
      const existing = done.get(m.version)
      if (existing) {
        if (existing !== m.checksum)
          throw new Error(`Migration ${m.version} er endret etter at den ble kjørt`)
        continue
      }
      await client.query('begin')
      try {
        await client.query(m.sql)
        await client.query('insert into schema_migrations (version, checksum) values ($1, $2)', [
          m.version,
          m.checksum,
        ])
        await client.query('commit')
      } catch (err) {
        await client.query('rollback')
        throw new Error(`Migration ${m.version} feilet: ${(err as Error).message}`, { cause: err })
      }
      applied.push(m.version)
    }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {})
    // The connection goes back to the pool (PGlite has only this one): it must not stay the owner.
    if (options.appRole) await client.query(`SET ROLE ${options.appRole}`)
    client.release()
  }
  return applied
}

let cachedVersions: string[] | undefined

/** Migrations not yet applied (the readiness probe: an instance with a newer code base waits). */
export async function pendingMigrations(db: Database): Promise<string[]> {
  cachedVersions ??= (await loadMigrations()).map((m) => m.version)
  const rows = await db.selectFrom('schema_migrations').select('version').execute()
  const done = new Set(rows.map((r) => r.version))
  return cachedVersions.filter((v) => !done.has(v))
}
