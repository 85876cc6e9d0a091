import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exportPKCS8, generateKeyPair } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app'
import { ConfigError, loadConfig } from '../config'
import type { App } from '../http/types'
import { PRODUCTION_ENV, testConfig } from '../test/app'
import { CookieJar, follow, freePort, hop } from '../test/browser-flow'
import { createTestDatabase } from '../test/database'
import { activateKommune, buildUser, type TestUser } from '../test/factories'

describe('client authentication and acr settings', () => {
  it('requires private_key_jwt in production unless OIDC_CLIENT_AUTH names client_secret_post', () => {
    const { OIDC_PRIVATE_KEY_FILE: _k, ...noKey } = PRODUCTION_ENV
    expect(() => loadConfig({ ...noKey, OIDC_CLIENT_SECRET: 'secret' })).toThrow(/OIDC_PRIVATE_KEY_FILE/)
    expect(loadConfig(PRODUCTION_ENV).oidc.clientAuth).toBe('private_key_jwt')
    const secret = loadConfig({ ...noKey, OIDC_CLIENT_AUTH: 'client_secret_post', OIDC_CLIENT_SECRET: 's' })
    expect(secret.oidc.clientAuth).toBe('client_secret_post')
    expect(() => loadConfig({ ...noKey, OIDC_CLIENT_AUTH: 'client_secret_post' })).toThrow(
      /OIDC_CLIENT_SECRET/,
    )
  })

  it('reads OIDC_ACR_VALUES as a list and refuses nonsense', () => {
    expect(testConfig().oidc.acrValues).toEqual(['idporten-loa-high'])
    expect(testConfig({ OIDC_ACR_VALUES: 'substantial high' }).oidc.acrValues).toEqual([
      'substantial',
      'high',
    ])
    expect(() => testConfig({ OIDC_ACR_VALUES: 'high, "x"' })).toThrow(ConfigError)
  })

  it('demands a key file when private_key_jwt is asked for outside production', () => {
    expect(() => testConfig({ OIDC_CLIENT_AUTH: 'private_key_jwt' })).toThrow(/OIDC_PRIVATE_KEY_FILE/)
  })
})

describe('login against the fake with private_key_jwt and Ansattporten acr values', () => {
  let app: App
  let db: Awaited<ReturnType<typeof createTestDatabase>>
  let base: string
  let dir: string
  let tracer: TestUser

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'smittespor-oidc-'))
    const keyFile = path.join(dir, 'rp.pem')
    const { privateKey } = await generateKeyPair('RS256', { extractable: true })
    writeFileSync(keyFile, await exportPKCS8(privateKey), { mode: 0o600 })
    db = await createTestDatabase()
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    app = await buildApp({
      config: testConfig({
        PUBLIC_URL: base,
        PORT: String(port),
        OIDC_CLIENT_AUTH: 'private_key_jwt',
        OIDC_PRIVATE_KEY_FILE: keyFile,
        OIDC_ACR_VALUES: 'substantial high',
      }),
      db: db.db,
      serveWeb: false,
      logger: false,
    })
    await app.listen({ port, host: '127.0.0.1' })
    await activateKommune(db.db, '0301')
    tracer = await buildUser(db.db, { name: 'Jon Ansatt', roles: [{ role: 'tracer', kommune: '0301' }] })
  })
  afterAll(async () => {
    await app.close()
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('asks for the configured acr values, signs the token request with the key, and accepts the acr', async () => {
    const jar = new CookieJar()
    const start = await hop(jar, `${base}/auth/login`)
    const authorize = new URL(start.headers.get('location')!)
    expect(authorize.searchParams.get('acr_values')).toBe('substantial high')
    expect(authorize.searchParams.get('client_id')).toBe('smittespor-demo-jwt')
    const picker = await follow(jar, authorize.href)
    const action = (await picker.res.text()).match(/action="(\/idporten-fake-login\/[^"]+)"/)![1]!
    const done = await follow(jar, `${base}${action}`, /\/(saker|innlogging-feilet|$)/, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ pid: tracer.pid }).toString(),
    })
    expect(done.url).toBe(`${base}/`)
    const me = await (await hop(jar, `${base}/api/session`)).json()
    expect(me.user.name).toBe('Jon Ansatt')
    // The session's id_token says which level the fake answered with: the first one asked for.
    const row = await db.db.selectFrom('sessions').select('id_token').executeTakeFirstOrThrow()
    const claims = JSON.parse(Buffer.from(row.id_token!.split('.')[1]!, 'base64url').toString())
    expect(claims).toMatchObject({ acr: 'substantial', aud: 'smittespor-demo-jwt', pid: tracer.pid })
  })
})
