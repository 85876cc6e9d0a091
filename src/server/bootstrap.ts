import type { AppConfig } from './config'
import { type DatabaseHandle, openDatabase } from './db/kysely'
import { migrate } from './db/migrate'
import { seedDemo } from './seed/demo'

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
      applied = await migrate(owner.pool)
    } finally {
      await owner.close()
    }
    handle = await openDatabase({ url: d.url, poolSize: d.poolSize, poolMode: d.poolMode })
  } else {
    handle = await openDatabase({ dataDir: d.dataDir })
    applied = await migrate(handle.pool)
  }
  if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`)
  if (config.demo) {
    const ran = await seedDemo(handle.db)
    if (ran.length > 0) log(`demo data seeded (steps ${ran.join(', ')})`)
  }
  return handle
}
