import type { AppConfig } from './config'
import { type DatabaseHandle, openDatabase } from './db/kysely'
import { migrate } from './db/migrate'
import { seedDemo } from './seed/demo'

/** Opens the configured database, applies migrations (as owner) and seeds demo data when enabled. */
export async function prepareDatabase(
  config: AppConfig,
  log: (msg: string) => void,
): Promise<DatabaseHandle> {
  const handle =
    config.database.kind === 'postgres'
      ? await openDatabase({ url: config.database.url, poolSize: config.database.poolSize })
      : await openDatabase({ dataDir: config.database.dataDir })
  const applied = await migrate(handle.pool, { appRole: handle.appRole })
  if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`)
  if (config.demo) {
    const ran = await seedDemo(handle.db)
    if (ran.length > 0) log(`demo data seeded (steps ${ran.join(', ')})`)
  }
  return handle
}
