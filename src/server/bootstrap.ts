import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { AppConfig } from './config'
import { type DatabaseHandle, openDatabase } from './db/kysely'
import { migrate } from './db/migrate'
import { installJobs } from './jobs'
import { seedDemo } from './seed/demo'
import './seed/demo-workday'

/**
 * Opens the configured database, applies migrations as the owner and seeds demo data when
 * enabled. On PostgreSQL the migrations go through MIGRATION_DATABASE_URL (default DATABASE_URL):
 * a direct connection of the owner, so the app may log in as a role that cannot change the schema.
 */
export async function prepareDatabase(
  config: AppConfig,
  log: (msg: string) => void,
): Promise<DatabaseHandle> {
  const d = config.database
  let applied: string[]
  let handle: DatabaseHandle
  if (d.kind === 'postgres') {
    const owner = await openDatabase({ url: d.migrationUrl, poolSize: 1, appRole: null })
    try {
      applied = await migrate(owner.pool, { after: installJobs })
    } finally {
      await owner.close()
    }
    handle = await openDatabase({ url: d.url, poolSize: d.poolSize, poolMode: d.poolMode })
  } else {
    // One PGlite, two handles: the migrator's as the owner (the app role may not exist yet),
    // then the app's, whose session switches to the app role.
    const pglite = await PGlite.create(d.dataDir, { extensions: { pg_trgm } })
    const owner = await openDatabase({ pglite, appRole: null })
    try {
      applied = await migrate(owner.pool, { after: installJobs })
    } finally {
      await owner.close()
    }
    const app = await openDatabase({ pglite })
    handle = {
      ...app,
      async close() {
        await app.close()
        await pglite.close()
      },
    }
  }
  if (applied.length > 0) log(`applied ${applied.length} migrations: ${applied.join(', ')}`)
  if (config.demo) {
    const ran = await seedDemo(handle.db)
    if (ran.length > 0) log(`demo data seeded (steps ${ran.join(', ')})`)
  }
  return handle
}

/**
 * The read replica for aggregate-only reads (REPORTING_DATABASE_URL), or null: those reads then
 * use the primary. Same app role and pool mode as the primary; `application_name` says which
 * pool a server session belongs to.
 */
export async function openReporting(config: AppConfig): Promise<DatabaseHandle | null> {
  const d = config.database
  if (d.kind !== 'postgres' || !d.reporting) return null
  return openDatabase({
    url: d.reporting.url,
    poolSize: d.reporting.poolSize,
    poolMode: d.poolMode,
    applicationName: 'smittespor-reporting',
  })
}
