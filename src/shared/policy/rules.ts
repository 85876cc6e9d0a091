import type { Role } from '../api/roles'

/**
 * The one place that says who may do what (SPEC §0). Default deny: an action not in the table is
 * refused. `scope: 'kommune'` rules also require the record's owner municipality to be the
 * actor's active municipality; a record of another municipality answers 404, so its existence is
 * not revealed. National rules (operator, FHI) never reach personal data.
 */
export type Rule = { roles: readonly Role[]; scope: 'kommune' | 'national' }

const CASEWORK: readonly Role[] = ['tracer', 'admin']
const REPORTING: readonly Role[] = ['tracer', 'admin', 'report']

export const RULES = {
  'subunit.manage': { roles: ['admin'], scope: 'kommune' },
  'user.manage': { roles: ['admin'], scope: 'kommune' },
  'audit.read': { roles: ['admin'], scope: 'kommune' },
  'audit.verify': { roles: ['operator'], scope: 'national' },
  'kommune-settings.manage': { roles: ['admin'], scope: 'kommune' },
  'onboarding.read': { roles: ['admin', 'tracer', 'report'], scope: 'kommune' },
  'onboarding.manage': { roles: ['operator'], scope: 'national' },
  'kommune.activate': { roles: ['operator'], scope: 'national' },
  'rulesets.manage': { roles: ['operator'], scope: 'national' },
  'rulesets.read': { roles: ['operator', 'admin', 'tracer', 'report', 'fhi'], scope: 'national' },
  'flag.resolve': { roles: ['admin'], scope: 'kommune' },
  'flag.create': { roles: CASEWORK, scope: 'kommune' },
  'person.read': { roles: CASEWORK, scope: 'kommune' },
  'person.write': { roles: CASEWORK, scope: 'kommune' },
  'person.merge': { roles: CASEWORK, scope: 'kommune' },
  'person.reveal-address': { roles: CASEWORK, scope: 'kommune' },
  'case.read': { roles: CASEWORK, scope: 'kommune' },
  'case.write': { roles: CASEWORK, scope: 'kommune' },
  'event.read': { roles: CASEWORK, scope: 'kommune' },
  'event.write': { roles: CASEWORK, scope: 'kommune' },
  'measure.read': { roles: CASEWORK, scope: 'kommune' },
  'measure.write': { roles: CASEWORK, scope: 'kommune' },
  'followup.assign': { roles: CASEWORK, scope: 'kommune' },
  'followup.record': { roles: CASEWORK, scope: 'kommune' },
  'followup.configure': { roles: ['admin'], scope: 'kommune' },
  'outbox.read': { roles: CASEWORK, scope: 'kommune' },
  'transfer.manage': { roles: CASEWORK, scope: 'kommune' },
  'freg.lookup': { roles: CASEWORK, scope: 'kommune' },
  'import.run': { roles: CASEWORK, scope: 'kommune' },
  'export.run': { roles: CASEWORK, scope: 'kommune' },
  'retention.manage': { roles: ['admin'], scope: 'kommune' },
  'report.read': { roles: REPORTING, scope: 'kommune' },
  'report.submit': { roles: ['admin', 'report'], scope: 'kommune' },
  'fhi.read': { roles: ['fhi'], scope: 'national' },
  'report.save': { roles: REPORTING, scope: 'kommune' },
  'report.national': { roles: ['operator', 'fhi'], scope: 'national' },
  'apiclient.manage': { roles: ['operator'], scope: 'national' },
  'org.read-national': { roles: ['operator', 'fhi'], scope: 'national' },
} as const satisfies Record<string, Rule>

export type Action = keyof typeof RULES
export const ACTIONS = Object.keys(RULES) as Action[]
