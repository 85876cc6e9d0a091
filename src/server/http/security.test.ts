import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, testConfig } from '../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs } from '../test/factories'
import { checkJson, idportenFrameOrigins, RATE_LIMITS, rateLimitClass } from './security'

/** Hardening (issue 12): security headers, CSP, framing of the logout route, body and JSON limits, rate limits. */
let t: Awaited<ReturnType<typeof buildTestApp>>
let tracer: LoggedIn

beforeAll(async () => {
  t = await buildTestApp()
  await activateKommune(t.db.db, '0301')
  tracer = await loginAs(
    t.app,
    await buildUser(t.db.db, { roles: [{ role: 'tracer', kommune: '0301' }] }),
    '0301',
  )
})
afterAll(() => t.close())

const csp = (h: Record<string, unknown>) => String(h['content-security-policy'] ?? '')

describe('security headers', () => {
  it('sends a strict CSP without inline scripts, nosniff and no HSTS outside production', async () => {
    const res = await t.app.inject({ url: '/api/health' })
    const policy = csp(res.headers)
    expect(policy).toContain("script-src 'self'")
    expect(policy).not.toContain('unsafe-inline')
    expect(policy).not.toContain('unsafe-eval')
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("object-src 'none'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['strict-transport-security']).toBeUndefined()
  })

  it('lets only ID-porten frame the front-channel logout route', async () => {
    const res = await t.app.inject({ url: '/auth/frontchannel-logout' })
    expect(res.statusCode).toBe(200)
    expect(csp(res.headers)).toBe("default-src 'none'; frame-ancestors 'self'")
    expect(res.headers['x-frame-options']).toBeUndefined()
    const prod = testConfig({ OIDC_ISSUER: 'https://idporten.no' })
    expect(idportenFrameOrigins(prod)).toEqual(['https://idporten.no', 'https://login.idporten.no'])
    expect(idportenFrameOrigins(testConfig({ OIDC_ISSUER: 'https://test.idporten.no' }))).toEqual([
      'https://test.idporten.no',
      'https://login.test.idporten.no',
    ])
  })

  it('allows inline styles (never scripts) only on the fake ID-porten pages', async () => {
    const res = await t.app.inject({ url: '/idporten-fake/.well-known/openid-configuration' })
    expect(csp(res.headers)).toContain("style-src 'self' 'unsafe-inline'")
    expect(csp(res.headers)).toContain("script-src 'self';")
  })

  it('sends HSTS and upgrade-insecure-requests in production', async () => {
    const { buildApp } = await import('../app')
    const config = testConfig()
    const prod = await buildApp({
      config: {
        ...config,
        production: true,
        fakeIdporten: false,
        freg: { ...config.freg, mode: 'off' } as typeof config.freg,
      },
      db: t.db.db,
      serveWeb: false,
      logger: false,
    })
    try {
      const res = await prod.inject({ url: '/api/health' })
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
      expect(csp(res.headers)).toContain('upgrade-insecure-requests')
    } finally {
      await prod.close()
    }
  })
})

describe('request limits', () => {
  it('refuses bodies over 1 MB with 413', async () => {
    const res = await tracer.inject({
      method: 'POST',
      url: '/api/persons',
      payload: { firstName: 'x'.repeat(1_100_000), lastName: 'y' },
    })
    expect(res.statusCode).toBe(413)
    expect(res.json().code).toBe('too-large')
  })

  it('refuses deeply nested JSON and prototype-pollution keys with 400', async () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`
    for (const body of [
      deep,
      '{"__proto__":{"admin":true}}',
      '{"a":{"constructor":{"prototype":{}}}}',
      '{bad',
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: { ...tracer.headers, 'content-type': 'application/json' },
        payload: body,
      })
      expect(res.statusCode, body.slice(0, 30)).toBe(400)
    }
    expect(checkJson({ a: [{ b: 1 }] })).toBeNull()
    expect(checkJson(JSON.parse(`${'['.repeat(33)}${']'.repeat(33)}`))).toMatch(/dypt/)
  })
})

describe('rate limits', () => {
  it('classifies search and export routes', () => {
    expect(rateLimitClass('GET', '/api/persons')).toBe('search')
    expect(rateLimitClass('POST', '/api/persons/lookup')).toBe('search')
    expect(rateLimitClass('GET', '/api/audit-log.csv')).toBe('export')
    expect(rateLimitClass('GET', '/api/persons/:id/innsyn-export')).toBe('export')
    expect(rateLimitClass('POST', '/api/persons')).toBeNull()
  })

  it('answers 429 after too many searches by one user, while another user can still search', async () => {
    let last = 0
    for (let i = 0; i <= RATE_LIMITS.search.max; i++)
      last = (await tracer.inject({ url: '/api/persons?q=ola' })).statusCode
    expect(last).toBe(429)
    const other = await loginAs(
      t.app,
      await buildUser(t.db.db, { roles: [{ role: 'tracer', kommune: '0301' }] }),
      '0301',
    )
    expect((await other.inject({ url: '/api/persons?q=ola' })).statusCode).toBe(200)
  })

  it('limits login attempts per client', async () => {
    let last = 0
    for (let i = 0; i < 31; i++) last = (await t.app.inject({ url: '/auth/login' })).statusCode
    expect(last).toBe(429)
  })
})
