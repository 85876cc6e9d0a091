import type { FregUnavailableReason } from '../../../shared/api/freg'

/** FREG or Maskinporten could not give an answer; `reason` tells the tracer why. */
export class FregUnavailableError extends Error {
  constructor(
    readonly reason: FregUnavailableReason,
    message: string,
    /** Already retried further down (e.g. the token request): no retry on top. */
    readonly retried = false,
  ) {
    super(message)
  }
}

/** Reasons worth one more try (and that count against the circuit breaker). */
export const TRANSIENT: ReadonlySet<FregUnavailableReason> = new Set(['timeout', 'server-error', 'network'])

export const isTransient = (err: unknown) => err instanceof FregUnavailableError && TRANSIENT.has(err.reason)

export type Fetch = typeof globalThis.fetch

/**
 * One HTTP call with a hard timeout; network errors and timeouts become FregUnavailableError.
 * The caller decides what the status code means.
 */
export async function fetchWithTimeout(
  fetchImpl: Fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<Response> {
  try {
    return await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
  } catch (err) {
    const name = (err as { name?: string }).name
    if (name === 'TimeoutError' || name === 'AbortError')
      throw new FregUnavailableError('timeout', `no answer within ${timeoutMs} ms`)
    throw new FregUnavailableError('network', 'could not connect')
  }
}

/** Reads a body within the same kind of deadline (a server may stall after the headers). */
export async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json()
  } catch (err) {
    const name = (err as { name?: string }).name
    if (name === 'TimeoutError' || name === 'AbortError')
      throw new FregUnavailableError('timeout', 'body timed out')
    throw new FregUnavailableError('bad-response', 'the answer was not JSON')
  }
}

/** 5xx is the server's trouble (retry); 429 asks us to slow down (no retry). */
export function statusError(status: number, what: string): FregUnavailableError {
  if (status >= 500) return new FregUnavailableError('server-error', `${what} answered ${status}`)
  if (status === 429) return new FregUnavailableError('rate-limited', `${what} answered 429`)
  if (status === 403) return new FregUnavailableError('forbidden', `${what} answered 403`)
  return new FregUnavailableError('bad-response', `${what} answered ${status}`)
}

/** Runs `attempt`, and once more if it failed transiently (5xx, timeout, network). */
export async function withOneRetry<T>(
  attempt: () => Promise<T>,
  retryAlso?: (err: unknown) => boolean,
): Promise<T> {
  try {
    return await attempt()
  } catch (err) {
    const retry = (isTransient(err) && !(err as FregUnavailableError).retried) || retryAlso?.(err)
    if (!retry) throw err
    return attempt()
  }
}
