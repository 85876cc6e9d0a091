import { createHash, randomBytes } from 'node:crypto'
import type { Role } from '../../shared/api/roles'
import { NATIONAL_ROLES } from '../../shared/api/roles'
import type { Database } from '../db/kysely'
import type { Actor } from './actor'
import * as q from './sessions.queries'

/** Idle timeout and absolute limit (SPEC §2). */
export const SESSION_IDLE_MINUTES = 30
export const SESSION_ABSOLUTE_HOURS = 10
/** Refresh last_seen at most this often, so reads do not each cost a write. */
const TOUCH_AFTER_MS = 60_000

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
const randomToken = () => randomBytes(32).toString('base64url')

export interface Membership {
  kommune: string
  kommuneName: string
  kommuneActive: boolean
  roles: Role[]
}

export interface UserAccess {
  nationalRoles: Role[]
  memberships: Membership[]
}

/** Groups a user's active grants into national roles and per-municipality memberships. */
export async function loadAccess(db: Database, userId: string): Promise<UserAccess> {
  return groupAccess(await q.listActiveRoles(db, userId))
}

function groupAccess(rows: q.RoleRow[]): UserAccess {
  const nationalRoles: Role[] = []
  const byKommune = new Map<string, Membership>()
  for (const r of rows) {
    if (!r.kommune_code) {
      nationalRoles.push(r.role)
      continue
    }
    let m = byKommune.get(r.kommune_code)
    if (!m) {
      m = {
        kommune: r.kommune_code,
        kommuneName: r.kommune_name ?? r.kommune_code,
        kommuneActive: r.kommune_status === 'active',
        roles: [],
      }
      byKommune.set(r.kommune_code, m)
    }
    m.roles.push(r.role)
  }
  return { nationalRoles, memberships: [...byKommune.values()] }
}

export const hasAnyAccess = (a: UserAccess) => a.nationalRoles.length > 0 || a.memberships.length > 0

/**
 * Starts a fresh session (a new id at every login, so a pre-login id can never be fixated).
 * With exactly one municipality it becomes active at once; with several the user picks.
 */
export async function createSession(
  db: Database,
  input: { userId: string; access: UserAccess; idpSid: string | null; idToken: string | null; ip: string },
) {
  const token = randomToken()
  const csrfToken = randomToken()
  const only = input.access.memberships.length === 1 ? input.access.memberships[0]!.kommune : null
  await q.insertSession(db, {
    id: hashToken(token),
    userId: input.userId,
    activeKommune: only,
    csrfToken,
    idpSid: input.idpSid,
    idToken: input.idToken,
    ip: input.ip,
    expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_HOURS * 3600_000),
  })
  await q.recordLogin(db, input.userId)
  return { token, csrfToken }
}

export interface ResolvedSession {
  actor: Actor
  access: UserAccess
  csrfToken: string
  idToken: string | null
  /** Hash of what the actor is built from (migration 0024): a cached copy is checked against it. */
  fingerprint: string
}

/** Looks up the session behind a cookie token and builds the actor; null when absent or expired. */
export async function resolveSession(db: Database, token: string): Promise<ResolvedSession | null> {
  return resolveSessionById(db, hashToken(token))
}

/** As resolveSession, by the stored (hashed) session id. */
export async function resolveSessionById(db: Database, id: string): Promise<ResolvedSession | null> {
  const s = await q.findLiveSession(db, id, SESSION_IDLE_MINUTES)
  if (s?.status !== 'active') return null
  if (Date.now() - new Date(s.last_seen_at).getTime() > TOUCH_AFTER_MS) await q.touchSession(db, id)
  const access = groupAccess(s.roles)
  const membership = access.memberships.find((m) => m.kommune === s.active_kommune)
  const roles = [...access.nationalRoles, ...(membership?.roles ?? [])]
  return {
    actor: {
      userId: s.user_id,
      name: s.name,
      kommune: membership ? membership.kommune : null,
      roles,
      sessionId: id,
    },
    access,
    csrfToken: s.csrf_token,
    idToken: s.id_token,
    fingerprint: s.fingerprint,
  }
}

export const isNationalRole = (r: Role) => NATIONAL_ROLES.includes(r)
