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
