import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { prepareStatements } from './prepared'
import type { DB } from './schema'

/** The role the application runs as. It does not own the tables, so row-level security applies to it. */
export const APP_ROLE = 'smittespor_app'

export type Database = Kysely<DB>

export interface DatabaseHandle {
  db: Database
  kind: 'pglite' | 'postgres'
  /** Raw pool: the migrator uses it as table owner (it resets the role on its own client). */
  pool: pg.Pool
  /** The role every Kysely connection switches to, or null when the login role is already unprivileged. */
  appRole: string | null
  close(): Promise<void>
}

// Dates stay as 'yyyy-mm-dd' strings (no timezone shifting); bigint counts become numbers.
pg.types.setTypeParser(1082, (v: string) => v)
pg.types.setTypeParser(20, (v: string) => Number(v))

export type DatabaseOptions = (
  | { url: string; poolSize?: number }
  | { dataDir: string }
  | { pglite: PGlite }
) & { appRole?: string | null }

/** Opens PostgreSQL (when url is given) or the embedded PGlite in dataDir ('memory://' for tests). */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  let pool: pg.Pool
  let pglite: PGlite | undefined
  let ownsPglite = false
  if ('url' in options) {
    pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 })
  } else {
    if ('pglite' in options) pglite = options.pglite
    else {
      pglite = await PGlite.create(options.dataDir, { extensions: { pg_trgm } })
      ownsPglite = true
    }
    pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig)
  }
  // An idle client dying (e.g. PostgreSQL restart) must not crash the process; the next query reports it.
  pool.on('error', () => {})
  // The same for a client that is checked out when the server goes away: the query in flight fails
  // (and the request gets a 503), but the client's 'error' event must not crash the process.
  pool.on('connect', (client) => {
    client.on('error', () => {})
    if ('url' in options) prepareStatements(client)
  })
  const appRole = options.appRole === undefined ? APP_ROLE : options.appRole
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool,
      // Runs once per physical connection before Kysely uses it. A failure here fails the query,
      // so a connection can never silently run as the table owner (which would bypass RLS).
      onCreateConnection: async (conn) => {
        if (appRole) await conn.executeQuery(CompiledQuery.raw(`SET ROLE ${appRole}`))
        // Prepared statements (prepared.ts) save parsing, but a generic plan chosen after five
        // runs can be far worse for one municipality than for another (measured: Dagens
        // oppfølging for Oslo at national scale, 15 ms planned per call, 600 ms generic).
        if ('url' in options)
          await conn.executeQuery(CompiledQuery.raw(`SET plan_cache_mode = force_custom_plan`))
        // PGlite has a single session: sharding the audit chains (migration 0015) buys nothing there.
        if (!('url' in options))
          await conn.executeQuery(CompiledQuery.raw(`SET smittespor.audit_shards = '1'`))
      },
    }),
  })
  return {
    db,
    kind: 'url' in options ? 'postgres' : 'pglite',
    pool,
    appRole,
    async close() {
      await db.destroy()
      if (pglite && ownsPglite) await pglite.close()
    },
  }
}
