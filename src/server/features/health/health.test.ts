import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/app'

let t: Awaited<ReturnType<typeof buildTestApp>>
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

describe('health and readiness', () => {
  it('is alive', async () => {
    const res = await t.app.inject('/api/health')
    expect(res.json()).toEqual({ status: 'ok' })
  })

  it('is ready when the database answers and every migration is applied', async () => {
    const res = await t.app.inject('/api/ready')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ready', database: 'ok', pendingMigrations: [] })
  })

  it('turns not-ready as soon as shutdown begins', async () => {
    t.app.deps.markShuttingDown()
    const res = await t.app.inject('/api/ready')
    expect(res.statusCode).toBe(503)
    expect(res.json().status).toBe('not-ready')
  })

  it('answers unknown API paths with problem+json 404', async () => {
    const res = await t.app.inject('/api/finnes-ikke')
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().title).toBe('Finner ikke adressen')
  })

  it('serves the OpenAPI document', async () => {
    const res = await t.app.inject('/api/docs/json')
    expect(res.statusCode).toBe(200)
    expect(res.json().paths['/api/org-units/{code}']).toBeDefined()
  })
})
