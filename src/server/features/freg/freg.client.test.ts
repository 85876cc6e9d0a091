import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FREG_IDS } from '../../fakes/freg'
import { CircuitBreaker, CircuitOpenError } from './circuit-breaker'
import { FregClient, type TokenSource } from './freg.client'
import { FregUnavailableError } from './http'
import { loadSigningKey, MaskinportenClient } from './maskinporten'
import { startFakesWithClient } from './test-support'

/** The FREG client over real HTTP against the fakes: timeouts, retry, token renewal, breaker. */
let fakes: Awaited<ReturnType<typeof startFakesWithClient>>

beforeAll(async () => {
  fakes = await startFakesWithClient({ slowMs: 3000 })
})
afterAll(() => fakes.close())

function tokens() {
  return new MaskinportenClient({
    issuer: fakes.issuer,
    clientId: fakes.client.clientId,
    scope: fakes.scope,
    signingKey: () => loadSigningKey(fakes.keyFile, fakes.client.kid),
    timeoutMs: 2000,
  })
}

function fregClient(
  over: { tokens?: TokenSource; failures?: number; openMs?: number; now?: () => number } = {},
) {
  return new FregClient({
    baseUrl: fakes.fregBaseUrl,
    timeoutMs: 800,
    tokens: over.tokens ?? tokens(),
    breaker: { failures: over.failures ?? 5, openMs: over.openMs ?? 30_000 },
    ...(over.now ? { now: over.now } : {}),
  })
}

const requestsFor = (name: Parameters<typeof fakes.freg.stats.byName.get>[0]) =>
  fakes.freg.stats.byName.get(name) ?? 0

describe('FregClient', () => {
  it('returns the document of a known person', async () => {
    const r = await fregClient().fetchPerson(FREG_IDS.ordinary)
    expect(r.kind).toBe('found')
    expect(JSON.stringify(r)).toContain(FREG_IDS.ordinary)
  })

  it('404 is "not found", not a failure', async () => {
    const c = fregClient({ failures: 1 })
    expect(await c.fetchPerson(FREG_IDS.unknown)).toEqual({ kind: 'not-found' })
    expect(c.breaker.state).toBe('closed')
  })

  it('retries a 5xx once, then reports server-error', async () => {
    const before = requestsFor('serverError')
    await expect(fregClient().fetchPerson(FREG_IDS.serverError)).rejects.toMatchObject({
      reason: 'server-error',
    })
    expect(requestsFor('serverError')).toBe(before + 2)
  })

  it('gives up after the timeout, retried once', async () => {
    const before = requestsFor('slow')
    const started = Date.now()
    await expect(fregClient().fetchPerson(FREG_IDS.slow)).rejects.toMatchObject({ reason: 'timeout' })
    expect(requestsFor('slow')).toBe(before + 2)
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('succeeds when the retry succeeds (503 once)', async () => {
    const r = await fregClient().fetchPerson(FREG_IDS.flaky)
    expect(r.kind).toBe('found')
  })

  it('renews a token FREG rejects (401) and tries once more', async () => {
    const real = tokens()
    let calls = 0
    let invalidated = 0
    const source: TokenSource = {
      accessToken: async () => (++calls === 1 ? 'stale-token' : real.accessToken()),
      invalidate: () => {
        invalidated++
      },
    }
    expect((await fregClient({ tokens: source }).fetchPerson(FREG_IDS.ordinary)).kind).toBe('found')
    expect({ calls, invalidated }).toEqual({ calls: 2, invalidated: 1 })
  })

  it('reports auth when FREG keeps rejecting the token', async () => {
    const source: TokenSource = { accessToken: async () => 'never-valid', invalidate: () => {} }
    await expect(fregClient({ tokens: source }).fetchPerson(FREG_IDS.ordinary)).rejects.toMatchObject({
      reason: 'auth',
    })
  })

  it('does not stack its retry on the token client’s own', async () => {
    let calls = 0
    const source: TokenSource = {
      accessToken: async () => {
        calls++
        throw new FregUnavailableError('server-error', 'maskinporten down')
      },
      invalidate: () => {},
    }
    await expect(fregClient({ tokens: source }).fetchPerson(FREG_IDS.ordinary)).rejects.toMatchObject({
      reason: 'server-error',
    })
    expect(calls).toBe(1)
  })

  it('opens the circuit after repeated failures, answering at once without asking FREG', async () => {
    let now = Date.now()
    const c = fregClient({ failures: 2, openMs: 10_000, now: () => now })
    await expect(c.fetchPerson(FREG_IDS.serverError)).rejects.toMatchObject({ reason: 'server-error' })
    await expect(c.fetchPerson(FREG_IDS.serverError)).rejects.toMatchObject({ reason: 'server-error' })
    expect(c.breaker.state).toBe('open')
    const before = fakes.freg.stats.requests
    await expect(c.fetchPerson(FREG_IDS.ordinary)).rejects.toMatchObject({ reason: 'circuit-open' })
    expect(fakes.freg.stats.requests).toBe(before)
    now += 10_000
    expect(c.breaker.state).toBe('half-open')
    expect((await c.fetchPerson(FREG_IDS.ordinary)).kind).toBe('found')
    expect(c.breaker.state).toBe('closed')
  })
})

describe('CircuitBreaker', () => {
  const fail = () => Promise.reject(new Error('x'))
  const always = () => true

  it('a failed trial in half-open opens it again; only one trial at a time', async () => {
    let now = 0
    const b = new CircuitBreaker({ failures: 1, openMs: 100, now: () => now })
    await expect(b.run(fail, always)).rejects.toThrow('x')
    expect(b.state).toBe('open')
    await expect(b.run(async () => 1, always)).rejects.toBeInstanceOf(CircuitOpenError)
    now = 100
    let release: () => void = () => {}
    const trial = b.run(() => new Promise<number>((r) => (release = () => r(1))), always)
    await expect(b.run(async () => 2, always)).rejects.toBeInstanceOf(CircuitOpenError)
    release()
    expect(await trial).toBe(1)
    expect(b.state).toBe('closed')
    await expect(b.run(fail, always)).rejects.toThrow('x')
    now = 200
    await expect(b.run(fail, always)).rejects.toThrow('x')
    expect(b.state).toBe('open')
  })

  it('errors that are not failures (isFailure false) do not count', async () => {
    const b = new CircuitBreaker({ failures: 1, openMs: 100 })
    await expect(b.run(fail, () => false)).rejects.toThrow('x')
    expect(b.state).toBe('closed')
  })
})
