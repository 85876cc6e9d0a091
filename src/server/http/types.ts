import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AppConfig } from '../config'
import type { Database } from '../db/kysely'
import type { JobRuntime } from '../jobs/runtime'

/** What every feature gets from buildApp: the database, config and app-wide switches. */
export interface AppDeps {
  db: Database
  config: AppConfig
  /** Background jobs (pg-boss): queue one, or (tests) run the queued ones with drain(). */
  jobs: JobRuntime
  /** Aggregate-only reads (REPORTING_DATABASE_URL, a replica); the primary when not set. */
  reportingDb: Database
  /** True once graceful shutdown began: readiness turns false first. */
  shuttingDown(): boolean
  markShuttingDown(): void
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>

export type AppPlugin = (app: App) => Promise<void>

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps
  }
}
