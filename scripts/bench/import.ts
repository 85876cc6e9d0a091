import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type pg from 'pg'
import { FIRST_NAMES, LAST_NAMES } from '../../src/server/seed/names'
import { syntheticNationalId } from '../../src/server/seed/synthetic-id'
import type { BenchUser } from './setup'

/**
 * The import scenario: one CSV of `rows` index cases through the real API, timed as a tracer
 * sees it — upload (headers mapped automatically) → dry run → commit, each polled until done.
 * External ids carry a run tag and national ids use individual numbers the generator leaves
 * free, so the benchmark can run again on the same database.
 */
export async function runImport(base: string, user: BenchUser, rows: number, pool?: pg.Pool) {
  const csv = benchCsv(rows, Date.now())
  const copyS = pool ? await copyBaseline(pool, csv) : null
  const headers = { cookie: user.cookie, 'x-csrf-token': user.csrf }
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(csv)]), 'tidligere-smittede.csv')
  const t0 = performance.now()
  const up = await fetch(`${base}/api/imports`, { method: 'POST', headers, body: form })
  if (up.status !== 201) throw new Error(`import upload: ${up.status} ${await up.text()}`)
  const { id } = (await up.json()) as { id: string }
  await step(base, headers, `/api/imports/${id}/validate`, undefined)
  const checked = await waitFor(base, headers, id, 'validated')
  const t1 = performance.now()
  await step(base, headers, `/api/imports/${id}/commit`, { mode: 'strict' })
  const done = await waitFor(base, headers, id, 'committed')
  const t2 = performance.now()
  return {
    rows,
    valid: (checked.counts as { valid?: number }).valid ?? 0,
    imported: (done.counts as { cases?: number }).cases ?? 0,
    dryRunS: round((t1 - t0) / 1000),
    commitS: round((t2 - t1) / 1000),
    totalS: round((t2 - t0) / 1000),
    copyS,
    /** How many times PostgreSQL's own bulk load of the same rows the import takes. */
    ratioToCopy: copyS ? Math.round(((t2 - t0) / 1000 / copyS) * 10) / 10 : null,
  }
}

/**
 * The floor: PostgreSQL's own bulk load of the same CSV into a scratch table with typed columns
 * (server-side COPY from a file, so the database must run on this machine, as in the benchmark).
 */
async function copyBaseline(pool: pg.Pool, csv: Buffer): Promise<number | null> {
  const dir = mkdtempSync(join(tmpdir(), 'smittespor-copy-'))
  const file = join(dir, 'rows.csv')
  writeFileSync(file, csv.subarray(csv[0] === 0xef ? 3 : 0))
  chmodSync(dir, 0o755)
  chmodSync(file, 0o644)
  const client = await pool.connect()
  try {
    await client.query('begin')
    await client.query(`set local datestyle = 'ISO, DMY'`)
    await client.query(`create temp table import_copy_bench (
      external_id text, national_id text, first_name text, last_name text, test_date date,
      test_type text, symptomatic text, onset_date date, exposure_setting text) on commit drop`)
    const t0 = performance.now()
    await client.query(
      `copy import_copy_bench from '${file.replace(/'/g, "''")}' (format csv, delimiter ';', header true)`,
    )
    const s = (performance.now() - t0) / 1000
    await client.query('rollback')
    return Math.round(s * 1000) / 1000
  } catch (err) {
    await client.query('rollback').catch(() => {})
    process.stderr.write(`COPY baseline skipped: ${(err as Error).message}\n`)
    return null
  } finally {
    client.release()
    rmSync(dir, { recursive: true, force: true })
  }
}

const round = (s: number) => Math.round(s * 10) / 10

async function step(base: string, headers: Record<string, string>, path: string, body: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (res.status !== 202) throw new Error(`${path}: ${res.status} ${await res.text()}`)
}

async function waitFor(base: string, headers: Record<string, string>, id: string, state: string) {
  for (;;) {
    const run = (await (await fetch(`${base}/api/imports/${id}`, { headers })).json()) as {
      state: string
      error: string | null
      counts: Record<string, unknown>
    }
    if (run.state === state) return run
    if (['failed', 'refused', 'cancelled'].includes(run.state))
      throw new Error(`import ${run.state}: ${run.error}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** Semicolon CSV as Norwegian Excel saves it, with a run tag in every external id. */
function benchCsv(n: number, tag: number): Buffer {
  const lines = [
    'Ekstern ID;Fødselsnummer;Fornavn;Etternavn;Testdato;Testtype;Symptomer;Symptomstart;Smittested',
  ]
  const start = Date.UTC(1950, 0, 1)
  // Individual numbers 300–389 (by run): the generator uses the low ones of each birth date.
  const seq = 300 + (Math.floor(tag / 1000) % 90)
  for (let i = 0; i < n; i++) {
    const birth = new Date(start + i * 86_400_000).toISOString().slice(0, 10)
    const day = `0${1 + (i % 9)}.03.2021`
    // Names as varied as a real list (a list of one repeated name makes every row a duplicate suspect).
    const first = FIRST_NAMES[i % FIRST_NAMES.length]
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]
    lines.push(
      `B${tag}-${i};${syntheticNationalId(birth, seq)};${first};${last};${day};PCR;ja;${day};Husstand`,
    )
  }
  return Buffer.from(`\ufeff${lines.join('\n')}\n`, 'utf8')
}
