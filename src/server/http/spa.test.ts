import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app'
import { testConfig } from '../test/app'
import { createTestDatabase } from '../test/database'
import { isApiPath } from './spa'
import type { App } from './types'

/**
 * Every client route answers the SPA on reload (issue 26): no page path may fall under the API's
 * prefix, e.g. /api-klienter. The paths are read from the router's sources, so a new route is
 * covered without touching this test.
 */
function routerPaths(dir = path.resolve('src/web')): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry)
    if (statSync(file).isDirectory()) out.push(...routerPaths(file))
    else if (file.endsWith('.tsx'))
      for (const m of readFileSync(file, 'utf8').matchAll(/\bpath: '([^']*)'/g)) out.push(m[1]!)
  }
  return [...new Set(out)].filter((p) => p !== '*' && p !== '/')
}

const ID = '3f1b6a52-8c1d-4e7a-9b7e-2a4c5d6e7f80'
let app: App
let close: () => Promise<void>
let dist: string
beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'smittespor-spa-'))
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><title>Smittespor</title><div id="root"></div>',
  )
  const db = await createTestDatabase()
  app = await buildApp({ config: testConfig({ WEB_DIST: dist }), db: db.db, logger: false })
  await app.ready()
  close = async () => {
    await app.close()
    await db.close()
  }
})
afterAll(async () => {
  await close?.()
  rmSync(dist, { recursive: true, force: true })
})

describe('SPA routes and the API prefix', () => {
  it('finds the router’s routes', () => {
    expect(routerPaths()).toContain('api-klienter')
    expect(routerPaths().length).toBeGreaterThan(30)
  })

  it('reloading every route in the router answers the web app', async () => {
    for (const p of routerPaths()) {
      const url = `/${p.replace(/:[A-Za-z]+/g, p.includes('kommuner') || p.includes('organisasjon') ? '0301' : ID)}`
      const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['content-type'], url).toMatch(/text\/html/)
    }
  })

  it('keeps problem+json for unknown API paths', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/finnes-ikke' })
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toMatch(/problem\+json/)
  })

  it('isApiPath: /api and below only', () => {
    expect(isApiPath('/api')).toBe(true)
    expect(isApiPath('/api/cases')).toBe(true)
    expect(isApiPath('/api?x=1')).toBe(true)
    expect(isApiPath('/api-klienter')).toBe(false)
    expect(isApiPath('/apikey')).toBe(false)
  })
})

describe('canonical host before login', () => {
  it('redirects a page on 127.0.0.1 to PUBLIC_URL’s localhost; API calls are not redirected', async () => {
    const page = await app.inject({ method: 'GET', url: '/auth/login', headers: { host: '127.0.0.1:3000' } })
    expect(page.statusCode).toBe(302)
    expect(page.headers.location).toBe('http://localhost:3000/auth/login')
    const api = await app.inject({ method: 'GET', url: '/api/health', headers: { host: '127.0.0.1:3000' } })
    expect(api.statusCode).not.toBe(302)
  })
})
