import { describe, expect, it } from 'vitest'
import { loadConfig } from './config'

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
