import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildApp } from '../app'
import { loadConfig } from '../config'
import { PRODUCTION_ENV, testConfig } from '../test/app'
import { createTestDatabase } from '../test/database'

// Records which development-only modules get loaded; each still loads the real thing.
const loaded = vi.hoisted(() => new Set<string>())
vi.mock('oidc-provider', async (original) => {
  loaded.add('oidc-provider')
  return original()
})
vi.mock('@fastify/middie', async (original) => {
  loaded.add('@fastify/middie')
  return original()
})
vi.mock('../fakes/freg/index', async (original) => {
  loaded.add('fakes/freg')
  return original()
})

let db: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  db = await createTestDatabase()
})
afterAll(async () => {
  await db.close()
})

describe('development-only fakes', () => {
  it('are not loaded in production mode', async () => {
    const app = await buildApp({
      config: loadConfig(PRODUCTION_ENV),
      db: db.db,
      serveWeb: false,
      logger: false,
    })
    await app.ready()
    await app.close()
    expect([...loaded]).toEqual([])
  })

  it('are loaded when enabled (demo and tests)', async () => {
    const app = await buildApp({ config: testConfig(), db: db.db, serveWeb: false, logger: false })
    await app.ready()
    await app.close()
    expect([...loaded].sort()).toEqual(['@fastify/middie', 'fakes/freg', 'oidc-provider'])
  })
})
