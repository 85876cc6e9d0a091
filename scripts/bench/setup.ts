import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { hashToken } from '../../src/server/auth/sessions'
import { openDatabase } from '../../src/server/db/kysely'
import { migrate } from '../../src/server/db/migrate'
import { installJobs } from '../../src/server/jobs'
import { generateSynthetic } from '../../src/server/seed/synthetic'
import { syntheticNationalId } from '../../src/server/seed/synthetic-id'

export const SCALES = { small: 50_000, national: 5_000_000 } as const
export const BENCH_KOMMUNER = ['0301', '4601', '5001', '1103', '3201'] as const

/** Makes sure the database exists, is migrated and holds the synthetic population of the scale. */
export async function prepareBenchDatabase(url: string, persons: number, log: (m: string) => void) {
  const u = new URL(url)
  const name = u.pathname.slice(1)
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
  })
  await admin.connect()
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name])
  if (exists.rowCount === 0) await admin.query(`create database ${name}`)
  await admin.end()
  const handle = await openDatabase({ url, poolSize: 2, appRole: null })
  await migrate(handle.pool, { after: installJobs })
  const { n } = (await handle.pool.query<{ n: number }>('select count(*)::int as n from persons')).rows[0]!
  if (n < persons * 0.9) {
    if (n > 0)
      throw new Error(`${name} holds ${n} persons, fewer than the scale needs: drop the database first`)
    log(`Seeding ${persons} synthetic persons into ${name} …`)
    const r = await generateSynthetic(handle.pool, { persons, seed: 1, log })
    log(`Seeded ${JSON.stringify(r.rows)} in ${(r.ms / 1000).toFixed(1)} s`)
  } else log(`${name} already holds ${n} persons`)
  await handle.close()
}

export interface BenchUser {
  kommune: string | null
  role: string
  cookie: string
  csrf: string
}

/**
 * Users of several municipalities with live sessions, inserted the way a login creates them
 * (the OIDC round trip itself is tested elsewhere; the benchmark measures the API behind it).
 */
export async function createBenchSessions(url: string): Promise<BenchUser[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 })
  const users: BenchUser[] = []
  const specs = [
    ...BENCH_KOMMUNER.map((k) => ({ kommune: k as string | null, role: 'tracer' })),
    ...BENCH_KOMMUNER.map((k) => ({ kommune: k as string | null, role: 'report' })),
    { kommune: null, role: 'fhi' },
  ]
  for (const [i, s] of specs.entries()) {
    const pid = syntheticNationalId('1977-07-07', 100 + i)
    const u = await pool.query<{ id: string }>(
      `insert into users (pid, name, email) values ($1, $2, $3)
       on conflict (pid) do update set status = 'active' returning id`,
      [pid, `Bench ${s.role} ${s.kommune ?? 'nasjonal'}`, `bench${i}@example.test`],
    )
    const userId = u.rows[0]!.id
    await pool.query(
      `insert into user_roles (user_id, role, kommune_code) select $1, $2, $3
        where not exists (select 1 from user_roles where user_id = $1 and role = $2 and revoked_at is null)`,
      [userId, s.role, s.kommune],
    )
    const token = randomBytes(32).toString('base64url')
    const csrf = randomBytes(16).toString('base64url')
    await pool.query(
      `insert into sessions (id, user_id, active_kommune, csrf_token, expires_at) values ($1, $2, $3, $4, now() + interval '10 hours')`,
      [hashToken(token), userId, s.kommune, csrf],
    )
    users.push({
      kommune: s.kommune,
      role: s.role,
      cookie: `smittespor_session=${token}; csrf=${csrf}`,
      csrf,
    })
  }
  await pool.end()
  return users
}

/** Sample ids per municipality for the scenarios (national ids, names, case ids). */
export async function sampleData(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 1 })
  const out: Record<
    string,
    { nationalIds: string[]; names: string[]; fullNames: string[]; caseIds: string[] }
  > = {}
  for (const k of BENCH_KOMMUNER) {
    const p = await pool.query<{ national_id: string; first_name: string; last_name: string }>(
      'select national_id, first_name, last_name from persons where kommune = $1 and national_id is not null limit 200',
      [k],
    )
    const c = await pool.query<{ id: string }>(
      'select id from cases where kommune = $1 order by created_at desc limit 200',
      [k],
    )
    out[k] = {
      nationalIds: p.rows.map((r) => r.national_id),
      names: p.rows.map((r) => r.last_name),
      fullNames: p.rows.map((r) => `${r.first_name} ${r.last_name}`),
      caseIds: c.rows.map((r) => r.id),
    }
  }
  await pool.end()
  return out
}

/** A name with one letter replaced, as when it is misheard on the phone ("Ola Hamsen"). */
export function misspell(name: string): string {
  const at = Math.floor(name.length * 0.7)
  return name.slice(0, at) + (name[at] === 'e' ? 'a' : 'e') + name.slice(at + 1)
}

export const randomOf = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!
