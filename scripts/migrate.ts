/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (PostgreSQL, run it as the
 * owner role) or to the embedded PGlite in PGLITE_DIR (default ./data/pglite).
 */
import { mkdirSync } from 'node:fs'
import { openDatabase } from '../src/server/db/kysely'
import { migrate } from '../src/server/db/migrate'
import { installJobs } from '../src/server/jobs'

const url = process.env.DATABASE_URL
const dir = process.env.PGLITE_DIR ?? './data/pglite'
if (!url) mkdirSync(dir, { recursive: true })
const handle = url
  ? await openDatabase({ url, poolSize: 1, appRole: null })
  : await openDatabase({ dataDir: dir, appRole: null })
try {
  const applied = await migrate(handle.pool, { after: installJobs })
  console.log(
    applied.length
      ? `Kjørte migreringer: ${applied.join(', ')}`
      : 'Databasen er oppdatert, ingen nye migreringer.',
  )
} finally {
  await handle.close()
}
