import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../config'
import { PRODUCTION_ENV } from '../../test/app'

/** FREG settings in config.ts: fakes only outside production, a real FREG only with every Maskinporten setting. */
const production = PRODUCTION_ENV
const remote = {
  FREG_BASE_URL: 'https://folkeregisteret.api.skatteetaten.no',
  MASKINPORTEN_ISSUER: 'https://maskinporten.no/',
  MASKINPORTEN_CLIENT_ID: 'client-uuid',
  MASKINPORTEN_KEY_FILE: '/run/secrets/maskinporten.pem',
  MASKINPORTEN_KID: 'key-1',
}

describe('FREG configuration', () => {
  it('demo and tests: the in-repo fakes, 3 s timeout, breaker 5 failures / 30 s', () => {
    expect(loadConfig({}).freg).toEqual({
      mode: 'fake',
      timeoutMs: 3000,
      breaker: { failures: 5, openMs: 30_000 },
    })
    expect(loadConfig({ FAKE_FREG: 'false' }).freg.mode).toBe('off')
  })

  it('production without FREG_BASE_URL: off (lookups answer "not configured"), never the fakes', () => {
    expect(loadConfig(production).freg.mode).toBe('off')
    expect(() => loadConfig({ ...production, FAKE_FREG: 'true' })).toThrow(/FAKE_FREG must not be set/)
  })

  it('a real FREG with Maskinporten, default scope', () => {
    expect(loadConfig({ ...production, ...remote }).freg).toMatchObject({
      mode: 'remote',
      baseUrl: remote.FREG_BASE_URL,
      maskinporten: {
        issuer: 'https://maskinporten.no/',
        clientId: 'client-uuid',
        keyFile: '/run/secrets/maskinporten.pem',
        kid: 'key-1',
        scope: 'folkeregister:deling/offentligmedhjemmel',
      },
    })
  })

  it('FREG_BASE_URL without the Maskinporten settings is refused, naming each one', () => {
    const run = () => loadConfig({ ...production, FREG_BASE_URL: remote.FREG_BASE_URL })
    expect(run).toThrow(ConfigError)
    expect(run).toThrow(/MASKINPORTEN_ISSUER[\s\S]*MASKINPORTEN_CLIENT_ID[\s\S]*MASKINPORTEN_KEY_FILE/)
    expect(() => loadConfig({ FREG_BASE_URL: remote.FREG_BASE_URL })).toThrow(/MASKINPORTEN_ISSUER/)
  })
})
