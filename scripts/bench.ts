/**
 * `npm run bench -- --scale small|national [--connections C] [--duration S] [--json FILE] [--database-url URL]`
 *
 * Starts Smittespor in production mode against PostgreSQL, seeds the scale's synthetic population if
 * needed, logs in synthetic users of several municipalities and drives each scenario with
 * autocannon. Prints one row per scenario (req/s, p50/p95/p99, errors) and the ratio of the API's
 * p50 to the p50 of the same SQL run directly through pg — the overhead the app adds. The ratio
 * uses the API's p50 with one connection (p50x1), so it compares work with work, not queueing.
 */
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import pg from 'pg'
import { isoWeekOf } from '../src/shared/domain/isoWeek'
import { runImport } from './bench/import'
import { SCENARIOS, type Scenario, type ScenarioContext } from './bench/scenarios'
import { createBenchSessions, prepareBenchDatabase, SCALES, sampleData } from './bench/setup'

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    json: { type: 'string' },
    'database-url': { type: 'string' },
    port: { type: 'string', default: '3390' },
    only: { type: 'string' },
    'import-rows': { type: 'string', default: '10000' },
    /** Extra node flags for the app, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it. */
    'app-node-args': { type: 'string', default: '' },
  },
})
const scale = values.scale as keyof typeof SCALES
if (!(scale in SCALES)) throw new Error('--scale must be small or national')
const url =
  values['database-url'] ??
  process.env.DATABASE_URL ??
  `postgres://postgres@127.0.0.1:5432/smittespor_bench_${scale}`
const port = Number(values.port)
const base = `http://127.0.0.1:${port}`
const log = (m: string) => process.stderr.write(`${m}\n`)

const IMPORT_ROWS = Number(values['import-rows'])
const IMPORT_ONLY = values.only === 'import'
const IMPORT = `import ${IMPORT_ROWS.toLocaleString('en')} rows (dry run + commit)`

async function startApp() {
  const nodeArgs = values['app-node-args']!.split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // Synthetic (Tenor) ids are refused in production mode unless the environment is marked test.
      APP_ENV: 'test',
      DATABASE_URL: url,
      DB_POOL_SIZE: '20',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // The synthetic population is 2020–2022: the retention job would delete most of it while
      // the benchmark runs (it did, before this was set). Import steps are jobs, though: with
      // `--only import` (nothing else measured) the workers run, else the import row is skipped.
      JOBS_ENABLED: IMPORT_ONLY ? 'true' : 'false',
      // Five bench users stand in for hundreds of tracers: per-user search limits would only
      // measure the limiter.
      RATE_LIMIT_SEARCH_PER_MIN: '1000000',
      RATE_LIMIT_EXPORT_PER_MIN: '1000000',
      PUBLIC_URL: base,
      SESSION_SECRET: 'bench-only-session-secret-0123456789abcdef',
      OIDC_ISSUER: 'https://idporten.example.test',
      OIDC_CLIENT_ID: 'bench',
      OIDC_CLIENT_AUTH: 'client_secret_post',
      OIDC_CLIENT_SECRET: 'bench',
      OIDC_REDIRECT_URI: `${base}/auth/callback`,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 500))
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return child
    } catch {}
    if (child.exitCode !== null) throw new Error('the app exited during startup')
  }
  child.kill()
  throw new Error('the app did not become ready')
}

async function sqlP50(pool: pg.Pool, s: Scenario, ctx: ScenarioContext, runs = 200) {
  if (!s.sql) return null
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const u = s.user(ctx)
    const client = await pool.connect()
    const t0 = performance.now()
    try {
      await client.query('begin')
      await client.query('set local role smittespor_app')
      await client.query(`select set_config('app.kommune', $1, true)`, [u.kommune ?? ''])
      await s.sql(client, ctx, u)
      await client.query('rollback')
    } finally {
      client.release()
    }
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

async function run(s: Scenario, ctx: ScenarioContext, connections: number, duration: number) {
  const result = await autocannon({
    url: base,
    connections,
    duration,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const u = s.user(ctx)
          const r = s.request(ctx, u)
          return {
            ...req,
            method: r.method,
            path: r.path,
            headers: { cookie: u.cookie, 'x-csrf-token': u.csrf, 'content-type': 'application/json' },
            body: r.body === undefined ? undefined : JSON.stringify(r.body),
          }
        },
      },
    ],
  } as unknown as autocannon.Options)
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: result.latency.p97_5 !== undefined ? percentile(result, 95) : result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  }
}

/** autocannon reports p90/p97.5/p99; p95 is interpolated between p90 and p97.5. */
function percentile(r: autocannon.Result, _p: 95) {
  const l = r.latency as unknown as Record<string, number>
  return Math.round((l.p90! + ((l.p97_5! - l.p90!) * 5) / 7.5) * 10) / 10
}

async function main() {
  await prepareBenchDatabase(url, SCALES[scale], log)
  const users = await createBenchSessions(url)
  const samples = await sampleData(url)
  const app = await startApp()
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  try {
    const paths = Object.keys(
      ((await (await fetch(`${base}/api/docs/json`)).json()) as { paths: object }).paths,
    )
    const latest =
      (await pool.query<{ d: string }>(`select max(test_date)::text as d from cases`)).rows[0]?.d ??
      '2021-01-11'
    const ctx: ScenarioContext = { users, samples, extra: {}, week: isoWeekOf(latest).key }
    await findDeepCursor(ctx, pool)
    const rows: Record<string, unknown>[] = []
    for (const s of SCENARIOS) {
      if (values.only && !s.name.includes(values.only)) continue
      if (!paths.includes(s.requires)) {
        rows.push({ scenario: s.name, skipped: `endpoint ${s.requires} not built yet` })
        continue
      }
      log(`running: ${s.name}`)
      const r = await run(s, ctx, Number(values.connections), Number(values.duration))
      // The app's own overhead, without queueing: one request at a time against the same SQL
      // run alone (a p50 under 50 connections is mostly waiting for the 2 cores).
      const single = s.sql ? await run(s, ctx, 1, 3) : null
      const sql = await sqlP50(pool, s, ctx)
      rows.push({
        scenario: s.name,
        ...r,
        p50x1: single?.p50 ?? null,
        sqlP50: sql === null ? null : Math.round(sql * 100) / 100,
        ratio: sql && single ? Math.round((single.p50 / sql) * 10) / 10 : null,
      })
    }
    if (!values.only || 'import'.includes(values.only) || values.only.includes('import')) {
      if (!paths.includes('/api/imports')) rows.push({ scenario: IMPORT, skipped: 'no import endpoint' })
      else if (!IMPORT_ONLY)
        rows.push({ scenario: IMPORT, skipped: 'needs job workers: run with --only import' })
      else {
        log(`running: ${IMPORT}`)
        const u = ctx.users.find((x) => x.role === 'tracer' && x.kommune === '3201')!
        const r = await runImport(base, u, IMPORT_ROWS, pool)
        rows.push({ scenario: IMPORT, errors: IMPORT_ROWS - r.imported, ...r })
      }
    }
    const counts = (
      await pool.query(`select (select count(*) from persons)::int persons, (select count(*) from cases)::int cases,
        (select count(*) from contacts)::int contacts, (select count(*) from audit_log)::int audit_rows`)
    ).rows[0]
    console.table(rows)
    const out = {
      scale,
      connections: Number(values.connections),
      duration: Number(values.duration),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30) },
      data: counts,
      rows,
    }
    if (values.json) writeFileSync(values.json, `${JSON.stringify(out, null, 2)}\n`)
  } finally {
    await pool.end()
    app.kill('SIGTERM')
  }
}

/** A cursor about twenty pages into Oslo's case list, for the deep-page scenario. */
async function findDeepCursor(ctx: ScenarioContext, pool: pg.Pool) {
  const u = ctx.users.find((x) => x.role === 'tracer' && x.kommune === '0301')!
  let cursor: string | null = null
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${base}/api/cases${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, {
      headers: { cookie: u.cookie },
    })
    if (!res.ok) return
    const body = (await res.json()) as { nextCursor: string | null }
    if (!body.nextCursor) break
    cursor = body.nextCursor
  }
  if (!cursor) return
  ctx.extra.deepCursor = cursor
  const r = await pool.query<{ created_at: Date; id: string }>(
    `select created_at, id from cases where kommune = '0301' order by created_at desc, id desc offset 1000 limit 1`,
  )
  ctx.extra.deepCreatedAt = r.rows[0]?.created_at.toISOString() ?? new Date().toISOString()
  ctx.extra.deepId = r.rows[0]?.id ?? '00000000-0000-0000-0000-000000000000'
}

main().catch((err) => {
  log(String(err?.stack ?? err))
  process.exit(1)
})
