import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { asOwner } from '../audit/test-helpers'
import { buildTestApp, testConfig } from '../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs } from '../test/factories'
import { cachedSessionCount, forgetSessions } from './session-cache'

/**
 * Sessions served from memory for reads (session-cache.ts). "Another instance" is simulated by
 * changing the database directly, which this instance cannot notice except through the check
 * its tenant transaction makes.
 */
const OSLO = '0301'
let t: Awaited<ReturnType<typeof buildTestApp>>
let admin: LoggedIn

beforeAll(async () => {
  t = await buildTestApp({ config: testConfig({ SESSION_CACHE_SECONDS: '30' }) })
  await activateKommune(t.db.db, OSLO)
  admin = await loginAs(t.app, await buildUser(t.db.db, { roles: [{ role: 'admin', kommune: OSLO }] }))
})
afterAll(() => t.close())
beforeEach(() => forgetSessions())

const tracer = async () =>
  loginAs(t.app, await buildUser(t.db.db, { roles: [{ role: 'tracer', kommune: OSLO }] }))
const sql = (text: string, params: unknown[]) => asOwner(t.db, (c) => c.query(text, params))

describe('session cache', () => {
  it('is off unless configured (production defaults to 5 s)', () => {
    expect(testConfig().sessionCacheMs).toBe(0)
    expect(testConfig({ SESSION_CACHE_SECONDS: '30' }).sessionCacheMs).toBe(30_000)
  })

  it('a session ended elsewhere still shows in /api/session for a moment, but reads no personal data', async () => {
    const me = await tracer()
    expect((await me.inject({ url: '/api/persons?q=ola' })).statusCode).toBe(200)
    expect(cachedSessionCount()).toBe(1)
    await sql('delete from sessions where user_id = $1', [me.user.id])

    // No personal data: served from the cached copy (this is the bounded staleness).
    expect((await me.inject({ url: '/api/session' })).statusCode).toBe(200)
    // Personal data: the tenant transaction's check refuses it, and the copy is dropped.
    const read = await me.inject({ url: '/api/persons?q=ola' })
    expect(read.statusCode).toBe(401)
    expect(read.json().code).toBe('session-changed')
    expect(cachedSessionCount()).toBe(0)
    expect((await me.inject({ url: '/api/session' })).statusCode).toBe(401)
  })

  it('a role revoked elsewhere stops the next read; the one after sees the new rights', async () => {
    const me = await tracer()
    expect((await me.inject({ url: '/api/cases' })).statusCode).toBe(200)
    await sql(`update user_roles set revoked_at = now(), revoke_reason = 'test' where user_id = $1`, [
      me.user.id,
    ])
    expect((await me.inject({ url: '/api/cases' })).json().code).toBe('session-changed')
    expect((await me.inject({ url: '/api/cases' })).statusCode).toBeGreaterThanOrEqual(401)
    expect((await me.inject({ url: '/api/cases' })).statusCode).not.toBe(200)
  })

  it('writes never use the cached copy', async () => {
    const me = await tracer()
    expect((await me.inject({ url: '/api/cases' })).statusCode).toBe(200)
    await sql('delete from sessions where user_id = $1', [me.user.id])
    const res = await me.inject({
      method: 'POST',
      url: '/api/persons',
      payload: { firstName: 'A', lastName: 'B' },
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).not.toBe('session-changed')
  })

  it('a change made through this instance applies at once, without a failed request', async () => {
    const me = await tracer()
    expect((await me.inject({ url: '/api/cases' })).statusCode).toBe(200)
    const user = (await admin.inject({ url: `/api/users/${me.user.id}` })).json()
    const patch = await admin.inject({
      method: 'PATCH',
      url: `/api/users/${me.user.id}`,
      payload: { version: user.version, roles: ['report'] },
    })
    expect(patch.statusCode).toBe(200)
    const res = await me.inject({ url: '/api/cases' })
    expect(res.statusCode).toBe(403)
  })

  it('an unchanged cached session reads as before', async () => {
    const me = await tracer()
    for (let i = 0; i < 3; i++) expect((await me.inject({ url: '/api/cases' })).statusCode).toBe(200)
  })
})
