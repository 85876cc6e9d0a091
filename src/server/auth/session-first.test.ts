import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '../test/app'
import { PUBLIC_API_ROUTES } from './session-first'

/** 401 before 400 for the whole API, from one hook (issue 16): walks every route of the OpenAPI document. */
let t: Awaited<ReturnType<typeof buildTestApp>>
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t?.close())

const ANY_ID = '00000000-0000-0000-0000-000000000000'

function operations() {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> }
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })))
}

describe('an anonymous request', () => {
  it('gets 401 problem+json on every API route outside the allow-list, whatever it sends', async () => {
    const ops = operations()
    expect(ops.length).toBeGreaterThan(100)
    const leaks: string[] = []
    for (const { method, path } of ops) {
      const route = `${method} ${path.replace(/\{([^}]+)\}/g, ':$1')}`
      if (PUBLIC_API_ROUTES.has(route)) continue
      const res = await t.app.inject({
        method: method as 'GET',
        url: `${path.replace(/\{[^}]+\}/g, 'ikke-en-id')}?page=-1&week=x`,
        ...(method === 'GET' || method === 'DELETE' ? {} : { payload: { unexpected: 1 } }),
      })
      if (res.statusCode !== 401 || !String(res.headers['content-type']).includes('problem+json'))
        leaks.push(`${res.statusCode} ${route}`)
    }
    expect(leaks).toEqual([])
  })

  it('still reaches the public routes', async () => {
    for (const url of ['/api/health', '/api/meta', '/api/org-units']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(200)
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/org-units/${ANY_ID}` })).statusCode).not.toBe(401)
  })
})
