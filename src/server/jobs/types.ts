import type { AppConfig } from '../config'
import type { Database } from '../db/kysely'
import type { Trx } from '../db/tenant'

/** What a job handler gets: the database, the config and the queue (to queue follow-up jobs). */
export interface JobDeps {
  db: Database
  config: AppConfig
  jobs: JobQueue
}

export type JobData = { kommune?: string } & Record<string, unknown>

export interface JobDefinition {
  /** Queue name, e.g. 'measures.status'. */
  name: string
  /** When it runs (cron in Europe/Oslo). Without: only when something queues it (imports.step). */
  cron?: string
  /**
   * The scheduled run only queues one job per municipality (`{ kommune }`), so several
   * instances share the work and one municipality's failure is retried on its own.
   * 'active': active municipalities; 'not-inactive': also those being onboarded.
   */
  perKommune?: 'active' | 'not-inactive'
  /** Retries after a failure (default 3), with exponential backoff from retryDelay seconds (30). */
  retryLimit?: number
  retryDelay?: number
  /** A run still active after this long counts as dead (its instance crashed) and is retried. */
  expireInSeconds?: number
  run(deps: JobDeps, data: JobData): Promise<Record<string, unknown>>
}

export interface SendOptions {
  /** At most one queued and one running job per key (the queue policy is 'stately'). */
  singletonKey?: string
  /** Queue in this transaction: the job exists only if the transaction commits. */
  trx?: Trx
}

export interface JobQueue {
  send(name: string, data: JobData, options?: SendOptions): Promise<string | null>
}
