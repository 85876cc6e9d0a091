import { readFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import pg from 'pg'
import { inject } from 'vitest'
import { type DatabaseHandle, openDatabase } from '../db/kysely'
import { withDatabase } from './global-setup'

/**
 * How the app under test reaches its database: directly as the owner (TEST_DATABASE_URL), or —
 * the pooler runs of .ci/run — through TEST_APP_DATABASE_URL (PgBouncer; its user may be a
 * non-owner login role) in TEST_DATABASE_POOL_MODE.
 */
export function testAppConnection(database: string) {
  const url = process.env.TEST_APP_DATABASE_URL || process.env.TEST_DATABASE_URL!
  const poolMode = process.env.TEST_DATABASE_POOL_MODE === 'transaction' ? 'transaction' : 'session'
  return { url: withDatabase(url, database), poolSize: 5, poolMode } as const
}

/**
 * A fresh, migrated database for one test file, running as the application role (RLS applies):
 * PGlite loaded from the run's template, or a PostgreSQL copy of the template database when
 * TEST_DATABASE_URL is set. Close it in afterAll.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { ownerPool(): Promise<pg.Pool> }> {
  const url = process.env.TEST_DATABASE_URL
  const pgTemplate = inject('pgTemplate')
  if (url && pgTemplate) {
    const name = `smittespor_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${pgTemplate}`)
        // One audit chain per municipality in tests, so assertions can name the chain.
        await admin.query(`alter database ${name} set smittespor.audit_shards = '1'`)
        break
      } catch (err) {
        // Two files copying the template at the same instant can collide; try again shortly.
        if (attempt > 20) throw err
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200))
      }
    }
    await admin.end()
    const dbUrl = withDatabase(url, name)
    const handle = await openDatabase(testAppConnection(name))
    let owner: pg.Pool | undefined
    return {
      ...handle,
      ownerPool: async () => {
        if (!owner) {
          owner = new pg.Pool({ connectionString: dbUrl, max: 2 })
          // The database is dropped WITH (FORCE) at close: an idle owner connection that is still
          // open then gets "terminating connection", which must not become an uncaught error.
          owner.on('error', () => {})
        }
        return owner
      },
      async close() {
        try {
          await handle.close()
        } finally {
          await owner?.end()
        }
        const a = new pg.Client({ connectionString: url })
        await a.connect()
        await a.query(`drop database if exists ${name} with (force)`)
        await a.end()
      },
    }
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))])
  const pglite = await PGlite.create({ loadDataDir: blob, extensions: { pg_trgm } })
  const handle = await openDatabase({ pglite })
  let owner: pg.Pool | undefined
  return {
    ...handle,
    // PGlite has one session: the owner view shares it, so callers must RESET/SET ROLE themselves.
    // Its own pool is not guarded (db/connection.ts), so its transactions stay the owner's.
    ownerPool: async () => {
      owner ??= new pg.Pool({ ...(createPgConfig(pglite) as unknown as pg.PoolConfig), max: 1 })
      return owner
    },
    async close() {
      await owner?.end()
      await handle.close()
      await pglite.close()
    },
  }
}
