import { CircuitBreaker, CircuitOpenError } from './circuit-breaker'
import {
  type Fetch,
  FregUnavailableError,
  fetchWithTimeout,
  isTransient,
  readJson,
  statusError,
  withOneRetry,
} from './http'

export type FregFetchResult = { kind: 'found'; document: unknown } | { kind: 'not-found' }

export interface TokenSource {
  accessToken(): Promise<string>
  invalidate(): void
}

export interface FregClientSettings {
  baseUrl: string
  timeoutMs: number
  /** Default token source; a lookup on behalf of a municipality passes its own. */
  tokens?: TokenSource
  breaker: { failures: number; openMs: number }
  fetch?: Fetch
  now?: () => number
}

const PERSON_PATH = 'folkeregisteret/offentlig-med-hjemmel/api/v1/personer'

class TokenRejected extends Error {}

/**
 * Looks a person up in Folkeregisteret (`GET …/personer/{id}?part=person-basis`). Each request
 * has a timeout; a 5xx, a timeout or a network error is retried once; a 401 renews the
 * Maskinporten token and tries once more; repeated transient failures open the circuit breaker.
 * 404 is an answer ("not found"), not a failure.
 */
export class FregClient {
  readonly breaker: CircuitBreaker

  constructor(private readonly s: FregClientSettings) {
    this.breaker = new CircuitBreaker({ ...s.breaker, ...(s.now ? { now: s.now } : {}) })
  }

  async fetchPerson(nationalId: string, tokens = this.s.tokens): Promise<FregFetchResult> {
    if (!tokens) throw new Error('FregClient needs a token source')
    try {
      return await this.breaker.run(
        () =>
          withOneRetry(
            () => this.attempt(nationalId, tokens),
            (err) => err instanceof TokenRejected,
          ),
        isTransient,
      )
    } catch (err) {
      if (err instanceof CircuitOpenError)
        throw new FregUnavailableError('circuit-open', 'FREG lookups paused after repeated failures')
      if (err instanceof TokenRejected)
        throw new FregUnavailableError('auth', 'FREG refused the access token')
      throw err
    }
  }

  private async attempt(nationalId: string, tokens: TokenSource): Promise<FregFetchResult> {
    const token = await tokens.accessToken().catch((err) => {
      // The token client retries on its own; FREG's retry must not multiply that.
      throw err instanceof FregUnavailableError
        ? new FregUnavailableError(err.reason, err.message, true)
        : err
    })
    const url = `${this.s.baseUrl.replace(/\/$/, '')}/${PERSON_PATH}/${encodeURIComponent(nationalId)}?part=person-basis`
    const res = await fetchWithTimeout(
      this.s.fetch ?? globalThis.fetch,
      url,
      { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } },
      this.s.timeoutMs,
    )
    if (res.status === 404) {
      await res.body?.cancel()
      return { kind: 'not-found' }
    }
    if (res.status === 401) {
      await res.body?.cancel()
      tokens.invalidate()
      throw new TokenRejected()
    }
    if (!res.ok) {
      await res.body?.cancel()
      throw statusError(res.status, 'Folkeregisteret')
    }
    return { kind: 'found', document: await readJson(res) }
  }
}
