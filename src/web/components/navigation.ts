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
}

/** Primary navigation. Features add their entry here (kept as data so the header stays simple). */
export const navItems: NavItem[] = [
  { to: '/', label: 'nav.start', end: true },
  { to: '/organisasjon', label: 'nav.orgUnits' },
  { to: '/arbeidslister', label: 'nav.worklists', action: 'case.read' },
  { to: '/saker', label: 'nav.cases', action: 'case.read' },
  { to: '/personer', label: 'nav.persons', action: 'person.read' },
  { to: '/hendelser', label: 'nav.events', action: 'event.read' },
  { to: '/smittekjeder', label: 'nav.chains', action: 'case.read' },
  { to: '/overforinger', label: 'nav.transfers', action: 'transfer.manage' },
  { to: '/folkeregister', label: 'nav.freg', action: 'freg.lookup' },
  { to: '/feilmeldinger', label: 'nav.flags', action: 'flag.resolve' },
  { to: '/oppfolging', label: 'nav.followUpToday', action: 'measure.read' },
  { to: '/tiltak', label: 'nav.measures', action: 'measure.read' },
  { to: '/import', label: 'nav.imports', action: 'import.run' },
  { to: '/eksport', label: 'nav.export', action: 'export.run' },
  // Everyone may read the rule sets (the page opens for them), but the menu entry is the operator's tool.
  { to: '/regelsett', label: 'nav.ruleSets', action: 'rulesets.manage' },
  { to: '/brukere', label: 'nav.users', action: 'user.manage' },
  { to: '/tilgangsgjennomgang', label: 'nav.accessReview', action: 'user.manage' },
  { to: '/oppstart', label: 'nav.onboarding', action: 'onboarding.read' },
  { to: '/dashbord', label: 'nav.dashboard', action: 'report.read' },
  { to: '/ukesrapport', label: 'nav.weeklyReport', action: 'report.read' },
  { to: '/nasjonal-oversikt', label: 'nav.national', action: 'report.national' },
  { to: '/api-klienter', label: 'nav.apiClients', action: 'apiclient.manage' },
  { to: '/kommuner', label: 'nav.kommuner', action: 'onboarding.manage' },
  { to: '/sikkerhetslogg', label: 'nav.auditLog', action: 'audit.read' },
  { to: '/oppbevaring', label: 'nav.retention', action: 'retention.manage' },
  { to: '/sikkerhetslogg/integritet', label: 'nav.auditIntegrity', action: 'audit.verify' },
]

/** The entries `subject` sees: open ones, and those whose action the rules table allows them. */
export function visibleNavItems(subject: Subject | null): NavItem[] {
  return navItems.filter((item) => !item.action || allows(subject, item.action))
}
