import { mkdirSync } from 'node:fs'
import { buildApp } from './app'
import { openReporting, prepareDatabase } from './bootstrap'
import { ConfigError, loadConfig } from './config'

async function main() {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`)
      process.exit(1)
    }
    throw err
  }
  if (config.database.kind === 'pglite' && !config.database.dataDir.startsWith('memory://'))
    mkdirSync(config.database.dataDir, { recursive: true })

  // Details (migrations applied, demo steps) go to the log at info; the summary below is printed.
  const startup: string[] = []
  const handle = await prepareDatabase(config, (m) => startup.push(m))
  const reporting = await openReporting(config)
  const app = await buildApp({ config, db: handle.db, ...(reporting ? { reportingDb: reporting.db } : {}) })
  // JOBS_ENABLED=false: an instance that only serves requests (the benchmark uses it, so the
  // retention job does not delete its two-year-old synthetic population mid-measurement).
  // PGlite's single connection is shared with requests: poll less often there.
  if (config.env.JOBS_ENABLED)
    await app.deps.jobs.startWorkers({ pollingIntervalSeconds: config.database.kind === 'pglite' ? 5 : 2 })

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down: readiness off, finishing in-flight requests')
    app.deps.markShuttingDown()
    // Give a load balancer a moment to see /api/ready fail before the listener closes.
    await new Promise((r) => setTimeout(r, config.production ? 5000 : 100))
    // app.close() also stops the job workers, letting a running job finish its transaction.
    await app.close()
    await reporting?.close()
    await handle.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))

  await app.listen({ host: config.env.HOST, port: config.env.PORT })
  for (const m of startup) app.log.info(m)
  app.log.info(`Smittespor is running at ${config.publicUrl}`)
  process.stdout.write(startupSummary(config))
}

/** The few lines `npm start` prints: where, which mode, which database, how to log in. */
function startupSummary(config: ReturnType<typeof loadConfig>): string {
  const db =
    config.database.kind === 'pglite'
      ? `innebygd PGlite i ${config.database.dataDir} (slett mappen for å starte på nytt)`
      : 'PostgreSQL (DATABASE_URL)'
  const mode = config.production
    ? 'produksjon'
    : config.testEnvironment
      ? `${config.demo ? 'demo og ' : ''}opplæring – bare syntetiske fødselsnumre`
      : 'utvikling'
  const login = config.fakeIdporten
    ? 'Logg inn med den innebygde falske ID-porten og velg en demobruker.'
    : 'Innlogging med ID-porten.'
  return [
    '',
    `  Smittespor kjører på ${config.publicUrl}`,
    `  Modus:    ${mode}`,
    `  Database: ${db}`,
    `  ${login}`,
    `  Logg: LOG_LEVEL=${config.env.LOG_LEVEL} (info gir JSON-loggen). Stopp med Ctrl+C.`,
    '',
    '',
  ].join('\n')
}

main().catch((err) => {
  process.stderr.write(`Smittespor kunne ikke starte: ${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
