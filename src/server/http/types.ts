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

/** What every feature gets from buildApp: the database, config and app-wide switches. */
export interface AppDeps {
  db: Database
  config: AppConfig
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
