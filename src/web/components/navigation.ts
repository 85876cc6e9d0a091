import type { Role } from '../../shared/api/roles'
import type { MessageKey } from '../i18n'

export interface NavItem {
  to: string
  label: MessageKey
  /** Active only on an exact match (the start page). */
  end?: boolean
  /** Shown only to users holding one of these roles now (the server checks again). */
  roles?: readonly Role[]
}

/** Primary navigation. Features add their entry here (kept as data so the header stays simple). */
export const navItems: NavItem[] = [
  { to: '/', label: 'nav.start', end: true },
  { to: '/organisasjon', label: 'nav.orgUnits' },
  { to: '/arbeidslister', label: 'nav.worklists', roles: ['tracer', 'admin'] },
  { to: '/saker', label: 'nav.cases', roles: ['tracer', 'admin'] },
  { to: '/personer', label: 'nav.persons', roles: ['tracer', 'admin'] },
  { to: '/hendelser', label: 'nav.events', roles: ['tracer', 'admin'] },
  { to: '/smittekjeder', label: 'nav.chains', roles: ['tracer', 'admin'] },
  { to: '/overforinger', label: 'nav.transfers', roles: ['tracer', 'admin'] },
  { to: '/folkeregister', label: 'nav.freg', roles: ['tracer', 'admin'] },
  { to: '/feilmeldinger', label: 'nav.flags', roles: ['admin'] },
  { to: '/oppfolging', label: 'nav.followUpToday', roles: ['tracer', 'admin'] },
  { to: '/tiltak', label: 'nav.measures', roles: ['tracer', 'admin'] },
  { to: '/import', label: 'nav.imports', roles: ['tracer', 'admin'] },
  { to: '/eksport', label: 'nav.export', roles: ['tracer', 'admin'] },
  { to: '/regelsett', label: 'nav.ruleSets', roles: ['operator'] },
  { to: '/brukere', label: 'nav.users', roles: ['admin'] },
  { to: '/tilgangsgjennomgang', label: 'nav.accessReview', roles: ['admin'] },
  { to: '/oppstart', label: 'nav.onboarding', roles: ['admin', 'tracer', 'report'] },
  { to: '/dashbord', label: 'nav.dashboard', roles: ['tracer', 'admin', 'report'] },
  { to: '/ukesrapport', label: 'nav.weeklyReport', roles: ['tracer', 'admin', 'report'] },
  { to: '/nasjonal-oversikt', label: 'nav.national', roles: ['fhi', 'operator'] },
  { to: '/api-klienter', label: 'nav.apiClients', roles: ['operator'] },
  { to: '/kommuner', label: 'nav.kommuner', roles: ['operator'] },
  { to: '/sikkerhetslogg', label: 'nav.auditLog', roles: ['admin'] },
  { to: '/oppbevaring', label: 'nav.retention', roles: ['admin'] },
  { to: '/sikkerhetslogg/integritet', label: 'nav.auditIntegrity', roles: ['operator'] },
]

/** The entries a user with `roles` sees: open ones, and those for one of their roles. */
export function visibleNavItems(roles: readonly Role[]): NavItem[] {
  return navItems.filter((item) => !item.roles || item.roles.some((r) => roles.includes(r)))
}
