import type { RouteOptions } from 'fastify'
import type { App } from '../http/types'
import { requireActor } from './plugin'

/**
 * API routes that answer without a staff session: health and readiness, the public organisation
 * tree, the app's metadata, the session endpoints themselves, and FHI's machine API (its own
 * credentials, checked by its service). Everything else under /api needs a session.
 */
export const PUBLIC_API_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/health',
  'GET /api/ready',
  'GET /api/meta',
  'GET /api/session',
  'POST /api/session/logout',
  'GET /api/org-units',
  'GET /api/org-units/:code',
  'GET /api/fhi/weekly-reports',
])

function isPublic(method: string, url: string): boolean {
  if (!url.startsWith('/api/') || url.startsWith('/api/docs')) return true
  return (
    PUBLIC_API_ROUTES.has(`${method} ${url}`) || (method === 'HEAD' && PUBLIC_API_ROUTES.has(`GET ${url}`))
  )
}

/**
 * 401 before 400, once for the whole API: an anonymous request learns nothing about the body or
 * query it sent, because the session is required before validation. Register before any route.
 */
export function registerSessionFirst(app: App) {
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (methods.every((m) => isPublic(m, route.url ?? ''))) return
    const own = route.preValidation
    const first = async (req: Parameters<typeof requireActor>[0]) => {
      requireActor(req)
    }
    route.preValidation = own ? [first, ...(Array.isArray(own) ? own : [own])] : [first]
  })
}
