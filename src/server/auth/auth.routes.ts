import { z } from 'zod'
import { metaResponse, selectKommuneBody, sessionResponse } from '../../shared/api/session'
import { forbidden } from '../http/errors'
import type { App } from '../http/types'
import * as service from './auth.service'
import { LOGOUT_SCRIPT, LOGOUT_SCRIPT_PATH, renderLogoutPage } from './logout-page'
import type { OidcClient } from './oidc'
import { clearSessionCookies, requireActor, setSessionCookies } from './plugin'

const TX_COOKIE = 'oidc_tx'
/** Carries the id_token from the logout API call to the logout page, never in a URL. */
const LOGOUT_COOKIE = 'oidc_logout'
const LOGOUT_PAGE = '/auth/logout'
const loginQuery = z.object({
  returnTo: z.string().max(500).optional(),
  lang: z.enum(['nb', 'nn', 'en']).optional(),
})
const callbackQuery = z.object({}).passthrough()
const frontchannelQuery = z.object({
  sid: z.string().max(200).optional(),
  iss: z.string().max(500).optional(),
})

/** Only same-site relative paths: never an open redirect. */
export const safeReturnTo = (p: string | undefined) => (p && /^\/(?!\/)[^\\]*$/.test(p) ? p : '/')

export async function authRoutes(app: App, oidc: OidcClient) {
  // @fastify/rate-limit is registered by registerSecurity (memory, or Redis with REDIS_URL).
  const limited = { rateLimit: { max: app.deps.config.env.RATE_LIMIT_LOGIN_PER_MIN, timeWindow: '1 minute' } }

  app.get(
    '/auth/login',
    { config: limited, schema: { tags: ['innlogging'], querystring: loginQuery } },
    async (req, reply) => {
      const { url, tx } = await oidc.authorizationUrl(req.query.lang ?? 'nb')
      const value = JSON.stringify({ ...tx, returnTo: safeReturnTo(req.query.returnTo) })
      reply.setCookie(TX_COOKIE, value, {
        path: '/auth',
        httpOnly: true,
        secure: app.deps.config.production,
        sameSite: 'lax',
        signed: true,
        maxAge: 600,
      })
      return reply.redirect(url)
    },
  )

  app.get(
    '/auth/callback',
    { config: limited, schema: { tags: ['innlogging'], querystring: callbackQuery } },
    async (req, reply) => {
      const raw = req.cookies[TX_COOKIE]
      const unsigned = raw ? req.unsignCookie(raw) : null
      reply.clearCookie(TX_COOKIE, { path: '/auth' })
      const tx = unsigned?.valid && unsigned.value ? (JSON.parse(unsigned.value) as service.LoginTx) : null
      const currentUrl = new URL(req.url, app.deps.config.publicUrl)
      const result = await service.completeLogin(app.deps.db, oidc, req.ctx, currentUrl, tx)
      if (!result.ok) return reply.redirect(`/innlogging-feilet?grunn=${result.reason}`)
      setSessionCookies(app, reply, result.token, result.csrfToken)
      return reply.redirect(result.redirectTo)
    },
  )

  app.post(
    '/api/session/logout',
    { schema: { tags: ['innlogging'], response: { 200: z.object({ redirectTo: z.string() }) } } },
    async (req, reply) => {
      const ended = await service.logout(app.deps.db, req.ctx, req.session)
      clearSessionCookies(reply)
      if (!ended) return { redirectTo: '/' }
      if (!ended.idToken) return { redirectTo: '/logget-ut' }
      reply.setCookie(LOGOUT_COOKIE, ended.idToken, {
        path: LOGOUT_PAGE,
        httpOnly: true,
        secure: app.deps.config.production,
        sameSite: 'strict',
        signed: true,
        maxAge: 120,
      })
      return { redirectTo: LOGOUT_PAGE }
    },
  )

  // RP-initiated logout by POST: a page whose form posts the id_token to ID-porten's end-session.
  app.get(LOGOUT_PAGE, { schema: { hide: true } }, async (req, reply) => {
    const raw = req.cookies[LOGOUT_COOKIE]
    const unsigned = raw ? req.unsignCookie(raw) : null
    reply.clearCookie(LOGOUT_COOKIE, { path: LOGOUT_PAGE })
    reply.header('cache-control', 'no-store')
    if (!unsigned?.valid || !unsigned.value) return reply.redirect('/logget-ut')
    const form = await oidc.endSessionForm(unsigned.value).catch(() => null)
    if (!form) return reply.redirect('/logget-ut')
    const page = renderLogoutPage(form, app.deps.config.production)
    return reply.header('content-security-policy', page.csp).type('text/html; charset=utf-8').send(page.html)
  })

  app.get(LOGOUT_SCRIPT_PATH, { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(LOGOUT_SCRIPT),
  )

  // ID-porten loads this in a hidden iframe when the user logs out elsewhere (front-channel logout).
  app.get(
    '/auth/frontchannel-logout',
    { schema: { tags: ['innlogging'], querystring: frontchannelQuery } },
    async (req, reply) => {
      if (req.query.sid) await service.frontchannelLogout(app.deps.db, oidc, req.ctx, req.query)
      return reply.header('cache-control', 'no-store').type('text/plain').send('ok')
    },
  )

  app.get('/api/meta', { schema: { tags: ['innlogging'], response: { 200: metaResponse } } }, async () => ({
    testEnvironment: app.deps.config.testEnvironment,
    demo: app.deps.config.demo,
    loginUrl: '/auth/login',
  }))

  app.get(
    '/api/session',
    { schema: { tags: ['innlogging'], response: { 200: sessionResponse } } },
    async (req) => {
      requireActor(req)
      return service.presentSession(req.session!, app.deps.config.testEnvironment)
    },
  )

  app.put(
    '/api/session/active-kommune',
    { schema: { tags: ['innlogging'], body: selectKommuneBody, response: { 200: sessionResponse } } },
    async (req) => {
      requireActor(req)
      const session = await service.selectKommune(app.deps.db, req.ctx, req.session!, req.body.kommune)
      if (!session) throw forbidden('Du har ingen rolle i denne kommunen')
      return service.presentSession(session, app.deps.config.testEnvironment)
    },
  )
}
