import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { guardClient, type PoolMode } from './connection'
import { prepareStatements } from './prepared'
import type { DB } from './schema'

export type { PoolMode } from './connection'

/** The role the application runs as. It does not own the tables, so row-level security applies to it. */
export const APP_ROLE = 'smittespor_app'

export type Database = Kysely<DB>

export interface DatabaseHandle {
  db: Database
  kind: 'pglite' | 'postgres'
  /** Raw pool (guarded like Kysely's: connection.ts). The migrator uses it as owner on PGlite. */
  pool: pg.Pool
  /** The role every transaction switches to, or null when the login role is already unprivileged. */
  appRole: string | null
  poolMode: PoolMode
  close(): Promise<void>
}

// Dates stay as 'yyyy-mm-dd' strings (no timezone shifting); bigint counts become numbers.
pg.types.setTypeParser(1082, (v: string) => v)
pg.types.setTypeParser(20, (v: string) => Number(v))

export type DatabaseOptions = (
  | { url: string; poolSize?: number; poolMode?: PoolMode; applicationName?: string }
  | { dataDir: string }
  | { pglite: PGlite }
) & { appRole?: string | null }

/** Opens PostgreSQL (when url is given) or the embedded PGlite in dataDir ('memory://' for tests). */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  let pglite: PGlite | undefined
  let ownsPglite = false
  const appRole = options.appRole === undefined ? APP_ROLE : options.appRole
  const remote = 'url' in options
  // PGlite is one session: what is set per session stays right.
  const poolMode: PoolMode = remote ? (options.poolMode ?? 'session') : 'session'
  /**
   * Runs once per physical connection before anyone uses it; a failure here drops the connection,
   * so it can never silently run as the table owner. Only in session mode: behind a
   * transaction-mode pooler nothing may be kept per session (connection.ts guards instead).
   */
  const onConnect = async (client: pg.ClientBase) => {
    client.on('error', () => {})
    if (poolMode === 'session') {
      // Statements outside a transaction run as the app role too.
      if (appRole) await client.query(`SET ROLE ${appRole}`)
      if (remote) {
        // Prepared statements (prepared.ts) save parsing, but a generic plan chosen after five
        // runs can be far worse for one municipality than for another (measured: Dagens
        // oppfølging for Oslo at national scale, 15 ms planned per call, 600 ms generic).
        await client.query('SET plan_cache_mode = force_custom_plan')
        prepareStatements(client as pg.PoolClient)
      } else {
        // PGlite has a single session: sharding the audit chains (migration 0015) buys nothing there.
        await client.query(`SET smittespor.audit_shards = '1'`)
      }
    }
    guardClient(client, appRole, poolMode)
  }
  let config: pg.PoolConfig
  if (remote) {
    config = {
      connectionString: options.url,
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'smittespor',
    }
  } else {
    if ('pglite' in options) pglite = options.pglite
    else {
      pglite = await PGlite.create(options.dataDir, { extensions: { pg_trgm } })
      ownsPglite = true
    }
    config = createPgConfig(pglite) as unknown as pg.PoolConfig
  }
  const pool = new pg.Pool({ ...config, onConnect } as pg.PoolConfig)
  // An idle client dying (e.g. PostgreSQL restart) must not crash the process; the next query reports it.
  pool.on('error', () => {})
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    kind: remote ? 'postgres' : 'pglite',
    pool,
    appRole,
    poolMode,
    async close() {
      await db.destroy()
      if (pglite && ownsPglite) await pglite.close()
    },
  }
}
