import type pg from 'pg'
import type { Role } from '../../shared/api/roles'
import type { RequestContext } from '../auth/actor'
import { APP_ROLE } from '../db/kysely'
import type { createTestDatabase } from '../test/database'

export type TestDb = Awaited<ReturnType<typeof createTestDatabase>>

/** A request context for a synthetic user in a municipality (null: national). */
export function testCtx(
  kommune: string | null,
  user: { userId?: string; name?: string; roles?: Role[] } = {},
): RequestContext {
  return {
    actor: {
      userId: user.userId ?? 'u-kari',
      name: user.name ?? 'Kari Testesen',
      kommune,
      roles: user.roles ?? (kommune ? ['tracer'] : ['operator']),
      sessionId: 'sess-1',
    },
    requestId: 'req-1',
    ip: '192.0.2.10',
  }
}

/**
 * Runs fn as the table owner. On PostgreSQL that is a separate connection; PGlite has one session
 * shared with the app's Kysely, so the role is switched back to the app role afterwards.
 */
export async function asOwner<T>(t: TestDb, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await (await t.ownerPool()).connect()
  try {
    await client.query('RESET ROLE')
    return await fn(client)
  } finally {
    if (t.kind === 'pglite') await client.query(`SET ROLE ${APP_ROLE}`)
    client.release()
  }
}

/** Runs statements as owner with the append-only trigger off (simulating a tampering DBA). */
export function tamper(t: TestDb, statements: (client: pg.PoolClient) => Promise<unknown>) {
  return asOwner(t, async (c) => {
    await c.query('alter table audit_log disable trigger audit_log_no_update_delete')
    try {
      await statements(c)
    } finally {
      await c.query('alter table audit_log enable trigger audit_log_no_update_delete')
    }
  })
}
