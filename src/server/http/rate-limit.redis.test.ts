import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app'
import type { App } from '../http/types'
import { buildTestApp, testConfig } from '../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs } from '../test/factories'

/**
 * With REDIS_URL the rate limits hold across instances (issue 21): two app instances on one
 * database and one Redis share the counters. Runs when TEST_REDIS_URL is set (.ci/run sets it).
 */
const redisUrl = process.env.TEST_REDIS_URL
const prefix = `smittespor-test-${randomUUID()}:`
let t: Awaited<ReturnType<typeof buildTestApp>>
let second: App
let tracer: LoggedIn

beforeAll(async () => {
  if (!redisUrl) return
  const config = testConfig({ REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, RATE_LIMIT_SEARCH_PER_MIN: '3' })
  t = await buildTestApp({ config })
  second = await buildApp({ config, db: t.db.db, serveWeb: false, logger: false })
  await activateKommune(t.db.db, '0301')
  tracer = await loginAs(
    t.app,
    await buildUser(t.db.db, { roles: [{ role: 'tracer', kommune: '0301' }] }),
    '0301',
  )
})
afterAll(async () => {
  await second?.close()
  await t?.close()
  if (!redisUrl) return
  const r = new Redis(redisUrl)
  const keys = await r.keys(`${prefix}*`)
  if (keys.length) await r.del(...keys)
  await r.quit()
})

describe.runIf(!!redisUrl)('rate limits in Redis', () => {
  it('count a user’s searches on every instance together', async () => {
    const search = (app: App) =>
      app.inject({ method: 'GET', url: '/api/persons?q=hansen', headers: tracer.headers })
    const statuses = [
      (await search(t.app)).statusCode,
      (await search(second)).statusCode,
      (await search(t.app)).statusCode,
      (await search(second)).statusCode,
    ]
    expect(statuses).toEqual([200, 200, 200, 429])
    expect((await search(t.app)).json().code).toBe('rate-limited')
  })
})
