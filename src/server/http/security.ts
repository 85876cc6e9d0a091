import fastifyHelmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Redis } from 'ioredis'
import type { AppConfig } from '../config'
import { AppError } from './errors'
import type { App } from './types'

/** Deepest JSON body accepted; the app's own schemas nest at most 4–5 levels. */
export const MAX_JSON_DEPTH = 32

/**
 * Per-user limits on searches and exports (SPEC §8): enough for a tracer typing in a search box,
 * far below what scraping the register needs. Login has its own limit (auth.routes.ts).
 * With REDIS_URL the counters live in Redis and the limit holds across all instances; without it
 * in each instance's memory, so with N instances the effective limit is N×.
 */
export const RATE_LIMITS = {
  search: { max: 240, timeWindow: '1 minute' },
  export: { max: 30, timeWindow: '1 minute' },
} as const

/** GET/POST routes that search personal data (exact paths as registered). */
const SEARCH_ROUTES = new Set([
  'GET /api/persons',
  'GET /api/persons/duplicate-suggestions',
  'POST /api/persons/lookup',
  'GET /api/cases',
  'GET /api/contacts',
  'GET /api/events',
  'GET /api/audit-log',
  'GET /api/audit-log/users',
  'GET /api/audit-log/innsyn/:personId',
])

/** Exports: files with personal data (CSV/XLSX/PDF/JSON downloads). */
const isExportRoute = (method: string, url: string) =>
  /\.(csv|xlsx|pdf)$/.test(url) ||
  /\/(export|exports|innsyn-export)(\/|$)/.test(url) ||
  (method === 'POST' && /\/letters$/.test(url))

/** The per-minute limit of a class, from RATE_LIMIT_*_PER_MIN (defaults as in RATE_LIMITS). */
const configuredMax = (config: AppConfig, cls: keyof typeof RATE_LIMITS) =>
  cls === 'search' ? config.env.RATE_LIMIT_SEARCH_PER_MIN : config.env.RATE_LIMIT_EXPORT_PER_MIN

/** Which limit applies to a route, or null. Exported for the tests. */
export function rateLimitClass(method: string, url: string): keyof typeof RATE_LIMITS | null {
  if (SEARCH_ROUTES.has(`${method} ${url}`)) return 'search'
  if (isExportRoute(method, url)) return 'export'
  return null
}

/** Paths where the fake ID-porten (dev/test only) serves pages with an inline <style>. */
const FAKE_IDPORTEN_PREFIXES = ['/idporten-fake']
const FRONTCHANNEL_LOGOUT = '/auth/frontchannel-logout'

type Directives = Record<string, string[]>

/**
 * The CSP for everything the app serves: scripts and styles only from our own origin (the Vite
 * build emits no inline script), no plugins, no framing, forms only to ourselves.
 */
export function contentSecurityPolicy(production: boolean): Directives {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    ...(production ? { 'upgrade-insecure-requests': [] } : {}),
  }
}

export function serializeCsp(d: Directives): string {
  return Object.entries(d)
    .map(([k, v]) => (v.length ? `${k} ${v.join(' ')}` : k))
    .join('; ')
}

/**
 * Origins allowed to frame the front-channel logout route: ID-porten's. Its logout page runs on
 * the login host (idporten.no → login.idporten.no, test.idporten.no → login.test.idporten.no),
 * so both the issuer's origin and that host are allowed. With the built-in fake: our own origin.
 */
export function idportenFrameOrigins(config: AppConfig): string[] {
  const issuer = config.env.OIDC_ISSUER
  if (!issuer) return ["'self'"]
  const u = new URL(issuer)
  const origins = [u.origin]
  if (/(^|\.)idporten\.no$/.test(u.hostname) && !u.hostname.startsWith('login.'))
    origins.push(`${u.protocol}//login.${u.hostname}`)
  return origins
}

/**
 * Security headers (helmet: CSP, HSTS in production, nosniff, referrer policy …), JSON body limits
 * and the search/export rate-limit classes. Call before any route is registered: the onRoute
 * hook gives matching routes their `config.rateLimit` before @fastify/rate-limit reads it.
 */
export async function registerSecurity(app: App, config: AppConfig) {
  const directives = contentSecurityPolicy(config.production)
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives },
    hsts: config.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // The SPA fetches only its own origin; COEP would only get in the way of downloads.
    crossOriginEmbedderPolicy: false,
  })

  const fakeCsp = serializeCsp({ ...directives, 'style-src': ["'self'", "'unsafe-inline'"] })
  const frontchannelCsp = serializeCsp({
    'default-src': ["'none'"],
    'frame-ancestors': idportenFrameOrigins(config),
  })
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? ''
    // The fake ID-porten's own pages (oidc-provider and the picker) carry an inline <style>; scripts
    // stay 'self'. Never in production: the fake cannot be enabled there.
    if (FAKE_IDPORTEN_PREFIXES.some((p) => path.startsWith(p)))
      reply.raw.setHeader('content-security-policy', fakeCsp)
    // ID-porten loads this route in a hidden iframe: only its origin may frame it.
    if (path === FRONTCHANNEL_LOGOUT) {
      reply.raw.setHeader('content-security-policy', frontchannelCsp)
      reply.raw.removeHeader('x-frame-options')
    }
  })

  // Before the body is read or validated: a state-changing request from another site is refused.
  const ownOrigins = new Set([new URL(config.publicUrl).origin])
  app.addHook('onRequest', async (req) => {
    if (!UNSAFE_METHODS.has(req.method)) return
    // Sec-Fetch-Site is set by the browser and cannot be forged by a page. It decides when present:
    // a form posted from a page served with `Referrer-Policy: no-referrer` (oidc-provider's login
    // pages do that) carries `Origin: null` although it is our own page.
    const site = req.headers['sec-fetch-site']
    if (site === 'same-origin') return
    const from = requestOrigin(req)
    if (from === null || ownOrigins.has(from)) return
    // Outside production a developer may reach the app by another name (127.0.0.1 vs localhost).
    if (!config.production && from === `${req.protocol}://${req.host}`) return
    throw new AppError(403, 'origin', 'Forespørselen kommer fra et annet nettsted og er avvist.')
  })

  const appConfig = config
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    const cls = methods.map((m) => rateLimitClass(m, route.url ?? '')).find(Boolean)
    const config = (route.config ?? {}) as Record<string, unknown>
    if (!cls || config.rateLimit) return
    route.config = {
      ...config,
      rateLimit: { ...RATE_LIMITS[cls], max: configuredMax(appConfig, cls), keyGenerator: userKey },
    } as typeof route.config
  })

  await registerRateLimit(app, config)
  registerJsonParser(app)
}

/**
 * @fastify/rate-limit for the routes that declare a limit (onRoute above, login in
 * auth.routes.ts). With REDIS_URL, counters are shared by every instance. If Redis is down,
 * requests are let through (skipOnError) rather than the service failing: the limits are a brake
 * on scraping, not an access control.
 */
async function registerRateLimit(app: App, config: AppConfig) {
  if (!config.redisUrl) {
    await app.register(rateLimit, { global: false })
    return
  }
  const redis = new Redis(config.redisUrl, {
    connectTimeout: 2000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
  })
  redis.on('error', (err) => app.log.warn({ err }, 'redis unavailable: rate limits let requests through'))
  app.addHook('onClose', async () => {
    await redis.quit().catch(() => redis.disconnect())
  })
  await app.register(rateLimit, {
    global: false,
    redis,
    nameSpace: `${config.env.REDIS_KEY_PREFIX}rl:`,
    skipOnError: true,
  })
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Where a browser says a request comes from: the Origin header, or the origin of the Referer
 * when Origin is absent; null when neither is sent (a client that is not a browser: the CSRF
 * token still applies). An unparseable or opaque ('null') value counts as foreign.
 */
export function requestOrigin(req: Pick<FastifyRequest, 'headers'>): string | null {
  const origin = req.headers.origin
  if (typeof origin === 'string' && origin !== '') return origin === 'null' ? 'null' : originOf(origin)
  const referer = req.headers.referer
  if (typeof referer === 'string' && referer !== '') return originOf(referer)
  return null
}

function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return 'invalid'
  }
}

/** The session cookie identifies the user across requests; without one, the client address. */
function userKey(req: FastifyRequest): string {
  const session = req.cookies?.smittespor_session
  return session ? `s:${session.slice(0, 64)}` : `ip:${req.ip}`
}

/**
 * JSON bodies: parsed like Fastify's default (prototype-poisoning keys refused) plus a nesting
 * limit, so a deeply nested body cannot make validation or logging recurse without bound.
 */
function registerJsonParser(app: App) {
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    if (text.trim() === '') return done(null, undefined)
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      return done(new AppError(400, 'bad-json', 'Forespørselen er ikke gyldig JSON'), undefined)
    }
    const problem = checkJson(value)
    if (problem) return done(new AppError(400, 'bad-json', problem), undefined)
    done(null, value)
  })
}

/** Depth and forbidden keys, checked iteratively (a recursive walk could itself overflow). */
export function checkJson(value: unknown, maxDepth = MAX_JSON_DEPTH): string | null {
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (depth > maxDepth) return `JSON-strukturen er for dypt nøstet (over ${maxDepth} nivåer)`
    if (Array.isArray(v)) {
      for (const item of v) stack.push([item, depth + 1])
      continue
    }
    for (const key of Object.keys(v)) {
      if (key === '__proto__') return 'Ugyldig nøkkel i JSON: __proto__'
      const child = (v as Record<string, unknown>)[key]
      if (key === 'constructor' && child !== null && typeof child === 'object' && 'prototype' in child)
        return 'Ugyldig nøkkel i JSON: constructor.prototype'
      stack.push([child, depth + 1])
    }
  }
  return null
}
