import { sql } from 'kysely'
import { z } from 'zod'
import { pendingMigrations } from '../../db/migrate'
import type { AppPlugin } from '../../http/types'

const healthSchema = z.object({ status: z.literal('ok') })
const readySchema = z.object({
  status: z.enum(['ready', 'not-ready']),
  database: z.enum(['ok', 'unreachable']),
  pendingMigrations: z.array(z.string()),
})

/** Liveness (process is up) and readiness (database reachable, schema current, not shutting down). */
export const healthRoutes: AppPlugin = async (app) => {
  app.get('/api/health', { schema: { tags: ['drift'], response: { 200: healthSchema } } }, async () => ({
    status: 'ok' as const,
  }))

  app.get(
    '/api/ready',
    { schema: { tags: ['drift'], response: { 200: readySchema, 503: readySchema } } },
    async (_req, reply) => {
      let database: 'ok' | 'unreachable' = 'ok'
      let pending: string[] = []
      try {
        await sql`select 1`.execute(app.deps.db)
        pending = await pendingMigrations(app.deps.db)
      } catch {
        database = 'unreachable'
      }
      const ready = database === 'ok' && pending.length === 0 && !app.deps.shuttingDown()
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not-ready', database, pendingMigrations: pending })
    },
  )
}
