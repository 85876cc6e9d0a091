import { sql } from 'kysely'
import type { MunicipalRole, UserStatus } from '../../../shared/api/users'
import { forgetSessions } from '../../auth/session-cache'
import type { Database } from '../../db/kysely'
import type { Trx } from '../../db/tenant'

type Db = Database | Trx

/** A user as seen from one municipality: global fields plus the grants held there. */
export interface MemberRow {
  id: string
  pid: string
  name: string
  email: string | null
  user_status: 'active' | 'deactivated'
  deactivated_reason: string | null
  last_revoke_reason: string | null
  last_login_at: Date | null
  version: number
  roles: MunicipalRole[]
  valid_to: string | null
  status: UserStatus
  total: number
}

/**
 * Everyone who holds or has held a role in the municipality, with today's roles and a status:
 * deactivated (the user, or every grant here revoked), active (a role applies today) or expired
 * (unrevoked grants whose end date has passed).
 */
function membersCte(kommune: string) {
  return sql`
    with m as (
      select u.id, u.pid, u.name, u.email, u.status as user_status, u.deactivated_reason,
             u.last_login_at, u.version,
             coalesce(array_agg(r.role order by r.role) filter (
               where r.revoked_at is null and r.valid_from <= current_date
                 and (r.valid_to is null or r.valid_to >= current_date)), '{}') as roles,
             max(r.valid_to) filter (where r.revoked_at is null) as valid_to,
             bool_or(r.revoked_at is null) as has_unrevoked,
             (array_agg(r.revoke_reason order by r.revoked_at desc)
                filter (where r.revoked_at is not null))[1] as last_revoke_reason
        from users u
        join user_roles r on r.user_id = u.id and r.kommune_code = ${kommune}
       group by u.id
    ), s as (
      select m.*,
             case when m.user_status = 'deactivated' then 'deactivated'
                  when cardinality(m.roles) > 0 then 'active'
                  when m.has_unrevoked then 'expired'
                  else 'deactivated' end as status
        from m
    )`
}

export interface MemberFilter {
  q?: string | undefined
  role?: MunicipalRole | undefined
  status?: UserStatus | undefined
  limit: number
  offset: number
}

export async function listMembers(db: Db, kommune: string, f: MemberFilter): Promise<MemberRow[]> {
  const q = f.q?.trim()
  const pidQuery = q && /^\d{11}$/.test(q.replace(/\s/g, '')) ? q.replace(/\s/g, '') : null
  const res = await sql<MemberRow>`${membersCte(kommune)}
    select s.*, count(*) over ()::int as total from s
     where true
       ${f.role ? sql`and ${f.role} = any(s.roles)` : sql``}
       ${f.status ? sql`and s.status = ${f.status}` : sql``}
       ${pidQuery ? sql`and s.pid = ${pidQuery}` : q ? sql`and (s.name ilike ${`%${q}%`} or s.email ilike ${`%${q}%`})` : sql``}
     order by s.name, s.id
     limit ${f.limit} offset ${f.offset}`.execute(db)
  return res.rows
}

export async function findMember(db: Db, kommune: string, userId: string): Promise<MemberRow | undefined> {
  const res = await sql<MemberRow>`${membersCte(kommune)}
    select s.*, 1 as total from s where s.id = ${userId}`.execute(db)
  return res.rows[0]
}

export interface GrantRow {
  id: string
  user_id: string
  role: MunicipalRole
  valid_from: string
  valid_to: string | null
  granted_at: Date
  granted_by_name: string | null
  revoked_at: Date | null
  revoked_by_name: string | null
  revoke_reason: string | null
}

/** Grants in a municipality with the names of who granted and revoked them. */
function grantsQuery(db: Db, kommune: string) {
  return db
    .selectFrom('user_roles as r')
    .leftJoin('users as g', 'g.id', 'r.granted_by')
    .leftJoin('users as v', 'v.id', 'r.revoked_by')
    .select([
      'r.id',
      'r.user_id',
      'r.role',
      'r.valid_from',
      'r.valid_to',
      'r.granted_at',
      'g.name as granted_by_name',
      'r.revoked_at',
      'v.name as revoked_by_name',
      'r.revoke_reason',
    ])
    .where('r.kommune_code', '=', kommune)
}

export async function listUserGrants(db: Db, kommune: string, userId: string) {
  return (await grantsQuery(db, kommune)
    .where('r.user_id', '=', userId)
    .orderBy('r.granted_at', 'desc')
    .orderBy('r.role')
    .execute()) as GrantRow[]
}

export type ReviewRow = GrantRow & { name: string; pid: string }

/** The access review: every grant in force at some time within [from, to]. */
export async function listGrantsForReview(
  db: Db,
  kommune: string,
  period: { from: string | null; to: string | null },
): Promise<ReviewRow[]> {
  const rows = await grantsQuery(db, kommune)
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.name', 'u.pid'])
    .$if(!!period.to, (qb) => qb.where('r.valid_from', '<=', period.to!))
    .$if(!!period.from, (qb) =>
      qb
        .where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>=', period.from!)]))
        .where((eb) =>
          eb.or([
            eb('r.revoked_at', 'is', null),
            eb(sql<string>`(r.revoked_at at time zone 'Europe/Oslo')::date`, '>=', period.from!),
          ]),
        ),
    )
    .orderBy('u.name')
    .orderBy('u.id')
    .orderBy('r.granted_at')
    .orderBy('r.role')
    .limit(20_000)
    .execute()
  return rows as ReviewRow[]
}

/** Unrevoked grants of a user in a municipality (today's, expired and future ones). */
export async function listOpenGrants(db: Db, kommune: string, userId: string) {
  return (await db
    .selectFrom('user_roles')
    .select(['id', 'role', 'valid_from', 'valid_to'])
    .where('kommune_code', '=', kommune)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute()) as { id: string; role: MunicipalRole; valid_from: string; valid_to: string | null }[]
}

export async function revokeGrants(db: Db, ids: string[], by: string, reason: string) {
  if (ids.length === 0) return
  forgetSessions()
  await db
    .updateTable('user_roles')
    .set({ revoked_at: sql`now()`, revoked_by: by, revoke_reason: reason })
    .where('id', 'in', ids)
    .where('revoked_at', 'is', null)
    .execute()
}

export async function insertGrants(
  db: Db,
  g: { userId: string; kommune: string; roles: MunicipalRole[]; validTo: string | null; by: string },
) {
  if (g.roles.length === 0) return
  forgetSessions()
  await db
    .insertInto('user_roles')
    .values(
      g.roles.map((role) => ({
        user_id: g.userId,
        role,
        kommune_code: g.kommune,
        valid_to: g.validTo,
        granted_by: g.by,
      })),
    )
    .execute()
}

/** The roles revoked together by the latest deactivation in the municipality. */
export async function rolesOfLastDeactivation(db: Db, kommune: string, userId: string) {
  const rows = await sql<{ role: MunicipalRole; valid_to: string | null }>`
    select role, valid_to from user_roles
     where kommune_code = ${kommune} and user_id = ${userId} and revoke_reason = 'deactivated'
       and revoked_at = (select max(revoked_at) from user_roles
                          where kommune_code = ${kommune} and user_id = ${userId}
                            and revoke_reason = 'deactivated')
     order by role`.execute(db)
  return rows.rows
}

export async function findUserByPid(db: Db, pid: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'status', 'version'])
    .where('pid', '=', pid)
    .forUpdate()
    .executeTakeFirst()
}

/** Inserts a user; on a concurrent insert of the same pid, returns nothing (the caller re-reads). */
export async function insertUser(db: Db, u: { pid: string; name: string; email: string; createdBy: string }) {
  return db
    .insertInto('users')
    .values({ pid: u.pid, name: u.name, email: u.email, created_by: u.createdBy })
    .onConflict((oc) => oc.column('pid').doNothing())
    .returning(['id', 'name', 'email', 'status', 'version'])
    .executeTakeFirst()
}

/**
 * Optimistic lock: bumps the version only if it is still `version`, and applies `set`. Returns
 * nothing when someone else changed the user in between.
 */
export async function bumpUser(
  db: Db,
  id: string,
  version: number,
  set: {
    name?: string
    email?: string
    status?: 'active' | 'deactivated'
    deactivated_at?: Date | null
    deactivated_reason?: string | null
    reactivate?: boolean
  } = {},
) {
  const { reactivate, ...fields } = set
  forgetSessions()
  return db
    .updateTable('users')
    .set({
      ...fields,
      ...(reactivate
        ? { status: 'active', deactivated_at: null, deactivated_reason: null, reactivated_at: sql`now()` }
        : {}),
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'version'])
    .executeTakeFirst()
}

export async function kommuneName(db: Db, code: string) {
  const row = await db
    .selectFrom('org_units')
    .select('short_name')
    .where('code', '=', code)
    .executeTakeFirst()
  return row?.short_name ?? code
}

/** Municipalities where the user holds a role today (for auditing a change in each of them). */
export async function activeKommunerOf(db: Db, userId: string) {
  const rows = await db
    .selectFrom('user_roles')
    .select('kommune_code')
    .distinct()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('kommune_code', 'is not', null)
    .execute()
  return rows.map((r) => r.kommune_code!)
}

/** Active users whose last sign of use (login, creation or reactivation) is older than `days`. */
function inactiveSince(days: number) {
  return sql<boolean>`greatest(last_login_at, reactivated_at, created_at) < now() - make_interval(days => ${days})`
}

export async function listInactiveUsers(db: Db, days: number) {
  return db
    .selectFrom('users')
    .select(['id', 'last_login_at'])
    .where('status', '=', 'active')
    .where(inactiveSince(days))
    .orderBy('id')
    .execute()
}

/** Deactivates the user if still active and still inactive (re-checked under the row lock). */
export async function deactivateIfInactive(db: Db, id: string, days: number, reason: string) {
  forgetSessions()
  return db
    .updateTable('users')
    .set({
      status: 'deactivated',
      deactivated_at: sql`now()`,
      deactivated_reason: reason,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .where(inactiveSince(days))
    .returning(['id'])
    .executeTakeFirst()
}
