/**
 * `npm run seed:synthetic -- --persons N [--database-url URL] [--seed S]`
 *
 * Fills a database with a synthetic national population for load tests: persons with Tenor-style
 * ids spread over the 357 municipalities by (approximate) population, index cases over two years
 * with an epidemic-shaped curve, 3–10 contacts per case (households share an address), and, where
 * those features exist, events with participants, measures and follow-up calls. Deterministic
 * for a given seed. Bulk-loads with multi-row INSERT … SELECT FROM unnest(…) in batches.
 */
import { parseArgs } from 'node:util'
import pg from 'pg'
import { migrate } from '../src/server/db/migrate'
import { installJobs } from '../src/server/jobs'
import { generateSynthetic } from '../src/server/seed/synthetic'

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '50000' },
    'database-url': { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
})
const url = values['database-url'] ?? process.env.DATABASE_URL
if (!url) {
  console.error('Oppgi --database-url eller DATABASE_URL (PostgreSQL).')
  process.exit(2)
}
const pool = new pg.Pool({ connectionString: url, max: 2 })
try {
  // An empty database gets its schema first (as `npm run db:migrate` would), instead of failing
  // on the first missing table.
  const applied = await migrate(pool, { after: installJobs })
  if (applied.length > 0) console.log(`Kjørte ${applied.length} migreringer først.`)
  const result = await generateSynthetic(pool, {
    persons: Number(values.persons),
    seed: Number(values.seed),
    log: (m) => console.log(m),
  })
  console.table(result.rows)
  console.log(`Ferdig på ${(result.ms / 1000).toFixed(1)} s`)
} finally {
  await pool.end()
}
