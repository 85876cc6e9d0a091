import { existsSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { App } from './types'

/**
 * Serves the built web app (vite build → dist/web). Paths outside /api that match no file get
 * index.html so client-side routes work on reload; /api paths keep their problem+json 404.
 */
export async function registerSpa(app: App, webDist: string) {
  const root = path.resolve(webDist)
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn('web app not built (run `npm run build`); serving the API only')
    return false
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    maxAge: '1h',
    immutable: false,
  })
  return true
}

/** True for paths of the API (`/api` and below), never for pages that merely begin with "api", e.g. /api-klienter. */
export function isApiPath(url: string) {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')
}

export function isSpaRequest(method: string, url: string) {
  return (method === 'GET' || method === 'HEAD') && !isApiPath(url) && !url.startsWith('/idporten-fake')
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Outside production, a page opened on another loopback name than PUBLIC_URL's (127.0.0.1 instead
 * of localhost) is redirected to PUBLIC_URL before anything else: the login's cookies and the
 * ID-porten callback are bound to that host, so a login begun on the other name could never end.
 * Only page and login requests (GET/HEAD outside /api) are redirected.
 */
export function registerCanonicalHost(app: App, publicUrl: string) {
  const canonical = new URL(publicUrl)
  if (!LOOPBACK.has(canonical.hostname)) return
  app.addHook('onRequest', async (req, reply) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.url)) return
    const host = req.headers.host
    if (!host) return
    let requested: URL
    try {
      requested = new URL(`http://${host}`)
    } catch {
      return
    }
    if (!LOOPBACK.has(requested.hostname) || requested.host === canonical.host) return
    if (requested.port !== canonical.port) return
    return reply.redirect(new URL(req.url, canonical).toString(), 302)
  })
}
