import { buildApp } from '../app'
import { type AppConfig, loadConfig } from '../config'
import type { App } from '../http/types'
import { createTestDatabase } from './database'

export type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>

/** Config for tests: demo off (tests seed what they need), test-environment mode on. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    APP_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    ...overrides,
  })
}

/** The least environment production mode starts with (config tests vary it). */
export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://db/smittespor',
  SESSION_SECRET: 'x'.repeat(40),
  OIDC_ISSUER: 'https://idporten.no',
  OIDC_CLIENT_ID: 'smittespor',
  OIDC_PRIVATE_KEY_FILE: '/run/secrets/idporten-key.pem',
  OIDC_REDIRECT_URI: 'https://smittespor.example/auth/callback',
  PUBLIC_URL: 'https://smittespor.example',
}

/** The real app on a fresh migrated database (fastify/demo style); use app.inject. */
export async function buildTestApp(options: { config?: AppConfig } = {}): Promise<{
  app: App
  db: TestDatabase
  close(): Promise<void>
}> {
  const db = await createTestDatabase()
  const app = await buildApp({
    config: options.config ?? testConfig(),
    db: db.db,
    serveWeb: false,
    logger: false,
  })
  await app.ready()
  return {
    app,
    db,
    async close() {
      await app.close()
      await db.close()
    },
  }
}
