import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { z } from 'zod'
import type { apiClientCreate } from '../../../shared/api/fhi'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import type { Database } from '../../db/kysely'
import { inTenant } from '../../db/tenant'
import { AppError, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { authorize } from '../../policy/policy'
import * as q from './fhi.queries'

/**
 * Client credentials for machine clients (FHI's systems) of GET /api/fhi/weekly-reports. The
 * operator creates a client and hands the secret to FHI once; only its SHA-256 is stored. A
 * 256-bit random secret needs no slow hash: there is nothing to guess from its digest.
 */
export const SCOPE_WEEKLY_REPORTS = 'fhi.weekly-reports'

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex')

type ClientRow = Awaited<ReturnType<typeof q.listApiClients>>[number]
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

export function presentClient(c: ClientRow) {
  return {
    id: c.id,
    clientId: c.client_id,
    name: c.name,
    scopes: c.scopes,
    createdAt: new Date(c.created_at).toISOString(),
    revokedAt: iso(c.revoked_at),
    lastUsedAt: iso(c.last_used_at),
  }
}

/** Creates a client; returns the secret, which is never shown again. */
export async function createApiClient(
  db: Database,
  ctx: RequestContext,
  input: z.output<typeof apiClientCreate>,
) {
  authorize(ctx.actor, 'apiclient.manage')
  const actor = ctx.actor
  const clientId = input.clientId ?? `fhi-${randomBytes(4).toString('hex')}`
  const secret = randomBytes(32).toString('base64url')
  return inTenant(db, { kommune: null, userId: actor.userId }, async (trx) => {
    if (await trx.selectFrom('api_clients').select('id').where('client_id', '=', clientId).executeTakeFirst())
      throw new AppError(409, 'client-id-taken', 'Klient-ID-en er allerede i bruk', {
        errors: [{ path: 'body.clientId', message: 'Klient-ID-en er allerede i bruk' }],
      })
    const row = await q.insertApiClient(trx, {
      clientId,
      name: input.name,
      secretHash: hashSecret(secret),
      createdBy: actor.userId,
    })
    await audit(trx, ctx, {
      action: 'apiclient.create',
      recordType: 'api-client',
      recordId: row.id,
      kommune: null,
      details: { clientId, name: input.name },
    })
    return { client: presentClient(row), secret }
  })
}

export async function listApiClients(deps: AppDeps, ctx: RequestContext) {
  authorize(ctx.actor, 'apiclient.manage')
  return { items: (await q.listApiClients(deps.db)).map(presentClient) }
}

export async function revokeApiClient(deps: AppDeps, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'apiclient.manage')
  const actor = ctx.actor
  return inTenant(deps.db, { kommune: null, userId: actor.userId }, async (trx) => {
    const row = (await q.revokeApiClient(trx, id, actor.userId)) ?? (await q.findApiClient(trx, id))
    if (!row) throw notFound('Klienten')
    await audit(trx, ctx, {
      action: 'apiclient.revoke',
      recordType: 'api-client',
      recordId: id,
      kommune: null,
      details: { clientId: row.client_id },
    })
    return presentClient(row)
  })
}

/** Reads `Basic base64(clientId:secret)` or `Bearer clientId.secret`; null when neither. */
export function parseClientCredentials(
  header: string | undefined,
): { clientId: string; secret: string } | null {
  if (!header) return null
  const [scheme, value] = header.trim().split(/\s+/, 2)
  if (!value) return null
  let pair: string
  let sep: string
  if (scheme?.toLowerCase() === 'basic') {
    pair = Buffer.from(value, 'base64').toString('utf8')
    sep = ':'
  } else if (scheme?.toLowerCase() === 'bearer') {
    pair = value
    sep = '.'
  } else return null
  const i = pair.indexOf(sep)
  if (i <= 0 || i === pair.length - 1) return null
  return { clientId: pair.slice(0, i), secret: pair.slice(i + 1) }
}

export const invalidClient = () =>
  new AppError(401, 'invalid-client', 'Ugyldig eller manglende klientlegitimasjon', {
    detail: 'Bruk Authorization: Basic base64(klient-id:hemmelighet) eller Bearer klient-id.hemmelighet.',
  })

/** The active client the header names, with the right secret and scope, or 401. */
export async function authenticateClient(db: Database, header: string | undefined, scope: string) {
  const creds = parseClientCredentials(header)
  if (!creds || !/^[a-z0-9-]{3,64}$/.test(creds.clientId)) throw invalidClient()
  const client = await q.findActiveClient(db, creds.clientId)
  const given = Buffer.from(hashSecret(creds.secret), 'hex')
  const stored = Buffer.from(client?.secret_hash ?? '0'.repeat(64), 'hex')
  const ok = client && stored.length === given.length && timingSafeEqual(stored, given)
  if (!ok) throw invalidClient()
  if (!client.scopes.includes(scope))
    throw new AppError(403, 'insufficient-scope', 'Klienten har ikke tilgang til dette')
  await q.touchApiClient(db, client.id)
  return { id: client.id, clientId: client.client_id }
}
