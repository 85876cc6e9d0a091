import { allows, type Subject } from '../../shared/policy/allows'
import type { Action } from '../../shared/policy/rules'
import type { MessageKey } from '../i18n'

export interface NavItem {
  to: string
  label: MessageKey
  /** Active only on an exact match (the start page). */
  end?: boolean
  /**
   * Shown only to users the rules table allows this action: the one the page's guard (`RequireCan`)
   * asks, so the menu never offers a page that would answer "no access". Open entries have none.
   */
  action?: Action
  /** The menu group (issue 26); Start and Organisasjon stand alone. */
  group?: NavGroup
}

export type NavGroup = 'casework' | 'followup' | 'reports' | 'admin'
export const NAV_GROUPS: { id: NavGroup; label: MessageKey }[] = [
  { id: 'casework', label: 'nav.group.casework' },
  { id: 'followup', label: 'nav.group.followup' },
  { id: 'reports', label: 'nav.group.reports' },
  { id: 'admin', label: 'nav.group.admin' },
]

/** Primary navigation. Features add their entry here (kept as data so the header stays simple). */
export const navItems: NavItem[] = [
  { to: '/', label: 'nav.start', end: true },
  { to: '/organisasjon', label: 'nav.orgUnits' },
  { to: '/arbeidslister', label: 'nav.worklists', action: 'case.read', group: 'casework' },
  { to: '/saker', label: 'nav.cases', action: 'case.read', group: 'casework' },
  { to: '/personer', label: 'nav.persons', action: 'person.read', group: 'casework' },
  { to: '/hendelser', label: 'nav.events', action: 'event.read', group: 'casework' },
  { to: '/smittekjeder', label: 'nav.chains', action: 'case.read', group: 'casework' },
  { to: '/overforinger', label: 'nav.transfers', action: 'transfer.manage', group: 'casework' },
  { to: '/folkeregister', label: 'nav.freg', action: 'freg.lookup', group: 'casework' },
  { to: '/feilmeldinger', label: 'nav.flags', action: 'flag.resolve', group: 'casework' },
  { to: '/oppfolging', label: 'nav.followUpToday', action: 'measure.read', group: 'followup' },
  { to: '/tiltak', label: 'nav.measures', action: 'measure.read', group: 'followup' },
  { to: '/import', label: 'nav.imports', action: 'import.run', group: 'reports' },
  { to: '/eksport', label: 'nav.export', action: 'export.run', group: 'reports' },
  // Everyone may read the rule sets (the page opens for them), but the menu entry is the operator's tool.
  { to: '/regelsett', label: 'nav.ruleSets', action: 'rulesets.manage', group: 'admin' },
  { to: '/brukere', label: 'nav.users', action: 'user.manage', group: 'admin' },
  { to: '/tilgangsgjennomgang', label: 'nav.accessReview', action: 'user.manage', group: 'admin' },
  { to: '/oppstart', label: 'nav.onboarding', action: 'onboarding.read', group: 'admin' },
  { to: '/dashbord', label: 'nav.dashboard', action: 'report.read', group: 'reports' },
  { to: '/ukesrapport', label: 'nav.weeklyReport', action: 'report.read', group: 'reports' },
  { to: '/nasjonal-oversikt', label: 'nav.national', action: 'report.national', group: 'reports' },
  { to: '/api-klienter', label: 'nav.apiClients', action: 'apiclient.manage', group: 'admin' },
  { to: '/kommuner', label: 'nav.kommuner', action: 'onboarding.manage', group: 'admin' },
  { to: '/sikkerhetslogg', label: 'nav.auditLog', action: 'audit.read', group: 'admin' },
  { to: '/oppbevaring', label: 'nav.retention', action: 'retention.manage', group: 'admin' },
  { to: '/sikkerhetslogg/integritet', label: 'nav.auditIntegrity', action: 'audit.verify', group: 'admin' },
]

/** The entries `subject` sees: open ones, and those whose action the rules table allows them. */
export function visibleNavItems(subject: Subject | null): NavItem[] {
  return navItems.filter((item) => !item.action || allows(subject, item.action))
}
