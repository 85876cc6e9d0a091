import {
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTION_LABELS,
  AUDIT_RECORD_TYPE_LABELS,
} from '../../../shared/api/audit-log'
import { type Language, useI18n } from '../../i18n'

/**
 * Nynorsk and English names of audit actions, action groups and record types. Bokmål stays in
 * shared/api/audit-log.ts because the server's CSV export uses it; auditLabels.test.ts checks that
 * every bokmål name has a translation here.
 */
export const AUDIT_ACTION_LABELS_NN: Record<string, string> = {
  'person.read': 'Såg personopplysningar',
  'person.search': 'Søkte etter personar',
  'person.create': 'Registrerte person',
  'person.update': 'Endra person',
  'person.lookup': 'Slo opp fødselsnummer',
  'person.merge': 'Slo saman personar',
  'person.merged-away': 'Person slått saman med ein annan',
  'person.reveal-address': 'Viste skjerma adresse',
  'case.create': 'Oppretta indekstilfelle',
  'case.read': 'Såg indekstilfelle',
  'case.update': 'Endra indekstilfelle',
  'case.assign': 'Tildelte indekstilfelle',
  'case.close': 'Avslutta indekstilfelle',
  'case.reopen': 'Opna indekstilfelle igjen',
  'contact.create': 'Registrerte nærkontakt',
  'contact.read': 'Såg nærkontakt',
  'contact.update': 'Endra nærkontakt',
  'contact.assign': 'Tildelte nærkontakt',
  'event.create': 'Oppretta hending',
  'event.read': 'Såg hending',
  'event.update': 'Endra hending',
  'measure.create': 'Oppretta tiltak',
  'measure.update': 'Endra tiltak',
  'followup.create': 'Registrerte oppfølging',
  'transfer.create': 'Overførte oppfølging',
  'transfer.accept': 'Tok imot overføring',
  'freg.lookup': 'Slo opp i Folkeregisteret',
  'export.linelist': 'Eksporterte linjeliste',
  'import.run': 'Importerte registreringar',
  'flag.create': 'Melde feil i registrering',
  'flag.resolve': 'Løyste feilmelding',
  'login.ok': 'Innlogging',
  'login.failed': 'Mislukka innlogging',
  logout: 'Utlogging',
  'logout.frontchannel': 'Logga ut frå ID-porten',
  'session.select-kommune': 'Valde kommune',
  'access.denied': 'Nekta tilgang',
  'user.create': 'La til brukar',
  'user.grant': 'Gav brukar tilgang',
  'user.update': 'Endra brukar',
  'user.deactivate': 'Deaktiverte brukar',
  'user.reactivate': 'Aktiverte brukar igjen',
  'user.deactivate.inactive': 'Deaktivert etter 90 dagar utan innlogging',
  'user.access-review.export': 'Eksporterte tilgangsoversikt',
  'org-unit.create': 'Oppretta undereining',
  'org-unit.rename': 'Endra namn på undereining',
  'org-unit.retire': 'Avvikla undereining',
  'onboarding.step.record': 'Registrerte oppstartssteg',
  'onboarding.step.undo': 'Angra oppstartssteg',
  'onboarding.org-number': 'Registrerte organisasjonsnummeret til kommunen',
  'kommune.activate': 'Aktiverte kommunen',
  'kommune-settings.update': 'Endra innstillingane til kommunen',
  'audit.search': 'Søkte i tryggleiksloggen',
  'audit.export': 'Eksporterte tryggleiksloggen',
  'audit.innsyn': 'Laga innsynsrapport',
  'audit.verify': 'Kontrollerte tryggleiksloggen',
}

export const AUDIT_ACTION_LABELS_EN: Record<string, string> = {
  'person.read': 'Viewed personal data',
  'person.search': 'Searched for people',
  'person.create': 'Registered person',
  'person.update': 'Changed person',
  'person.lookup': 'Looked up national identity number',
  'person.merge': 'Merged people',
  'person.merged-away': 'Person merged into another',
  'person.reveal-address': 'Showed protected address',
  'case.create': 'Created index case',
  'case.read': 'Viewed index case',
  'case.update': 'Changed index case',
  'case.assign': 'Assigned index case',
  'case.close': 'Closed index case',
  'case.reopen': 'Reopened index case',
  'contact.create': 'Registered close contact',
  'contact.read': 'Viewed close contact',
  'contact.update': 'Changed close contact',
  'contact.assign': 'Assigned close contact',
  'event.create': 'Created event',
  'event.read': 'Viewed event',
  'event.update': 'Changed event',
  'measure.create': 'Created measure',
  'measure.update': 'Changed measure',
  'followup.create': 'Recorded follow-up',
  'transfer.create': 'Transferred follow-up',
  'transfer.accept': 'Accepted transfer',
  'freg.lookup': 'Looked up in the National Population Register',
  'export.linelist': 'Exported line list',
  'import.run': 'Imported records',
  'flag.create': 'Reported error in record',
  'flag.resolve': 'Resolved error report',
  'login.ok': 'Login',
  'login.failed': 'Failed login',
  logout: 'Logout',
  'logout.frontchannel': 'Logged out from ID-porten',
  'session.select-kommune': 'Chose municipality',
  'access.denied': 'Access denied',
  'user.create': 'Added user',
  'user.grant': 'Granted user access',
  'user.update': 'Changed user',
  'user.deactivate': 'Deactivated user',
  'user.reactivate': 'Reactivated user',
  'user.deactivate.inactive': 'Deactivated after 90 days without login',
  'user.access-review.export': 'Exported access review',
  'org-unit.create': 'Created unit',
  'org-unit.rename': 'Renamed unit',
  'org-unit.retire': 'Retired unit',
  'onboarding.step.record': 'Recorded onboarding step',
  'onboarding.step.undo': 'Undid onboarding step',
  'onboarding.org-number': "Recorded the municipality's organisation number",
  'kommune.activate': 'Activated the municipality',
  'kommune-settings.update': "Changed the municipality's settings",
  'audit.search': 'Searched the audit log',
  'audit.export': 'Exported the audit log',
  'audit.innsyn': 'Created access report',
  'audit.verify': 'Checked the audit log',
}

/** Keyed by the group's action prefix. */
export const AUDIT_GROUP_LABELS_NN: Record<string, string> = {
  person: 'Alle personhandlingar',
  case: 'Alle handlingar på indekstilfelle',
  contact: 'Alle handlingar på nærkontaktar',
  export: 'Alle eksportar',
  login: 'Innloggingar',
  access: 'Nekta tilgang',
  user: 'Tilgangsstyring',
  audit: 'Bruk av tryggleiksloggen',
}

export const AUDIT_GROUP_LABELS_EN: Record<string, string> = {
  person: 'All person actions',
  case: 'All actions on index cases',
  contact: 'All actions on close contacts',
  export: 'All exports',
  login: 'Logins',
  access: 'Access denied',
  user: 'Access management',
  audit: 'Use of the audit log',
}

export const AUDIT_RECORD_TYPE_LABELS_NN: Record<string, string> = {
  person: 'Person',
  case: 'Indekstilfelle',
  contact: 'Nærkontakt',
  event: 'Hending',
  measure: 'Tiltak',
  transfer: 'Overføring',
  user: 'Brukar',
  session: 'Innlogging',
  kommune: 'Kommune',
  'org-unit': 'Eining',
  'audit-log': 'Tryggleikslogg',
}

export const AUDIT_RECORD_TYPE_LABELS_EN: Record<string, string> = {
  person: 'Person',
  case: 'Index case',
  contact: 'Close contact',
  event: 'Event',
  measure: 'Measure',
  transfer: 'Transfer',
  user: 'User',
  session: 'Login',
  kommune: 'Municipality',
  'org-unit': 'Unit',
  'audit-log': 'Audit log',
}

const GROUP_LABELS_NB = Object.fromEntries(AUDIT_ACTION_GROUPS.map((g) => [g.prefix, g.label]))

const byLanguage = {
  nb: { action: AUDIT_ACTION_LABELS, group: GROUP_LABELS_NB, recordType: AUDIT_RECORD_TYPE_LABELS },
  nn: {
    action: AUDIT_ACTION_LABELS_NN,
    group: AUDIT_GROUP_LABELS_NN,
    recordType: AUDIT_RECORD_TYPE_LABELS_NN,
  },
  en: {
    action: AUDIT_ACTION_LABELS_EN,
    group: AUDIT_GROUP_LABELS_EN,
    recordType: AUDIT_RECORD_TYPE_LABELS_EN,
  },
} satisfies Record<Language, Record<'action' | 'group' | 'recordType', Record<string, string>>>

type LabelKind = keyof (typeof byLanguage)['nb']

/** The name of an audit action, group or record type in `language`; bokmål, then the code, if unknown. */
export function auditLabel(language: Language, kind: LabelKind, code: string): string {
  return byLanguage[language][kind][code] ?? byLanguage.nb[kind][code] ?? code
}

/** `auditLabel` bound to the current UI language. */
export function useAuditLabel(): (kind: LabelKind, code: string) => string {
  const { language } = useI18n()
  return (kind, code) => auditLabel(language, kind, code)
}
