import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../test/database'
import { inTenant } from './tenant'

/**
 * Behind PgBouncer in transaction mode (the pooler runs of .ci/run: TEST_APP_DATABASE_URL) the
 * transactions of one pool client land on whichever server session is free. Nothing the app
 * keeps per session may decide what a transaction sees: before every transaction set its own
 * role, up to 153 of 200 Oslo-scoped reads ran as the table owner and saw Bergen's person.
 */
const viaPooler = !!process.env.TEST_APP_DATABASE_URL && !!process.env.TEST_DATABASE_URL
const OSLO = '0301'
const BERGEN = '4601'
let t: Awaited<ReturnType<typeof createTestDatabase>>
let warm: pg.Pool | undefined

beforeAll(async () => {
  if (!viaPooler) return
  t = await createTestDatabase()
  const owner = await t.ownerPool()
  await owner.query(
    `insert into persons (kommune, owner_unit, first_name, last_name)
     values ($1, $1, 'Bergen', 'Personsen'), ($2, $2, 'Oslo', 'Personsen')`,
    [BERGEN, OSLO],
  )
  // Fill the pooler's server sessions for this database and user with fresh ones that never
  // switched role (what a busy pooler hands out after a restart or to other clients).
  const appUrl = (t.pool as unknown as { options: pg.PoolConfig }).options.connectionString!
  warm = new pg.Pool({ connectionString: appUrl, max: 8 })
  warm.on('error', () => {})
  await Promise.all(Array.from({ length: 8 }, () => warm!.query('select pg_sleep(0.2)')))
})
afterAll(async () => {
  await warm?.end()
  await t?.close()
})

describe.runIf(viaPooler)('through PgBouncer in transaction mode', () => {
  it('200 concurrent Oslo-scoped reads never see a Bergen row and none fails', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () =>
        inTenant(t.db, { kommune: OSLO }, async (trx) => {
          const rows = await trx.selectFrom('persons').select(['kommune']).execute()
          const who = await sql<{ u: string }>`select current_user as u`.execute(trx)
          return { kommuner: rows.map((r) => r.kommune), user: who.rows[0]!.u }
        }),
      ),
    )
    const failed = results.filter((r) => r.status === 'rejected')
    expect(failed.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([])
    const ok = results.map((r) => (r as PromiseFulfilledResult<{ kommuner: string[]; user: string }>).value)
    expect(ok.filter((r) => r.kommuner.includes(BERGEN))).toHaveLength(0)
    expect(ok.every((r) => r.kommuner.length === 1 && r.kommuner[0] === OSLO)).toBe(true)
    expect(new Set(ok.map((r) => r.user))).toEqual(new Set(['smittespor_app']))
  })

  it('statements outside a tenant transaction run as the app role too, and see no tenant rows', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const rows = await t.db.selectFrom('persons').select('kommune').execute()
        const who = await sql<{ u: string }>`select current_user as u`.execute(t.db)
        return { n: rows.length, user: who.rows[0]!.u }
      }),
    )
    expect(results.filter((r) => r.n > 0)).toHaveLength(0)
    expect(new Set(results.map((r) => r.user))).toEqual(new Set(['smittespor_app']))
  })

  it('parameterised statements repeated on every session do not collide (no named statements)', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        t.db
          .selectFrom('org_units')
          .select('code')
          .where('code', '=', i % 2 ? OSLO : BERGEN)
          .execute(),
      ),
    )
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(0)
  })
})
