import type { SessionResponse } from '../../shared/api/session'
import { audit } from '../audit/audit'
import type { Database } from '../db/kysely'
import { inTenant } from '../db/tenant'
import type { RequestContext } from './actor'
import { LoginError, type OidcClient } from './oidc'
import { createSession, hasAnyAccess, loadAccess, type ResolvedSession, resolveSessionById } from './sessions'
import * as q from './sessions.queries'

export interface LoginTx {
  verifier: string
  state: string
  nonce: string
  returnTo: string
}

type FailReason = 'state' | 'provider' | 'acr' | 'pid' | 'no-access'
type LoginResult =
  | { ok: true; token: string; csrfToken: string; redirectTo: string }
  | { ok: false; reason: FailReason }

/**
 * Finishes an ID-porten login: validates the response, finds the user by `pid` (never `sub`),
 * requires an active user with at least one current role, and starts a new session.
 * Every failure is written to the audit log (national chain: no municipality is known yet).
 */
export async function completeLogin(
  db: Database,
  oidc: OidcClient,
  ctx: RequestContext,
  currentUrl: URL,
  tx: LoginTx | null,
): Promise<LoginResult> {
  const fail = async (reason: FailReason, details: Record<string, unknown> = {}) => {
    await inTenant(db, { kommune: null }, (trx) =>
      audit(trx, ctx, {
        action: 'login.failed',
        recordType: 'session',
        outcome: 'failed',
        details: { reason, ...details },
      }),
    )
    return { ok: false as const, reason }
  }
  if (!tx) return fail('state')
  let identity: { pid: string; sid: string | null; idToken: string | null }
  try {
    identity = await oidc.callback(currentUrl, tx)
  } catch (err) {
    if (err instanceof LoginError) return fail(err.reason)
    return fail('provider', { error: (err as Error).name })
  }
  const user = await q.findUserByPid(db, identity.pid)
  if (user?.status !== 'active') return fail('no-access', { knownUser: !!user })
  const access = await loadAccess(db, user.id)
  if (!hasAnyAccess(access)) return fail('no-access', { userId: user.id })

  const { token, csrfToken } = await createSession(db, {
    userId: user.id,
    access,
    idpSid: identity.sid,
    idToken: identity.idToken,
    ip: ctx.ip,
  })
  const kommune = access.memberships.length === 1 ? access.memberships[0]!.kommune : null
  const actorCtx: RequestContext = {
    ...ctx,
    actor: { userId: user.id, name: user.name, kommune, roles: access.nationalRoles, sessionId: '' },
  }
  await inTenant(db, { kommune, userId: user.id }, (trx) =>
    audit(trx, actorCtx, { action: 'login.ok', recordType: 'user', recordId: user.id }),
  )
  const redirectTo =
    access.memberships.length > 1 ? `/velg-kommune?returnTo=${encodeURIComponent(tx.returnTo)}` : tx.returnTo
  return { ok: true, token, csrfToken, redirectTo }
}

/**
 * Ends our session. Returns the id_token to end the ID-porten session with (the browser POSTs it
 * there from `/auth/logout`), or null when there was no session.
 */
export async function logout(
  db: Database,
  ctx: RequestContext,
  session: ResolvedSession | null,
): Promise<{ idToken: string | null } | null> {
  if (!session) return null
  const deleted = await inTenant(
    db,
    { kommune: session.actor.kommune, userId: session.actor.userId },
    async (trx) => {
      const d = await q.deleteSession(trx, session.actor.sessionId)
      await audit(trx, ctx, { action: 'logout', recordType: 'user', recordId: session.actor.userId })
      return d
    },
  )
  return { idToken: deleted?.id_token ?? session.idToken }
}

/** Front-channel logout from ID-porten: end every session started from that ID-porten session. */
export async function frontchannelLogout(
  db: Database,
  oidc: OidcClient,
  ctx: RequestContext,
  query: { sid?: string | undefined; iss?: string | undefined },
) {
  // Only our own ID-porten may log users out; a forged iss is ignored.
  if (query.iss && query.iss.replace(/\/$/, '') !== oidc.settings.issuer.replace(/\/$/, '')) return 0
  return inTenant(db, { kommune: null }, async (trx) => {
    const ended = await q.deleteSessionsByIdpSid(trx, query.sid!)
    for (const s of ended)
      await audit(trx, ctx, { action: 'logout.frontchannel', recordType: 'user', recordId: s.user_id })
    return ended.length
  })
}

/** Switches the active municipality; null when the user holds no role there. */
export async function selectKommune(
  db: Database,
  ctx: RequestContext,
  session: ResolvedSession,
  kommune: string,
) {
  const membership = session.access.memberships.find((m) => m.kommune === kommune)
  if (!membership) {
    await inTenant(db, { kommune: null }, (trx) =>
      audit(trx, ctx, {
        action: 'access.denied',
        recordType: 'kommune',
        recordId: kommune,
        outcome: 'denied',
      }),
    )
    return null
  }
  await inTenant(db, { kommune, userId: session.actor.userId }, async (trx) => {
    await q.setActiveKommune(trx, session.actor.sessionId, kommune)
    await audit(
      trx,
      { ...ctx, actor: { ...session.actor, kommune, roles: membership.roles } },
      {
        action: 'session.select-kommune',
        recordType: 'kommune',
        recordId: kommune,
      },
    )
  })
  return resolveSessionById(db, session.actor.sessionId)
}

export function presentSession(s: ResolvedSession, testEnvironment: boolean): SessionResponse {
  const active = s.access.memberships.find((m) => m.kommune === s.actor.kommune)
  return {
    user: { id: s.actor.userId, name: s.actor.name },
    activeKommune: active
      ? { code: active.kommune, name: active.kommuneName, active: active.kommuneActive }
      : null,
    roles: s.actor.roles,
    nationalRoles: s.access.nationalRoles,
    memberships: s.access.memberships,
    testEnvironment,
    csrfToken: s.csrfToken,
  }
}
