import type { FastifyBaseLogger } from 'fastify'
import { CompiledQuery, type Kysely } from 'kysely'
import PgBoss from 'pg-boss'
import type { AppConfig } from '../config'
import type { Database } from '../db/kysely'
import { JOB_SCHEMA } from './install'
import { municipalities } from './jobs.queries'
import type { JobData, JobDefinition, JobDeps, JobQueue, SendOptions } from './types'

const TIME_ZONE = 'Europe/Oslo'

/** pg-boss speaks to PostgreSQL through this: the app's own (guarded) pool, or a transaction. */
const executor = (db: Kysely<unknown>) => ({
  executeSql: async (text: string, values?: unknown[]) => {
    const r = await db.executeQuery(CompiledQuery.raw(text, values ?? []))
    return { rows: r.rows as Record<string, unknown>[] }
  },
})

/**
 * Every background job runs on pg-boss (issue 21): scheduled jobs (cron), the outbox and import
 * steps. Jobs live in PostgreSQL, so any instance may run any job and each runs once; a failed
 * job is retried with backoff and, after its last retry, copied to the dead-letter queue. Jobs
 * marked perKommune fan out: the scheduled run queues one job per municipality.
 *
 * pg-boss uses the app's connection pool (so it runs as the app role and works behind
 * PgBouncer, and on PGlite's single connection for `npm start`). Tests do not poll: they call
 * drain(), which runs every queued job in this process, one at a time, until none is left.
 */
export class JobRuntime implements JobQueue {
  /**
   * Queues, fetches and completes jobs; never started (nothing polls), so it needs no connection
   * of its own: on PGlite a send inside a transaction must not wait for the one connection.
   */
  private readonly client: PgBoss
  /** The polling, scheduling and maintaining instance (startWorkers). */
  private worker: PgBoss | null = null
  private readonly byName: Map<string, JobDefinition>
  private readonly deps: JobDeps

  constructor(
    private readonly options: {
      db: Database
      config: AppConfig
      definitions: JobDefinition[]
      log?: FastifyBaseLogger
    },
  ) {
    this.byName = new Map(options.definitions.map((d) => [d.name, d]))
    this.deps = { db: options.db, config: options.config, jobs: this }
    this.client = this.boss(false)
  }

  get definitions() {
    return [...this.byName.values()]
  }

  get config() {
    return this.options.config
  }

  /** Queues a job (in the caller's transaction with options.trx). Null: an equal one is already queued. */
  send(name: string, data: JobData, options: SendOptions = {}): Promise<string | null> {
    return this.client.send(name, data, {
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.trx ? { db: executor(options.trx as unknown as Kysely<unknown>) } : {}),
    })
  }

  /**
   * Polls every queue and registers the cron schedules (main.ts, JOBS_ENABLED). Several
   * instances may do this at once: pg-boss hands each job to one of them, and one instance's
   * clock tick queues each cron run.
   */
  async startWorkers(options: { pollingIntervalSeconds?: number } = {}) {
    if (this.worker) return
    const boss = this.boss(true)
    await boss.start()
    this.worker = boss
    for (const def of this.byName.values()) {
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: TIME_ZONE })
      await boss.work<JobData>(
        def.name,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
        async ([job]) => (job ? this.handle(def, job.data) : undefined),
      )
    }
  }

  /** Queues a scheduled job's run now (tests and operators; the cron does the same). */
  trigger(name: string) {
    return this.send(name, {})
  }

  /**
   * Runs queued jobs in this process until none is left (tests: deterministic, no polling).
   * A job that fails is marked failed as a worker would (so it retries later, after its delay).
   * Returns what ran, in order.
   */
  async drain(
    names?: string[],
  ): Promise<{ name: string; data: JobData; result?: unknown; error?: string }[]> {
    const queues = names ?? [...this.byName.keys()]
    const ran: { name: string; data: JobData; result?: unknown; error?: string }[] = []
    for (let progress = true; progress; ) {
      progress = false
      for (const name of queues) {
        const def = this.byName.get(name)
        if (!def) throw new Error(`unknown job ${name}`)
        for (const job of await this.client.fetch<JobData>(name, { batchSize: 1 })) {
          progress = true
          try {
            const result = await this.handle(def, job.data)
            await this.client.complete(name, job.id, result)
            ran.push({ name, data: job.data, result })
          } catch (err) {
            await this.client.fail(name, job.id, { message: (err as Error).message })
            ran.push({ name, data: job.data, error: (err as Error).message })
          }
        }
      }
    }
    return ran
  }

  /** Stops polling; waits (up to 30 s) for running jobs to finish their transactions. */
  async stop() {
    const boss = this.worker
    this.worker = null
    await boss?.stop({ graceful: true, wait: true, close: false, timeout: 30_000 })
  }

  private async handle(def: JobDefinition, data: JobData) {
    if (def.perKommune && !data?.kommune) return this.fanOut(def)
    const started = Date.now()
    try {
      const result = await def.run(this.deps, data ?? {})
      this.options.log?.info(
        { job: def.name, kommune: data.kommune, ms: Date.now() - started, result },
        'job done',
      )
      return result
    } catch (err) {
      this.options.log?.error({ job: def.name, kommune: data?.kommune, err }, 'job failed')
      throw err
    }
  }

  /** One job per municipality; one already queued for a municipality is not queued twice. */
  private async fanOut(def: JobDefinition) {
    const kommuner = await municipalities(this.options.db, def.perKommune!)
    let queued = 0
    for (const code of kommuner)
      if (await this.send(def.name, { kommune: code }, { singletonKey: code })) queued++
    return { kommuner: kommuner.length, queued }
  }

  private boss(workers: boolean) {
    const boss = new PgBoss({
      db: executor(this.options.db as unknown as Kysely<unknown>),
      schema: JOB_SCHEMA,
      migrate: false,
      // The instance that polls also schedules and maintains (expiry, retention of finished jobs).
      supervise: workers,
      schedule: workers,
    })
    boss.on('error', (err) => this.options.log?.error({ err }, 'pg-boss'))
    return boss
  }
}
