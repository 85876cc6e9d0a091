import type { AccessReviewRow, RoleGrant, UserDetail, UserSummary } from '../../../shared/api/users'
import { maskNationalId } from '../../../shared/domain/nationalId'
import type { GrantRow, MemberRow, ReviewRow } from './users.queries'

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

export function presentMember(m: MemberRow): UserSummary {
  return {
    id: m.id,
    name: m.name,
    email: m.email,
    nationalIdMasked: maskNationalId(m.pid),
    roles: m.roles,
    validTo: m.valid_to,
    status: m.status,
    deactivatedReason:
      m.status !== 'deactivated'
        ? null
        : m.user_status === 'deactivated'
          ? (m.deactivated_reason ?? 'deactivated')
          : (m.last_revoke_reason ?? 'deactivated'),
    lastLoginAt: iso(m.last_login_at),
    version: m.version,
  }
}

export function presentGrant(g: GrantRow): RoleGrant {
  return {
    id: g.id,
    role: g.role,
    validFrom: g.valid_from,
    validTo: g.valid_to,
    grantedAt: iso(g.granted_at)!,
    grantedBy: g.granted_by_name,
    revokedAt: iso(g.revoked_at),
    revokedBy: g.revoked_by_name,
    revokeReason: g.revoke_reason,
  }
}

export const presentDetail = (m: MemberRow, grants: GrantRow[]): UserDetail => ({
  ...presentMember(m),
  history: grants.map(presentGrant),
})

export const presentReviewRow = (r: ReviewRow): AccessReviewRow => ({
  ...presentGrant(r),
  userId: r.user_id,
  name: r.name,
  nationalIdMasked: maskNationalId(r.pid),
})

/** What the audit log compares before and after a change. */
export const auditView = (m: MemberRow | undefined) =>
  m
    ? { name: m.name, email: m.email, roles: [...m.roles].sort(), validTo: m.valid_to, status: m.status }
    : null
