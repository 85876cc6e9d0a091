import { randomUUID } from 'node:crypto'
import { generateKeyPair } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FregUnavailableError } from './http'
import { JWT_BEARER, loadSigningKey, MaskinportenClient } from './maskinporten'
import { startFakesWithClient } from './test-support'

/** The token client against the fake Maskinporten, which checks grants like the real one. */
let fakes: Awaited<ReturnType<typeof startFakesWithClient>>

beforeAll(async () => {
  fakes = await startFakesWithClient({ tokenTtlSeconds: 5 })
})
afterAll(() => fakes.close())

function client(over: Partial<ConstructorParameters<typeof MaskinportenClient>[0]> = {}) {
  return new MaskinportenClient({
    issuer: fakes.issuer,
    clientId: fakes.client.clientId,
    scope: fakes.scope,
    signingKey: () => loadSigningKey(fakes.keyFile, fakes.client.kid),
    timeoutMs: 2000,
    ...over,
  })
}

async function postGrant(assertion: string, grantType = JWT_BEARER) {
  const res = await fetch(`${fakes.issuer}token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: grantType, assertion }).toString(),
  })
  return { status: res.status, body: (await res.json()) as Record<string, string> }
}

describe('MaskinportenClient', () => {
  it('discovers the token endpoint, gets a token and caches it', async () => {
    const c = client()
    const before = fakes.maskinporten.stats.tokensIssued
    const token = await c.accessToken()
    expect(token.split('.')).toHaveLength(3)
    expect(await fakes.maskinporten.verifyAccessToken(token, fakes.scope)).toBe('ok')
    expect(await c.accessToken()).toBe(token)
    expect(fakes.maskinporten.stats.tokensIssued).toBe(before + 1)
  })

  it('shares one request between concurrent callers', async () => {
    const c = client()
    const before = fakes.maskinporten.stats.tokensIssued
    const tokens = await Promise.all([c.accessToken(), c.accessToken(), c.accessToken()])
    expect(new Set(tokens).size).toBe(1)
    expect(fakes.maskinporten.stats.tokensIssued).toBe(before + 1)
  })

  it('renews shortly before expiry, and after invalidate()', async () => {
    let now = Date.now()
    const c = client({ now: () => now })
    const first = await c.accessToken()
    // A 5 s token is renewed in its last 0.5 s (a tenth of its life, at most 30 s).
    now += 4_000
    expect(await c.accessToken()).toBe(first)
    now += 1_000
    const second = await c.accessToken()
    expect(second).not.toBe(first)
    c.invalidate()
    expect(await c.accessToken()).not.toBe(second)
  })

  it('builds the documented grant: RS256 with kid, aud = issuer, iss = client id, scope, exp − iat = 120, jti', async () => {
    const grant = await client().grant()
    const [h, p] = grant
      .split('.')
      .slice(0, 2)
      .map((s) => JSON.parse(Buffer.from(s!, 'base64url').toString()))
    expect(h).toEqual({ alg: 'RS256', kid: fakes.client.kid })
    expect(p).toMatchObject({ aud: fakes.issuer, iss: fakes.client.clientId, scope: fakes.scope })
    expect(p.exp - p.iat).toBe(120)
    expect(p.jti).toMatch(/^[0-9a-f-]{36}$/)
    expect(Object.keys(p).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'scope'])
  })

  it('reports a refused grant as an auth failure', async () => {
    const c = client({ scope: 'folkeregister:noe/annet' })
    await expect(c.accessToken()).rejects.toMatchObject({ reason: 'auth' })
  })

  it('reports an unreachable Maskinporten as network trouble', async () => {
    const c = client({ issuer: 'http://127.0.0.1:9/' })
    const err = await c.accessToken().catch((e) => e)
    expect(err).toBeInstanceOf(FregUnavailableError)
    expect(err.reason).toBe('network')
  })
})

describe('the fake Maskinporten refuses what the real one refuses', () => {
  it('accepts a good grant once, and refuses the same jti again (replay)', async () => {
    const grant = await client().grant({ jti: randomUUID() })
    expect((await postGrant(grant)).status).toBe(200)
    const again = await postGrant(grant)
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
    expect(again.body.error_description).toMatch(/jti has been used/)
  })

  it('refuses a bad signature (a key other than the registered one)', async () => {
    const other = await generateKeyPair('RS256')
    const grant = await client({
      signingKey: async () => ({ key: other.privateKey, kid: fakes.client.kid }),
    }).grant()
    const res = await postGrant(grant)
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
    expect(res.body.error_description).toMatch(/invalid key/)
  })

  it('refuses the wrong aud (e.g. the token endpoint instead of the issuer)', async () => {
    const res = await postGrant(await client().grant({ aud: `${fakes.issuer}token` }))
    expect(res.status).toBe(400)
    expect(res.body.error_description).toMatch(/claim aud/)
  })

  it('refuses exp − iat over 120 s', async () => {
    const iat = Math.floor(Date.now() / 1000)
    const res = await postGrant(await client().grant({ iat, exp: iat + 121 }))
    expect(res.status).toBe(400)
    expect(res.body.error_description).toMatch(/exceeds 120 seconds/)
  })

  it('refuses an expired grant and one issued in the future', async () => {
    const past = Math.floor(Date.now() / 1000) - 600
    expect((await postGrant(await client().grant({ iat: past, exp: past + 60 }))).status).toBe(400)
    const future = Math.floor(Date.now() / 1000) + 300
    const res = await postGrant(await client().grant({ iat: future, exp: future + 60 }))
    expect(res.status).toBe(400)
  })

  it('refuses an unknown client (iss) and an unregistered kid', async () => {
    expect((await postGrant(await client({ clientId: 'someone-else' }).grant())).status).toBe(400)
    const wrongKid = client({
      signingKey: async () => ({ ...(await loadSigningKey(fakes.keyFile, 'other-kid')) }),
    })
    expect((await postGrant(await wrongKid.grant())).status).toBe(400)
  })

  it('refuses a scope the client has not been given, and a wrong grant_type', async () => {
    const res = await postGrant(await client({ scope: 'skatteetaten:annet' }).grant())
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid_scope' } })
    expect((await postGrant(await client().grant(), 'client_credentials')).body.error).toBe(
      'unsupported_grant_type',
    )
  })
})
