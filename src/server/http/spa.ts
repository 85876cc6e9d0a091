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

export function isSpaRequest(method: string, url: string) {
  return (
    (method === 'GET' || method === 'HEAD') && !url.startsWith('/api') && !url.startsWith('/idporten-fake')
  )
}
