/**
 * `npm run audit:verify` — checks the audit log's hash chains (sikkerhetslogg, SPEC §2).
 *
 *   DATABASE_URL=postgres://owner@host/db npm run audit:verify   PostgreSQL, connect as the table owner
 *   PGLITE_DIR=./data/pglite npm run audit:verify                 embedded PGlite (default dir); stop the
 *                                                                 app first, PGlite allows one process
 *   --json                                                        machine-readable result on stdout
 *
 * Exit code: 0 intact, 1 tampering found, 2 could not verify (no database, no audit table, no rights).
 */
import { existsSync } from 'node:fs'
import { formatVerification, verifyAuditChains } from '../src/server/audit/verify'
import { openDatabase } from '../src/server/db/kysely'

async function main(): Promise<number> {
  const json = process.argv.includes('--json')
  const url = process.env.DATABASE_URL
  const dataDir = process.env.PGLITE_DIR ?? './data/pglite'
  if (!url && !existsSync(dataDir)) {
    console.error(
      `Fant ingen database / no database: sett DATABASE_URL, eller PGLITE_DIR (${dataDir} finnes ikke).`,
    )
    return 2
  }
  // appRole null: run as the connecting role (the owner); the app role sees one tenant only.
  const handle = await openDatabase(url ? { url, poolSize: 1, appRole: null } : { dataDir, appRole: null })
  try {
    const result = await verifyAuditChains(handle.db)
    process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatVerification(result))
    return result.ok ? 0 : 1
  } finally {
    await handle.close()
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    console.error(
      `Kunne ikke verifisere / could not verify: ${err instanceof Error ? err.message : String(err)}`,
    )
    process.exitCode = 2
  },
)
