import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import {
  type CryptoKey,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  exportJWK,
  generateKeyPair,
  type JWTPayload,
  jwtVerify,
  type KeyObject,
  SignJWT,
} from 'jose'

/**
 * A local stand-in for Maskinporten (Digdir), for demo mode and tests only. It checks a JWT grant
 * (RFC 7523) the way Maskinporten documents it — signature against the key registered for the
 * client's `kid`, `aud` equal to the issuer, `iss` equal to the client id, allowed `scope`,
 * `exp − iat` at most 120 s, `iat` not in the future, a `jti` never seen before, no claims
 * beyond the documented ones — and answers with a signed access token the fake FREG verifies.
 */
export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer'
const ALGORITHMS = ['RS256', 'RS384', 'RS512']
const GRANT_CLAIMS = new Set(['aud', 'iss', 'iat', 'exp', 'jti', 'scope', 'resource', 'consumer_org'])
const MAX_LIFETIME_S = 120
const CLOCK_SKEW_S = 10

type VerifyKey = CryptoKey | KeyObject

export interface FakeMaskinportenClient {
  clientId: string
  kid: string
  /** The public key registered for `kid`; a function lets the key be made on first use. */
  publicKey: VerifyKey | (() => Promise<VerifyKey>)
  scopes: readonly string[]
  /** Organisation number put in the token's `consumer` claim. */
  orgNo?: string
}

/**
 * A delegation in Altinn: the municipality (consumer) lets the operator (supplier) use `scope` on
 * its behalf. Maskinporten issues a token with `consumer_org` only when such a delegation exists.
 */
export interface FakeDelegation {
  consumerOrg: string
  supplierOrg: string
  scope: string
}

export interface FakeMaskinportenOptions {
  /** Issuer identifier with trailing slash, e.g. http://localhost:3000/fakes/maskinporten/ (a function when known only after listen). */
  issuer: string | (() => string)
  clients: readonly FakeMaskinportenClient[]
  /** Delegations in (fake) Altinn; a grant with `consumer_org` needs one for every scope. */
  delegations?: readonly FakeDelegation[]
  /** Access token lifetime (Maskinporten's default is 120 s). */
  tokenTtlSeconds?: number
  now?: () => number
}

class GrantRefused extends Error {
  constructor(
    readonly error: 'invalid_grant' | 'invalid_scope' | 'invalid_request' | 'unsupported_grant_type',
    description: string,
  ) {
    super(description)
  }
}

export function createFakeMaskinporten(opts: FakeMaskinportenOptions) {
  const now = opts.now ?? Date.now
  const issuer = () => (typeof opts.issuer === 'function' ? opts.issuer() : opts.issuer)
  const ttl = opts.tokenTtlSeconds ?? 120
  const seenJti = new Map<string, number>()
  const stats = { tokensIssued: 0, refused: [] as string[], issuedFor: [] as (string | null)[] }
  let signing: Promise<{ publicKey: CryptoKey; privateKey: CryptoKey }> | undefined
  const signingKeys = () => {
    signing ??= generateKeyPair('RS256')
    return signing
  }

  async function checkGrant(assertion: string) {
    const header = safe(() => decodeProtectedHeader(assertion))
    const claims = safe(() => decodeJwt(assertion))
    if (!header.alg || !ALGORITHMS.includes(header.alg)) refuse(`Unsupported alg ${header.alg}`)
    if (!header.kid) refuse('The grant must name a registered key (kid); x5c is not supported by this fake')
    const client = opts.clients.find((c) => c.clientId === claims.iss)
    if (!client || client.kid !== header.kid) refuse('Invalid assertion. Client authentication failed.')
    const key = typeof client.publicKey === 'function' ? await client.publicKey() : client.publicKey
    let payload: JWTPayload
    try {
      ;({ payload } = await jwtVerify(assertion, key, {
        algorithms: ALGORITHMS,
        audience: issuer(),
        issuer: client.clientId,
        requiredClaims: ['iat', 'exp', 'jti'],
        clockTolerance: CLOCK_SKEW_S,
        currentDate: new Date(now()),
      }))
    } catch (err) {
      if (err instanceof errors.JWTClaimValidationFailed)
        refuse(`Invalid assertion. Invalid JWT claim ${err.claim}`)
      if (err instanceof errors.JWTExpired) refuse('Invalid assertion. The grant has expired')
      refuse('Invalid assertion. Client authentication failed. The JWT is signed with an invalid key.')
    }
    return { client, payload }
  }

  function checkClaims(client: FakeMaskinportenClient, p: JWTPayload) {
    const extra = Object.keys(p).filter((k) => !GRANT_CLAIMS.has(k))
    if (extra.length > 0) refuse(`Invalid assertion. Unknown claims: ${extra.join(', ')}`)
    const nowS = Math.floor(now() / 1000)
    if (p.iat! > nowS + CLOCK_SKEW_S) refuse('Invalid assertion. iat is in the future')
    if (p.exp! - p.iat! > MAX_LIFETIME_S)
      refuse(`Invalid assertion. exp - iat exceeds ${MAX_LIFETIME_S} seconds`)
    for (const [jti, until] of seenJti) if (until < nowS) seenJti.delete(jti)
    if (seenJti.has(p.jti!)) refuse('Invalid assertion. The jti has been used before')
    seenJti.set(p.jti!, p.exp! + CLOCK_SKEW_S)
    const scopes = typeof p.scope === 'string' ? p.scope.split(' ').filter(Boolean) : []
    if (scopes.length === 0) throw new GrantRefused('invalid_scope', 'Missing scope')
    const denied = scopes.filter((s) => !client.scopes.includes(s))
    if (denied.length > 0)
      throw new GrantRefused(
        'invalid_scope',
        `Client ${client.clientId} has no access to scope ${denied.join(' ')}`,
      )
    return scopes.join(' ')
  }

  /** On behalf of a municipality: the scope must be delegated by it to the client's organisation. */
  function checkDelegation(client: FakeMaskinportenClient, p: JWTPayload, scope: string) {
    if (p.consumer_org === undefined) return null
    const consumer = String(p.consumer_org)
    if (!/^\d{9}$/.test(consumer)) refuse('Invalid assertion. consumer_org must be an organisation number')
    const missing = scope
      .split(' ')
      .filter(
        (s) =>
          !(opts.delegations ?? []).some(
            (d) => d.consumerOrg === consumer && d.supplierOrg === client.orgNo && d.scope === s,
          ),
      )
    if (missing.length > 0)
      refuse(
        `Consumer ${consumer} has not delegated access to the scope ${missing.join(' ')} to supplier ${client.orgNo ?? 'unknown'}`,
      )
    return consumer
  }

  async function issue(client: FakeMaskinportenClient, scope: string, consumerOrg: string | null) {
    const { privateKey } = await signingKeys()
    const iat = Math.floor(now() / 1000)
    const accessToken = await new SignJWT({
      client_id: client.clientId,
      scope,
      consumer: {
        authority: 'iso6523-actorid-upis',
        ID: `0192:${consumerOrg ?? client.orgNo ?? '999999999'}`,
      },
      ...(consumerOrg
        ? { supplier: { authority: 'iso6523-actorid-upis', ID: `0192:${client.orgNo ?? '999999999'}` } }
        : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'fake-maskinporten-signing' })
      .setIssuer(issuer())
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .setJti(randomUUID())
      .sign(privateKey)
    stats.tokensIssued++
    stats.issuedFor.push(consumerOrg)
    return { access_token: accessToken, token_type: 'Bearer', expires_in: ttl, scope }
  }

  /** For the fake FREG: a token this fake issued, unexpired, carrying `scope`. */
  async function verifyAccessToken(token: string, scope: string): Promise<'ok' | 'invalid' | 'scope'> {
    try {
      const { publicKey } = await signingKeys()
      const { payload } = await jwtVerify(token, publicKey, {
        issuer: issuer(),
        currentDate: new Date(now()),
      })
      const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : []
      return scopes.includes(scope) ? 'ok' : 'scope'
    } catch {
      return 'invalid'
    }
  }

  /** Mounts discovery and the token endpoint under `prefix` (the path part of the issuer). */
  async function register(app: FastifyInstance, prefix: string) {
    app.get(`${prefix}/.well-known/oauth-authorization-server`, { schema: { hide: true } }, async () => ({
      issuer: issuer(),
      token_endpoint: `${issuer()}token`,
      jwks_uri: `${issuer()}jwk`,
      grant_types_supported: [JWT_BEARER],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    }))
    app.get(`${prefix}/jwk`, { schema: { hide: true } }, async () => {
      const jwk = await exportJWK((await signingKeys()).publicKey)
      return { keys: [{ ...jwk, kid: 'fake-maskinporten-signing', use: 'sig', alg: 'RS256' }] }
    })
    app.post(`${prefix}/token`, { schema: { hide: true } }, async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>
      try {
        if (body.grant_type !== JWT_BEARER)
          throw new GrantRefused('unsupported_grant_type', `grant_type must be ${JWT_BEARER}`)
        if (typeof body.assertion !== 'string' || body.assertion === '')
          throw new GrantRefused('invalid_request', 'Missing assertion')
        const { client, payload } = await checkGrant(body.assertion)
        const scope = checkClaims(client, payload)
        return issue(client, scope, checkDelegation(client, payload, scope))
      } catch (err) {
        if (!(err instanceof GrantRefused)) throw err
        stats.refused.push(err.message)
        return reply.status(400).send({ error: err.error, error_description: err.message })
      }
    })
  }

  return { issuer, register, verifyAccessToken, stats }
}
export type FakeMaskinporten = ReturnType<typeof createFakeMaskinporten>

function refuse(description: string): never {
  throw new GrantRefused('invalid_grant', description)
}

function safe<T>(fn: () => T): T {
  try {
    return fn()
  } catch {
    refuse('Invalid assertion. The grant is not a JWT')
  }
}
