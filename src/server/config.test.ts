import { describe, expect, it } from 'vitest'
import { loadConfig } from './config'
import { PRODUCTION_ENV } from './test/app'

describe('JOBS_ENABLED', () => {
  it.each([
    [undefined, true],
    ['true', true],
    ['false', false],
    ['0', false],
  ])('%s → scheduled jobs %s', (value, expected) => {
    const env = value === undefined ? {} : { JOBS_ENABLED: value }
    expect(loadConfig(env).env.JOBS_ENABLED).toBe(expected)
  })

  it('refuses a value that is not a yes or no', () => {
    expect(() => loadConfig({ JOBS_ENABLED: 'kanskje' })).toThrow(/JOBS_ENABLED/)
  })
})

describe('SESSION_CACHE_SECONDS', () => {
  const production = PRODUCTION_ENV
  it.each([
    [{}, 0],
    [{ SESSION_CACHE_SECONDS: '10' }, 10_000],
    [production, 5_000],
    [{ ...production, SESSION_CACHE_SECONDS: '0' }, 0],
  ])('%j → %i ms', (env, ms) => {
    expect(loadConfig(env).sessionCacheMs).toBe(ms)
  })

  it('refuses more than a minute', () => {
    expect(() => loadConfig({ SESSION_CACHE_SECONDS: '600' })).toThrow(/SESSION_CACHE_SECONDS/)
  })
})

describe('database, replica and Redis settings (issue 21)', () => {
  const url = 'postgres://web@pgbouncer:6432/smittespor'
  it('defaults: session pool mode, migrations through DATABASE_URL, no replica, no Redis', () => {
    const c = loadConfig({ DATABASE_URL: url })
    expect(c.database).toMatchObject({
      kind: 'postgres',
      poolMode: 'session',
      migrationUrl: url,
      reporting: null,
    })
    expect(c.redisUrl).toBeNull()
    expect(c.env.AUDIT_RETENTION_MONTHS).toBe(120)
  })

  it('takes transaction mode, the owner’s migration URL, a replica and Redis', () => {
    const c = loadConfig({
      DATABASE_URL: url,
      DATABASE_POOL_MODE: 'transaction',
      MIGRATION_DATABASE_URL: 'postgres://owner@primary:5432/smittespor',
      REPORTING_DATABASE_URL: 'postgres://web@replica:6432/smittespor',
      REDIS_URL: 'redis://127.0.0.1:6379',
    })
    expect(c.database).toMatchObject({
      poolMode: 'transaction',
      migrationUrl: 'postgres://owner@primary:5432/smittespor',
      reporting: { url: 'postgres://web@replica:6432/smittespor', poolSize: 5 },
    })
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379')
  })

  it('refuses an unknown pool mode and an audit retention under ten years', () => {
    expect(() => loadConfig({ DATABASE_POOL_MODE: 'statement' })).toThrow(/DATABASE_POOL_MODE/)
    expect(() => loadConfig({ AUDIT_RETENTION_MONTHS: '60' })).toThrow(/AUDIT_RETENTION_MONTHS/)
  })
})

describe('training environment (issue 26)', () => {
  it('plain npm start (no APP_ENV, not production) is a training environment', () => {
    expect(loadConfig({}).testEnvironment).toBe(true)
    expect(loadConfig({ APP_ENV: 'demo' }).testEnvironment).toBe(true)
    expect(loadConfig({ APP_ENV: 'test' }).testEnvironment).toBe(true)
  })
  it('APP_ENV=prod and production mode accept real national ids only', () => {
    expect(loadConfig({ APP_ENV: 'prod' }).testEnvironment).toBe(false)
    expect(loadConfig(PRODUCTION_ENV).testEnvironment).toBe(false)
  })
})
