import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app'
import type { App } from '../http/types'
import { testConfig } from '../test/app'
import { CookieJar, follow, freePort, hop } from '../test/browser-flow'
import { createTestDatabase } from '../test/database'
import { activateKommune, buildUser, loginAs, type TestUser } from '../test/factories'

let app: App
let db: Awaited<ReturnType<typeof createTestDatabase>>
let base: string
let tracer: TestUser
let twoKommuner: TestUser
let noRoles: TestUser

beforeAll(async () => {
  db = await createTestDatabase()
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  app = await buildApp({
    config: testConfig({ PUBLIC_URL: base, PORT: String(port) }),
    db: db.db,
    serveWeb: false,
    logger: false,
  })
  await app.listen({ port, host: '127.0.0.1' })
  await activateKommune(db.db, '0301')
  tracer = await buildUser(db.db, { name: 'Siri Test', roles: [{ role: 'tracer', kommune: '0301' }] })
  twoKommuner = await buildUser(db.db, {
    roles: [
      { role: 'tracer', kommune: '0301' },
      { role: 'admin', kommune: '4601' },
    ],
  })
  noRoles = await buildUser(db.db, { roles: [] })
})
afterAll(async () => {
  await app.close()
  await db.close()
})

/** Walks login → fake ID-porten picker → choose pid → callback; returns the final redirect. */
async function loginThroughIdporten(jar: CookieJar, pid: string, returnTo = '/saker') {
  const start = await hop(jar, `${base}/auth/login?returnTo=${encodeURIComponent(returnTo)}`)
  expect(start.status).toBe(302)
  const authorize = new URL(start.headers.get('location')!)
  const picker = await follow(jar, authorize.href)
  expect(picker.res.status).toBe(200)
  const html = await picker.res.text()
  const action = html.match(/action="(\/idporten-fake-login\/[^"]+)"/)![1]!
  const done = await follow(jar, `${base}${action}`, /\/(saker|velg-kommune|innlogging-feilet|$)/, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ pid }).toString(),
  })
  return { authorize, html, finalUrl: done.url }
}

describe('login with (fake) ID-porten', () => {
  it('sends an authorization request with PKCE S256, state, nonce and acr_values=idporten-loa-high', async () => {
    const jar = new CookieJar()
    const res = await hop(jar, `${base}/auth/login`)
    const url = new URL(res.headers.get('location')!)
    expect(url.pathname).toBe('/idporten-fake/auth')
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(url.searchParams.get('state')).toBeTruthy()
    expect(url.searchParams.get('nonce')).toBeTruthy()
    expect(url.searchParams.get('acr_values')).toBe('idporten-loa-high')
    expect(jar.get('oidc_tx')).toBeTruthy()
  })

  it('logs a user in by pid, lists demo identities, and starts a session in their municipality', async () => {
    const jar = new CookieJar()
    const { html, finalUrl } = await loginThroughIdporten(jar, tracer.pid)
    expect(html).toContain('Siri Test')
    expect(finalUrl).toBe(`${base}/saker`)
    expect(jar.get('smittespor_session')).toBeTruthy()
    const me = await hop(jar, `${base}/api/session`)
    expect(me.status).toBe(200)
    const body = await me.json()
    expect(body.user.name).toBe('Siri Test')
    expect(body.activeKommune).toMatchObject({ code: '0301', name: 'Oslo', active: true })
    expect(body.roles).toEqual(['tracer'])
    expect(body.testEnvironment).toBe(true)
    const logins = await db.db
      .selectFrom('users')
      .select('last_login_at')
      .where('id', '=', tracer.id)
      .executeTakeFirstOrThrow()
    expect(logins.last_login_at).not.toBeNull()
  })

  it('asks a user with roles in two municipalities to choose, then switches', async () => {
    const jar = new CookieJar()
    const { finalUrl } = await loginThroughIdporten(jar, twoKommuner.pid)
    expect(finalUrl).toBe(`${base}/velg-kommune?returnTo=%2Fsaker`)
    const me = await (await hop(jar, `${base}/api/session`)).json()
    expect(me.activeKommune).toBeNull()
    expect(me.memberships.map((m: { kommune: string }) => m.kommune).sort()).toEqual(['0301', '4601'])
    const put = await hop(jar, `${base}/api/session/active-kommune`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': jar.get('csrf')! },
      body: JSON.stringify({ kommune: '4601' }),
    })
    expect(put.status).toBe(200)
    expect((await put.json()).roles).toEqual(['admin'])
  })

  it('refuses a user without any role and a pid that is not a user, with a reason page', async () => {
    for (const pid of [noRoles.pid, '03851598730']) {
      const jar = new CookieJar()
      const { finalUrl } = await loginThroughIdporten(jar, pid)
      expect(finalUrl).toBe(`${base}/innlogging-feilet?grunn=no-access`)
      expect(jar.get('smittespor_session')).toBeUndefined()
    }
  })

  it('refuses a callback without the login transaction (state) cookie', async () => {
    const res = await hop(
      new CookieJar(),
      `${base}/auth/callback?code=abc&state=xyz&iss=${encodeURIComponent(`${base}/idporten-fake`)}`,
    )
    expect(res.headers.get('location')).toBe('/innlogging-feilet?grunn=state')
  })

  it('refuses a callback whose state does not match', async () => {
    const jar = new CookieJar()
    const start = await hop(jar, `${base}/auth/login`)
    expect(start.status).toBe(302)
    const res = await hop(
      jar,
      `${base}/auth/callback?code=abc&state=forged&iss=${encodeURIComponent(`${base}/idporten-fake`)}`,
    )
    expect(res.headers.get('location')).toBe('/innlogging-feilet?grunn=provider')
  })

  it('rejects a real-looking (non-synthetic) national id on the fake login page', async () => {
    const jar = new CookieJar()
    const start = await hop(jar, `${base}/auth/login`)
    const picker = await follow(jar, start.headers.get('location')!)
    const action = (await picker.res.text()).match(/action="(\/idporten-fake-login\/[^"]+)"/)![1]!
    const res = await hop(jar, `${base}${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ pid: '20036914700' }).toString(),
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('syntetiske')
  })

  it('logs out: session gone, then a form POSTs the id_token to ID-porten end-session (never in a URL)', async () => {
    const jar = new CookieJar()
    await loginThroughIdporten(jar, tracer.pid)
    const res = await hop(jar, `${base}/api/session/logout`, {
      method: 'POST',
      headers: { 'x-csrf-token': jar.get('csrf')! },
    })
    expect(res.status).toBe(200)
    const { redirectTo } = await res.json()
    expect(redirectTo).toBe('/auth/logout')
    expect((await hop(jar, `${base}/api/session`)).status).toBe(401)

    const page = await hop(jar, `${base}${redirectTo}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain(`form-action 'self' ${base}`)
    expect(page.headers.get('cache-control')).toBe('no-store')
    const html = await page.text()
    expect(html).toContain(`<form id="logout" method="post" action="${base}/idporten-fake/session/end">`)
    expect(html).toContain('<script src="/auth/logout.js"></script>')
    const fields = Object.fromEntries(
      [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
    )
    expect(fields.id_token_hint).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(fields.post_logout_redirect_uri).toBe(`${base}/logget-ut`)
    // The cookie that carried the id_token is spent: reloading the page goes straight to /logget-ut.
    const again = await hop(jar, `${base}${redirectTo}`)
    expect(again.headers.get('location')).toBe('/logget-ut')

    // The fake ID-porten accepts the POST and, once confirmed, sends the browser back to us.
    const end = await hop(jar, `${base}/idporten-fake/session/end`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields as Record<string, string>).toString(),
    })
    expect(end.status).toBe(200)
    const confirm = await end.text()
    const xsrf = confirm.match(/name="xsrf" value="([^"]+)"/)![1]!
    const done = await hop(jar, `${base}/idporten-fake/session/end/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    })
    expect(done.headers.get('location')).toBe(`${base}/logget-ut`)
  })

  it('serves the logout page script from our origin', async () => {
    const res = await hop(new CookieJar(), `${base}/auth/logout.js`)
    expect(res.headers.get('content-type')).toContain('javascript')
    expect(await res.text()).toContain("getElementById('logout').submit()")
  })

  it('front-channel logout ends the sessions of that ID-porten sid', async () => {
    const jar = new CookieJar()
    await loginThroughIdporten(jar, tracer.pid)
    const row = await db.db
      .selectFrom('sessions')
      .select('idp_sid')
      .where('user_id', '=', tracer.id)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    expect(row.idp_sid).toBeTruthy()
    const res = await hop(
      new CookieJar(),
      `${base}/auth/frontchannel-logout?sid=${row.idp_sid}&iss=${encodeURIComponent(`${base}/idporten-fake`)}`,
    )
    expect(res.status).toBe(200)
    expect((await hop(jar, `${base}/api/session`)).status).toBe(401)
  })
})

describe('sessions and CSRF', () => {
  it('answers 401 problem+json without a session', async () => {
    const res = await app.inject('/api/session')
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ code: 'unauthorized', title: 'Du må logge inn' })
  })

  it('refuses a state-changing request without the CSRF header', async () => {
    const s = await loginAs(app, twoKommuner)
    const res = await app.inject({
      method: 'PUT',
      url: '/api/session/active-kommune',
      headers: { cookie: s.headers.cookie },
      payload: { kommune: '0301' },
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('csrf')
  })

  it('refuses switching to a municipality where the user has no role', async () => {
    const s = await loginAs(app, tracer)
    const res = await s.inject({
      method: 'PUT',
      url: '/api/session/active-kommune',
      payload: { kommune: '4601' },
    })
    expect(res.statusCode).toBe(403)
  })

  it('expires a session after 30 idle minutes and after 10 hours in all', async () => {
    const idle = await loginAs(app, tracer)
    await db.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('user_id', '=', tracer.id)
      .execute()
    expect((await idle.inject({ url: '/api/session' })).statusCode).toBe(401)
    const old = await loginAs(app, tracer)
    expect((await old.inject({ url: '/api/session' })).statusCode).toBe(200)
    await db.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', tracer.id)
      .execute()
    expect((await old.inject({ url: '/api/session' })).statusCode).toBe(401)
  })

  it('a deactivated user loses the session at once', async () => {
    const s = await loginAs(app, tracer)
    await db.db.updateTable('users').set({ status: 'deactivated' }).where('id', '=', tracer.id).execute()
    expect((await s.inject({ url: '/api/session' })).statusCode).toBe(401)
    await db.db.updateTable('users').set({ status: 'active' }).where('id', '=', tracer.id).execute()
  })
})
