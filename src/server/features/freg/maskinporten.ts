import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { type CryptoKey, importJWK, importPKCS8, type JWK, type KeyObject, SignJWT } from 'jose'
import {
  type Fetch,
  FregUnavailableError,
  fetchWithTimeout,
  readJson,
  statusError,
  withOneRetry,
} from './http'

/**
 * Maskinporten token client (JWT grant, RFC 7523, as Digdir documents it): a grant signed with
 * the organisation's key (`kid` of the key registered with the client), `aud` = Maskinporten's
 * issuer, `iss` = client id, the scope, `exp − iat` = 120 s and a fresh `jti`; POSTed to the token
 * endpoint read from `{issuer}/.well-known/oauth-authorization-server`. The access token is cached
 * until shortly before it expires, and concurrent callers share one request. With `consumerOrg`
 * the grant asks on behalf of that organisation (a municipality that has delegated the scope to
 * us in Altinn); one client, and so one cached token, per municipality.
 */
export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer'
const GRANT_LIFETIME_S = 120

export interface SigningKey {
  key: CryptoKey | KeyObject
  kid: string
}

export interface MaskinportenSettings {
  issuer: string
  clientId: string
  scope: string
  /** Organisation number of the municipality the token is requested on behalf of. */
  consumerOrg?: string
  signingKey: () => Promise<SigningKey>
  timeoutMs: number
  fetch?: Fetch
  now?: () => number
}

export class MaskinportenClient {
  private cached: { token: string; renewAt: number } | null = null
  private inflight: Promise<string> | null = null
  private meta: Promise<{ issuer: string; tokenEndpoint: string }> | null = null

  constructor(private readonly s: MaskinportenSettings) {}

  private now() {
    return (this.s.now ?? Date.now)()
  }

  private get fetchImpl(): Fetch {
    return this.s.fetch ?? globalThis.fetch
  }

  /** A valid access token: the cached one, or a new one from Maskinporten. */
  async accessToken(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return this.cached.token
    this.inflight ??= this.fetchToken().finally(() => {
      this.inflight = null
    })
    return this.inflight
  }

  /** Drops the cached token (FREG said 401: it may have been revoked). */
  invalidate() {
    this.cached = null
  }

  /** The signed JWT grant; exported for the contract tests against the fake. */
  async grant(overrides: { iat?: number; exp?: number; jti?: string; aud?: string } = {}): Promise<string> {
    const { key, kid } = await this.s.signingKey()
    const iat = overrides.iat ?? Math.floor(this.now() / 1000)
    return new SignJWT({
      scope: this.s.scope,
      ...(this.s.consumerOrg ? { consumer_org: this.s.consumerOrg } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setAudience(overrides.aud ?? this.s.issuer)
      .setIssuer(this.s.clientId)
      .setIssuedAt(iat)
      .setExpirationTime(overrides.exp ?? iat + GRANT_LIFETIME_S)
      .setJti(overrides.jti ?? randomUUID())
      .sign(key)
  }

  private async fetchToken(): Promise<string> {
    // aud is the issuer as Maskinporten states it (trailing slash and all).
    const { issuer, tokenEndpoint: endpoint } = await this.metadata()
    // A new grant per attempt: Maskinporten refuses a jti it has seen.
    const body = await withOneRetry(async () => {
      const assertion = await this.grant({ aud: issuer }).catch(() => {
        throw new FregUnavailableError('auth', 'the signing key could not be used')
      })
      const res = await fetchWithTimeout(
        this.fetchImpl,
        endpoint,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams({ grant_type: JWT_BEARER, assertion }).toString(),
        },
        this.s.timeoutMs,
      )
      if (res.status === 400 || res.status === 401) throw await refusal(res, this.s.consumerOrg)
      if (!res.ok) throw statusError(res.status, 'Maskinporten')
      return (await readJson(res)) as { access_token?: unknown; expires_in?: unknown }
    })
    if (typeof body.access_token !== 'string')
      throw new FregUnavailableError('bad-response', 'no access_token')
    const lifetimeMs = (typeof body.expires_in === 'number' ? body.expires_in : 120) * 1000
    // Renew a little early: at most 30 s, and never more than a tenth of a short lifetime.
    const margin = Math.min(30_000, lifetimeMs / 10)
    this.cached = { token: body.access_token, renewAt: this.now() + lifetimeMs - margin }
    return body.access_token
  }

  private metadata() {
    this.meta ??= this.discover().catch((err) => {
      this.meta = null
      throw err
    })
    return this.meta
  }

  private async discover(): Promise<{ issuer: string; tokenEndpoint: string }> {
    const url = new URL('.well-known/oauth-authorization-server', withSlash(this.s.issuer)).toString()
    const meta = await withOneRetry(async () => {
      const res = await fetchWithTimeout(
        this.fetchImpl,
        url,
        { headers: { accept: 'application/json' } },
        this.s.timeoutMs,
      )
      if (!res.ok) throw statusError(res.status, 'Maskinporten discovery')
      return (await readJson(res)) as { issuer?: unknown; token_endpoint?: unknown }
    })
    if (typeof meta.token_endpoint !== 'string')
      throw new FregUnavailableError('bad-response', 'discovery has no token_endpoint')
    return {
      issuer: typeof meta.issuer === 'string' ? meta.issuer : this.s.issuer,
      tokenEndpoint: meta.token_endpoint,
    }
  }
}

/**
 * Why Maskinporten said no. A grant on behalf of a municipality that has not delegated the scope
 * is refused with a description saying so: that is the municipality's to fix, not ours.
 */
async function refusal(res: Response, consumerOrg: string | undefined) {
  const body = (await res.json().catch(() => ({}))) as { error_description?: unknown }
  const description = typeof body.error_description === 'string' ? body.error_description : ''
  if (consumerOrg && /delegat/i.test(description))
    return new FregUnavailableError('not-delegated', `Maskinporten: no delegation from ${consumerOrg}`, true)
  return new FregUnavailableError('auth', `Maskinporten refused the grant (${res.status})`)
}

const withSlash = (u: string) => (u.endsWith('/') ? u : `${u}/`)

/**
 * Reads the organisation's private key: a PKCS#8 PEM file, or a private JWK (JSON) as some
 * platforms hand it out. The `kid` from config wins over the JWK's own.
 */
export async function loadSigningKey(file: string, kid?: string): Promise<SigningKey> {
  const text = (await readFile(file, 'utf8')).trim()
  if (text.startsWith('{')) {
    const jwk = JSON.parse(text) as JWK
    const resolvedKid = kid ?? jwk.kid
    if (!resolvedKid) throw new Error('MASKINPORTEN_KID is required when the JWK has no kid')
    return { key: (await importJWK(jwk, 'RS256')) as CryptoKey, kid: resolvedKid }
  }
  if (!kid) throw new Error('MASKINPORTEN_KID is required with a PEM key')
  return { key: await importPKCS8(text, 'RS256'), kid }
}
