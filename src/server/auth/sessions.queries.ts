import { sql } from 'kysely'
import type { Database } from '../db/kysely'
import type { Trx } from '../db/tenant'
import { forgetSessions } from './session-cache'

type Db = Database | Trx

export async function insertSession(
  db: Db,
  s: {
    id: string
    userId: string
    activeKommune: string | null
    csrfToken: string
    idpSid: string | null
    idToken: string | null
    ip: string
    expiresAt: Date
  },
) {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      active_kommune: s.activeKommune,
      csrf_token: s.csrfToken,
      idp_sid: s.idpSid,
      id_token: s.idToken,
      ip: s.ip,
      expires_at: s.expiresAt,
    })
    .execute()
}

/**
 * The session with its user and the user's current role grants, in one round trip (this runs on
 * every API request), if neither the idle nor the absolute limit has passed.
 */
export async function findLiveSession(db: Db, id: string, idleMinutes: number) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      's.active_kommune',
      's.csrf_token',
      's.last_seen_at',
      's.idp_sid',
      's.id_token',
      'u.name',
      'u.status',
      sql<RoleRow[]>`coalesce((
        select json_agg(json_build_object('role', r.role, 'kommune_code', r.kommune_code,
                 'kommune_name', k.short_name, 'kommune_status', k.status) order by r.kommune_code)
          from user_roles r left join org_units k on k.code = r.kommune_code
         where r.user_id = s.user_id and r.revoked_at is null and r.valid_from <= current_date
           and (r.valid_to is null or r.valid_to >= current_date)), '[]'::json)`.as('roles'),
      // What a cached copy of this session is checked against (session-cache.ts, migration 0024).
      sql<string>`app_session_fingerprint(s.id, ${idleMinutes})`.as('fingerprint'),
    ])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('s.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .executeTakeFirst()
}

export interface RoleRow {
  role: 'operator' | 'admin' | 'tracer' | 'report' | 'fhi'
  kommune_code: string | null
  kommune_name: string | null
  kommune_status: 'active' | 'inactive' | 'retired' | null
}

export async function touchSession(db: Db, id: string) {
  await db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('id', '=', id).execute()
}

export async function setActiveKommune(db: Db, id: string, kommune: string | null) {
  forgetSessions(id)
  await db.updateTable('sessions').set({ active_kommune: kommune }).where('id', '=', id).execute()
}

export async function deleteSession(db: Db, id: string) {
  forgetSessions(id)
  return db.deleteFrom('sessions').where('id', '=', id).returning(['user_id', 'id_token']).executeTakeFirst()
}

export async function deleteSessionsByIdpSid(db: Db, sid: string) {
  forgetSessions()
  return db.deleteFrom('sessions').where('idp_sid', '=', sid).returning(['id', 'user_id']).execute()
}

export async function deleteExpiredSessions(db: Db, idleMinutes: number) {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', sql<Date>`now()`),
        eb('last_seen_at', '<=', sql<Date>`now() - make_interval(mins => ${idleMinutes})`),
      ]),
    )
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}

/** Active role grants of a user today: national roles and roles per municipality. */
export async function listActiveRoles(db: Db, userId: string) {
  return db
    .selectFrom('user_roles as r')
    .leftJoin('org_units as k', 'k.code', 'r.kommune_code')
    .select(['r.role', 'r.kommune_code', 'k.short_name as kommune_name', 'k.status as kommune_status'])
    .where('r.user_id', '=', userId)
    .where('r.revoked_at', 'is', null)
    .where('r.valid_from', '<=', sql<string>`current_date`)
    .where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>=', sql<string>`current_date`)]))
    .orderBy('r.kommune_code')
    .execute()
}

export async function findUserByPid(db: Db, pid: string) {
  return db.selectFrom('users').select(['id', 'name', 'status']).where('pid', '=', pid).executeTakeFirst()
}

export async function recordLogin(db: Db, userId: string) {
  await db.updateTable('users').set({ last_login_at: sql`now()` }).where('id', '=', userId).execute()
}
