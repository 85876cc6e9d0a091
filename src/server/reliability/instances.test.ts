import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app'
import { type DatabaseHandle, openDatabase } from '../db/kysely'
import type { App } from '../http/types'
import { JobRuntime } from '../jobs/runtime'
import type { JobDefinition } from '../jobs/types'
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
      body: JSON.stringify({
        firstName: 'To',
        lastName: 'Instanser',
        birthDate: '1990-01-01',
        confirmNew: true,
      }),
    })
    expect(created.status).toBe(200)
    const logout = await fetch(`${urlA}/api/session/logout`, { method: 'POST', headers: session.headers })
    expect(logout.status).toBe(200)
    expect((await get(urlB)).status).toBe(401)
  })

  it('runs a job due once exactly once when both instances’ workers poll for it', async () => {
    let runs = 0
    // A stand-in handler on a real queue: both instances poll pg-boss like in production.
    const job: JobDefinition = {
      name: 'users.deactivate-inactive',
      run: async () => {
        runs++
        await new Promise((r) => setTimeout(r, 50))
        return {}
      },
    }
    const workers = [db.db, second.db].map(
      (d) => new JobRuntime({ db: d, config: testConfig(), definitions: [job] }),
    )
    try {
      // Both instances find it due at the same moment: one run is queued …
      const queued = await Promise.all([workers[0]!.trigger(job.name), workers[1]!.trigger(job.name)])
      expect(queued.filter(Boolean)).toHaveLength(1)
      // … and both instances' workers poll for it.
      await Promise.all(workers.map((w) => w.startWorkers({ pollingIntervalSeconds: 0.5 })))
      for (let i = 0; i < 200 && runs === 0; i++) await new Promise((r) => setTimeout(r, 100))
      // Give the other instance several polls to (wrongly) run it again.
      await new Promise((r) => setTimeout(r, 1500))
      expect(runs).toBe(1)
    } finally {
      await Promise.all(workers.map((w) => w.stop()))
    }
  })
})
