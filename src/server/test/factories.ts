import type { LightMyRequestResponse } from 'fastify'
import type { Role } from '../../shared/api/roles'
import type { Actor } from '../auth/actor'
import { createSession, loadAccess } from '../auth/sessions'
import type { Database } from '../db/kysely'
import type { App } from '../http/types'
import { randomSyntheticId } from '../seed/synthetic-id'

let userSeq = 0

export interface TestUser {
  id: string
  pid: string
  name: string
  roles: { role: Role; kommune?: string }[]
}

/** A staff user with the given roles (kommune roles need `kommune`; operator/fhi must not have one). */
export async function buildUser(
  db: Database,
  input: { roles: { role: Role; kommune?: string }[]; name?: string; pid?: string },
): Promise<TestUser> {
  userSeq++
  const pid = input.pid ?? randomSyntheticId()
  const name = input.name ?? `Testbruker ${userSeq}`
  const user = await db
    .insertInto('users')
    .values({ pid, name, email: `bruker${userSeq}@example.test` })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const r of input.roles)
    await db
      .insertInto('user_roles')
      .values({ user_id: user.id, role: r.role, kommune_code: r.kommune ?? null })
      .execute()
  return { id: user.id, pid, name, roles: input.roles }
}

export async function activateKommune(db: Database, code: string) {
  await db
    .updateTable('org_units')
    .set({ status: 'active', activated_at: new Date() })
    .where('code', '=', code)
    .execute()
}

export interface LoggedIn {
  user: TestUser
  actor: Actor
  headers: { cookie: string; 'x-csrf-token': string }
  inject: (opts: {
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
    url: string
    payload?: unknown
  }) => Promise<LightMyRequestResponse>
}

/**
 * A logged-in session for API tests without the OIDC dance (that is tested on its own in
 * auth.test.ts). `kommune` picks the active municipality when the user has several.
 */
export async function loginAs(app: App, user: TestUser, kommune?: string): Promise<LoggedIn> {
  const db = app.deps.db
  const access = await loadAccess(db, user.id)
  const { token, csrfToken } = await createSession(db, {
    userId: user.id,
    access,
    idpSid: null,
    idToken: null,
    ip: '127.0.0.1',
  })
  const headers = { cookie: `smittespor_session=${token}; csrf=${csrfToken}`, 'x-csrf-token': csrfToken }
  if (kommune) {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/session/active-kommune',
      headers,
      payload: { kommune },
    })
    if (res.statusCode !== 200) throw new Error(`could not select kommune ${kommune}: ${res.body}`)
  }
  const me = await app.inject({ method: 'GET', url: '/api/session', headers })
  const s = me.json()
  const actor: Actor = {
    userId: user.id,
    name: user.name,
    kommune: s.activeKommune?.code ?? null,
    roles: s.roles,
    sessionId: '',
  }
  return {
    user,
    actor,
    headers,
    inject: (opts) =>
      app.inject({ method: opts.method ?? 'GET', url: opts.url, payload: opts.payload as never, headers }),
  }
}
