import type { MunicipalRole, UserStatus } from '../../../shared/api/users'
import { MUNICIPAL_ROLE_ORDER } from '../../../shared/api/users'
import type { MessageKey } from '../../i18n'

export const ROLES = MUNICIPAL_ROLE_ORDER

export const roleLabel = (role: MunicipalRole): MessageKey => `users.role.${role}`
export const statusLabel = (status: UserStatus): MessageKey => `users.status.${status}`

export const statusColor: Record<UserStatus, 'success' | 'neutral' | 'warning'> = {
  active: 'success',
  deactivated: 'neutral',
  expired: 'warning',
}

/** Why access ended: the automatic 90-day rule, an Administrator, or a role change. */
export function reasonLabel(reason: string | null): MessageKey | null {
  if (reason === 'inactive-90-days') return 'users.reason.inactive'
  if (reason === 'deactivated') return 'users.reason.deactivated'
  if (reason === 'changed') return 'users.reason.changed'
  return null
}

/** ISO instant → local date and time (Europe/Oslo). */
export function formatDateTime(iso: string | null, locale: string): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(new Date(iso))
}

/** 'yyyy-mm-dd' → the locale's short date, without time-zone shifts. */
export function formatDay(date: string | null, locale: string): string {
  if (!date) return ''
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  )
}

/** Roles as a readable list, always in the same order (admin, tracer, report). */
export function rolesText(roles: readonly MunicipalRole[], t: (key: MessageKey) => string): string {
  return ROLES.filter((r) => roles.includes(r))
    .map((r) => t(roleLabel(r)))
    .join(', ')
}
