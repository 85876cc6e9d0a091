import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { AppError, unauthorized } from '../http/errors'
import { isApiPath } from '../http/spa'
import type { App } from '../http/types'
import type { Actor, RequestContext } from './actor'
import { cachedSession, cacheSession, owesSessionCheck, runRequest } from './session-cache'
import { hashToken, type ResolvedSession, resolveSessionById, SESSION_IDLE_MINUTES } from './sessions'

export const SESSION_COOKIE = 'smittespor_session'
export const CSRF_COOKIE = 'csrf'
export const CSRF_HEADER = 'x-csrf-token'

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | null
    actor: Actor | null
    ctx: RequestContext
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Resolves the session cookie to an actor on every /api and /auth request and enforces CSRF on
 * state-changing API requests (double submit: the `csrf` cookie echoed in the x-csrf-token header
 * must equal the token stored with the session).
 */
async function authPlugin(app: App) {
  app.decorateRequest('session', null)
  app.decorateRequest('actor', null)
  app.decorateRequest('ctx', null as unknown as RequestContext)

  // Each request gets its own async store first: a session served from the cache leaves its
  // freshness check there for the request's first tenant transaction (session-cache.ts).
  app.addHook('onRequest', (_req, _reply, done) => runRequest(done))

  app.addHook('onRequest', async (req) => {
    req.ctx = { actor: null, requestId: req.id, ip: req.ip }
    if (!isApiPath(req.url) && !req.url.startsWith('/auth')) return
    const token = req.cookies[SESSION_COOKIE]
    if (!token) return
    const session = await sessionOf(app, req, hashToken(token))
    if (!session) return
    req.session = session
    req.actor = session.actor
    req.ctx.actor = session.actor
    // CSRF before the body is parsed and validated: a forged request gets 403, never a 400 that
    // tells the forger which fields are wrong.
    if (
      UNSAFE.has(req.method) &&
      isApiPath(req.url) &&
      !sameToken(req.headers[CSRF_HEADER], session.csrfToken)
    )
      throw new AppError(403, 'csrf', 'Sikkerhetstoken mangler eller er utløpt. Last siden på nytt.')
  })
}

/** Constant-time comparison (of fixed-length digests, so the length does not leak either). */
export function sameToken(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string' || sent === '') return false
  const a = createHash('sha256').update(sent).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

/** The session behind a cookie: for a read a recent copy will do (checked later), else the database. */
async function sessionOf(app: App, req: FastifyRequest, id: string) {
  const ttlMs = app.deps.config.sessionCacheMs
  if (ttlMs > 0 && (req.method === 'GET' || req.method === 'HEAD')) {
    const hit = cachedSession(id)
    if (hit) {
      owesSessionCheck({ sessionId: id, fingerprint: hit.fingerprint, idleMinutes: SESSION_IDLE_MINUTES })
      return hit.session
    }
  }
  const session = await resolveSessionById(app.deps.db, id)
  if (session) cacheSession(id, session, session.fingerprint, ttlMs)
  return session
}

export const registerAuth = fp(authPlugin, { name: 'auth' })

/** The actor of an authenticated request, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized()
  return req.actor
}

export function setSessionCookies(app: App, reply: FastifyReply, token: string, csrfToken: string) {
  const secure = app.deps.config.production
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, secure, sameSite: 'lax' })
  reply.setCookie(CSRF_COOKIE, csrfToken, { path: '/', httpOnly: false, secure, sameSite: 'strict' })
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
  reply.clearCookie(CSRF_COOKIE, { path: '/' })
}
