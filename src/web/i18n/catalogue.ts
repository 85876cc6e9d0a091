import { appMessages } from '../components/messages'
import { auditLogMessages } from '../features/audit-log/messages'
import { casesMessages } from '../features/cases/messages'
import { chainsMessages } from '../features/chains/messages'
import { contactsMessages } from '../features/contacts/messages'
import { dashboardsMessages } from '../features/dashboards/messages'
import { eventsMessages } from '../features/events/messages'
import { exportsMessages } from '../features/exports/messages'
import { fhiMessages } from '../features/fhi/messages'
import { flagsMessages } from '../features/flags/messages'
import { followUpsMessages } from '../features/followups/messages'
import { fregMessages } from '../features/freg/messages'
import { importsMessages } from '../features/imports/messages'
import { measuresMessages } from '../features/measures/messages'
import { notFoundMessages } from '../features/not-found/messages'
import { onboardingMessages } from '../features/onboarding/messages'
import { orgUnitsMessages } from '../features/org-units/messages'
import { ownershipMessages } from '../features/ownership/messages'
import { personsMessages } from '../features/persons/messages'
import { reportsMessages } from '../features/reports/messages'
import { retentionMessages } from '../features/retention/messages'
import { ruleSetsMessages } from '../features/rulesets/messages'
import { sessionMessages } from '../features/session/messages'
import { startMessages } from '../features/start/messages'
import { transfersMessages } from '../features/transfers/messages'
import { usersMessages } from '../features/users/messages'
import { worklistsMessages } from '../features/worklists/messages'

/**
 * Every feature's `messages.ts`, by feature. The only list a new feature adds itself to; the
 * catalogues below, the `MessageKey` type and the i18n tests all come from it.
 */
export const FEATURE_MESSAGES = {
  app: appMessages,
  start: startMessages,
  notFound: notFoundMessages,
  session: sessionMessages,
  orgUnits: orgUnitsMessages,
  users: usersMessages,
  onboarding: onboardingMessages,
  cases: casesMessages,
  contacts: contactsMessages,
  persons: personsMessages,
  flags: flagsMessages,
  worklists: worklistsMessages,
  events: eventsMessages,
  chains: chainsMessages,
  transfers: transfersMessages,
  auditLog: auditLogMessages,
  imports: importsMessages,
  exports: exportsMessages,
  freg: fregMessages,
  measures: measuresMessages,
  followUps: followUpsMessages,
  ruleSets: ruleSetsMessages,
  reports: reportsMessages,
  dashboards: dashboardsMessages,
  fhi: fhiMessages,
  retention: retentionMessages,
  ownership: ownershipMessages,
}

type Feature = (typeof FEATURE_MESSAGES)[keyof typeof FEATURE_MESSAGES]
type KeysOf<F> = F extends { nb: infer Nb } ? keyof Nb & string : never

/** Every key of every feature (a key defined by two features is a test failure, not a silent override). */
export type MessageKey = KeysOf<Feature>
export type Catalogue = Record<MessageKey, string>

function merge(language: 'nb' | 'nn' | 'en'): Catalogue {
  return Object.assign({}, ...Object.values(FEATURE_MESSAGES).map((f) => f[language]))
}

export const catalogues = { nb: merge('nb'), nn: merge('nn'), en: merge('en') }
