/**
 * A small circuit breaker for an outside service: after `failures` transient failures in a row it
 * opens and refuses calls at once for `openMs`, so a FREG outage costs tracers no waiting and
 * Skatteetaten no extra load. Then one trial call is let through (half-open): success closes the
 * circuit, failure opens it again. Per process; several app instances each keep their own.
 */
export class CircuitOpenError extends Error {
  constructor() {
    super('circuit open')
  }
}

export type BreakerState = 'closed' | 'open' | 'half-open'

export class CircuitBreaker {
  private consecutive = 0
  private openedAt: number | null = null
  private trialRunning = false

  constructor(private readonly opts: { failures: number; openMs: number; now?: () => number }) {}

  private now() {
    return (this.opts.now ?? Date.now)()
  }

  get state(): BreakerState {
    if (this.openedAt === null) return 'closed'
    return this.now() - this.openedAt >= this.opts.openMs ? 'half-open' : 'open'
  }

  /**
   * Runs `fn` unless the circuit is open. `isFailure` says which errors count against the
   * service (a timeout does; "person not found" is a good answer and is not thrown at all).
   */
  async run<T>(fn: () => Promise<T>, isFailure: (err: unknown) => boolean): Promise<T> {
    const state = this.state
    if (state === 'open' || (state === 'half-open' && this.trialRunning)) throw new CircuitOpenError()
    const trial = state === 'half-open'
    if (trial) this.trialRunning = true
    try {
      const result = await fn()
      this.consecutive = 0
      this.openedAt = null
      return result
    } catch (err) {
      if (isFailure(err)) this.recordFailure(trial)
      else if (trial) this.openedAt = null
      throw err
    } finally {
      if (trial) this.trialRunning = false
    }
  }

  private recordFailure(trial: boolean) {
    this.consecutive++
    if (trial || this.consecutive >= this.opts.failures) this.openedAt = this.now()
  }
}
