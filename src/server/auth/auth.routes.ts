import { z } from 'zod'
import { metaResponse, selectKommuneBody, sessionResponse } from '../../shared/api/session'
import { forbidden } from '../http/errors'
import type { App } from '../http/types'
import * as service from './auth.service'
import type { OidcClient } from './oidc'
import { clearSessionCookies, requireActor, setSessionCookies } from './plugin'

const TX_COOKIE = 'oidc_tx'
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
      const redirectTo = await service.logout(app.deps.db, oidc, req.ctx, req.session)
      clearSessionCookies(reply)
      return { redirectTo }
    },
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
