import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app'
import { type DatabaseHandle, openDatabase } from '../db/kysely'
import type { App } from '../http/types'
import { type JobDefinition, runIfDue } from '../jobs/scheduler'
import { testConfig } from '../test/app'
import { createTestDatabase } from '../test/database'
import { activateKommune, buildUser, loginAs } from '../test/factories'

/**
 * Two app instances on one PostgreSQL, each listening on its own port (issue 12, SPEC §8
 * "stateless app servers"): a session made on one works on the other, logout on one ends it on
 * both, and a scheduled job runs once however many instances poll for it.
 */
const onPostgres = !!process.env.TEST_DATABASE_URL
let db: Awaited<ReturnType<typeof createTestDatabase>>
let second: DatabaseHandle
let a: App
let b: App
let urlA: string
let urlB: string

beforeAll(async () => {
  if (!onPostgres) return
  db = await createTestDatabase()
  const url = (db.pool as unknown as { options: pg.PoolConfig }).options.connectionString!
  second = await openDatabase({ url, poolSize: 4 })
  a = await buildApp({ config: testConfig(), db: db.db, serveWeb: false, logger: false })
  b = await buildApp({ config: testConfig(), db: second.db, serveWeb: false, logger: false })
  urlA = await a.listen({ host: '127.0.0.1', port: 0 })
  urlB = await b.listen({ host: '127.0.0.1', port: 0 })
})
afterAll(async () => {
  await a?.close()
  await b?.close()
  await second?.close()
  await db?.close()
})

describe.runIf(onPostgres)('two instances on one PostgreSQL', () => {
  it('share sessions: made on one, used on the other, logged out everywhere', async () => {
    expect(urlA).not.toBe(urlB)
    await activateKommune(db.db, '0301')
    const user = await buildUser(db.db, { roles: [{ role: 'tracer', kommune: '0301' }] })
    const session = await loginAs(a, user, '0301')
    const get = (base: string) => fetch(`${base}/api/session`, { headers: session.headers })
    expect((await get(urlA)).status).toBe(200)
    const onB = await get(urlB)
    expect(onB.status).toBe(200)
    expect((await onB.json()).activeKommune.code).toBe('0301')
    const created = await fetch(`${urlB}/api/persons`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'To', lastName: 'Instanser', confirmNew: true }),
    })
    expect(created.status).toBe(200)
    const logout = await fetch(`${urlA}/api/session/logout`, { method: 'POST', headers: session.headers })
    expect(logout.status).toBe(200)
    expect((await get(urlB)).status).toBe(401)
  })

  it('runs a due job once when both instances poll at the same moment', async () => {
    let runs = 0
    const job: JobDefinition = {
      name: `test.once-${Date.now()}`,
      everySeconds: 3600,
      run: async () => {
        runs++
        await new Promise((r) => setTimeout(r, 50))
        return {}
      },
    }
    const results = await Promise.all([
      runIfDue(db.db, job),
      runIfDue(second.db, job),
      runIfDue(db.db, job),
      runIfDue(second.db, job),
    ])
    expect(runs).toBe(1)
    expect(results.filter((r) => r !== null)).toHaveLength(1)
  })
})
