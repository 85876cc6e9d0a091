import { z } from 'zod'
import { isoDate, uuid } from './codes'
import { roleSchema } from './roles'

/**
 * The municipality's audit log (sikkerhetslogg, SPEC §2) as the Administrator reads it, the innsyn
 * report for one person, and the operator's integrity check. The Norwegian labels here are shared
 * by the web pages and the CSV exports, so both name an action the same way.
 */

/** Dotted action codes as stored ('person.read'), or a prefix of them ('person'). */
const actionFilter = z
  .string()
  .trim()
  .max(60)
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'Ugyldig handling')

export const AUDIT_EXPORT_MAX_ROWS = 50_000

export const auditLogQuery = z
  .object({
    userId: uuid.optional(),
    personId: uuid.optional(),
    /** An action ('person.read') or a group of actions ('person' matches 'person.read', 'person.search' …). */
    action: actionFilter.optional(),
    /** First day included, Norwegian time. */
    from: isoDate.optional(),
    /** Last day included, Norwegian time. */
    to: isoDate.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'Til-datoen kan ikke være før fra-datoen',
  })
export type AuditLogQuery = z.input<typeof auditLogQuery>

export const auditBasis = z.enum(['normal', 'transfer', 'break-glass'])
export const auditOutcome = z.enum(['ok', 'denied', 'failed'])
export type AuditBasis = z.infer<typeof auditBasis>
export type AuditOutcome = z.infer<typeof auditOutcome>

export const fieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })
export type FieldChangeView = z.infer<typeof fieldChange>

export const auditPerson = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
})
export type AuditPerson = z.infer<typeof auditPerson>

export const auditEntry = z.object({
  id: z.number(),
  seq: z.number(),
  occurredAt: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  roles: z.array(z.string()),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  personId: z.string().nullable(),
  /** The person's name as registered now, when the person is visible to this municipality. */
  personName: z.string().nullable(),
  basis: auditBasis,
  reason: z.string().nullable(),
  outcome: auditOutcome,
  ip: z.string(),
  requestId: z.string(),
  /** Field-level before/after of a write. */
  changes: z.array(fieldChange),
  details: z.record(z.string(), z.unknown()).nullable(),
})
export type AuditEntryView = z.infer<typeof auditEntry>

export const auditLogPage = z.object({
  items: z.array(auditEntry),
  nextCursor: z.string().nullable(),
  /** The person filtered on, so the page can name them. */
  person: auditPerson.nullable(),
})
export type AuditLogPage = z.infer<typeof auditLogPage>

export const innsynParams = z.object({ personId: uuid })
export const innsynQuery = z.object({
  /** Also list attempts that were refused (they showed no data). */
  includeDenied: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
})

export const innsynRow = auditEntry.pick({
  occurredAt: true,
  userId: true,
  userName: true,
  roles: true,
  action: true,
  recordType: true,
  recordId: true,
  basis: true,
  reason: true,
  outcome: true,
})
export type InnsynRowView = z.infer<typeof innsynRow>

export const innsynReport = z.object({ person: auditPerson, items: z.array(innsynRow) })
export type InnsynReportView = z.infer<typeof innsynReport>

/** Users who hold or have held a role in the municipality: the log's user filter. */
export const auditUser = z.object({
  id: z.string(),
  name: z.string(),
  /** Roles held in the municipality today (empty for former users). */
  roles: z.array(roleSchema),
})
export const auditUserList = z.object({ items: z.array(auditUser) })
export type AuditUser = z.infer<typeof auditUser>

export const auditProblemKind = z.enum([
  'hash-mismatch',
  'gap',
  'broken-link',
  'head-mismatch',
  'time-mismatch',
])
export type AuditProblemKindView = z.infer<typeof auditProblemKind>

/** The operator's integrity check: counts and positions only, never log content. */
export const auditVerification = z.object({
  ok: z.boolean(),
  chains: z.number(),
  rows: z.number(),
  problems: z.array(
    z.object({
      /** Kommune code, or '-' for the national chain. */
      chain: z.string(),
      seq: z.number(),
      id: z.number().nullable(),
      problem: auditProblemKind,
      detail: z.string(),
    }),
  ),
  truncated: z.boolean(),
  checkedAt: z.string(),
})
export type AuditVerificationView = z.infer<typeof auditVerification>

/** What each action means, in Norwegian. Actions not listed are shown by their code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'person.read': 'Så personopplysninger',
  'person.search': 'Søkte etter personer',
  'person.create': 'Registrerte person',
  'person.update': 'Endret person',
  'person.lookup': 'Slo opp fødselsnummer',
  'person.merge': 'Slo sammen personer',
  'person.merged-away': 'Person slått sammen med en annen',
  'person.reveal-address': 'Viste skjermet adresse',
  'person.not-duplicate': 'Merket to personer som ikke duplikat',
  'person.not-duplicate-revoked': 'Angret «ikke duplikat»',
  'case.create': 'Opprettet indekstilfelle',
  'case.read': 'Så indekstilfelle',
  'case.update': 'Endret indekstilfelle',
  'case.assign': 'Tildelte indekstilfelle',
  'case.close': 'Avsluttet indekstilfelle',
  'case.reopen': 'Gjenåpnet indekstilfelle',
  'contact.create': 'Registrerte nærkontakt',
  'contact.read': 'Så nærkontakt',
  'contact.update': 'Endret nærkontakt',
  'contact.assign': 'Tildelte nærkontakt',
  'event.create': 'Opprettet hendelse',
  'event.read': 'Så hendelse',
  'event.update': 'Endret hendelse',
  'measure.create': 'Opprettet tiltak',
  'measure.update': 'Endret tiltak',
  'followup.create': 'Registrerte oppfølging',
  'transfer.create': 'Overførte oppfølging',
  'transfer.accept': 'Tok imot overføring',
  'freg.lookup': 'Slo opp i Folkeregisteret',
  'export.linelist': 'Eksporterte linjeliste',
  'import.run': 'Importerte registreringer',
  'flag.create': 'Meldte feil i registrering',
  'flag.resolve': 'Løste feilmelding',
  'login.ok': 'Innlogging',
  'login.failed': 'Mislykket innlogging',
  logout: 'Utlogging',
  'logout.frontchannel': 'Logget ut fra ID-porten',
  'session.select-kommune': 'Valgte kommune',
  'access.denied': 'Nektet tilgang',
  'user.create': 'La til bruker',
  'user.grant': 'Ga bruker tilgang',
  'user.update': 'Endret bruker',
  'user.deactivate': 'Deaktiverte bruker',
  'user.reactivate': 'Aktiverte bruker igjen',
  'user.deactivate.inactive': 'Deaktivert etter 90 dager uten innlogging',
  'user.access-review.export': 'Eksporterte tilgangsoversikt',
  'user.default-unit': 'Endret standard enhet',
  'org-unit.create': 'Opprettet underenhet',
  'org-unit.rename': 'Endret navn på underenhet',
  'org-unit.retire': 'Avviklet underenhet',
  'onboarding.step.record': 'Registrerte oppstartssteg',
  'onboarding.step.undo': 'Angret oppstartssteg',
  'onboarding.org-number': 'Registrerte kommunens organisasjonsnummer',
  'kommune.activate': 'Aktiverte kommunen',
  'kommune-settings.update': 'Endret kommunens innstillinger',
  'audit.search': 'Søkte i sikkerhetsloggen',
  'audit.export': 'Eksporterte sikkerhetsloggen',
  'audit.innsyn': 'Lagde innsynsrapport',
  'audit.verify': 'Kontrollerte sikkerhetsloggen',
  'apiclient.create': 'Opprettet API-klient',
  'apiclient.revoke': 'Trakk tilbake API-klient',
  'chain.list': 'Så smittekjeder',
  'chain.read': 'Så smittekjede',
  'contact.convert': 'Gjorde nærkontakt til tilfelle',
  'document.create': 'La til dokument',
  'document.read': 'Åpnet dokument',
  'event.make-contacts': 'Gjorde deltakere til nærkontakter',
  'event.outbreak': 'Endret utbruddsstatus',
  'event.participant-remove': 'Fjernet deltaker',
  'event.participant-update': 'Endret deltaker',
  'event.participant.add': 'La til deltaker',
  'export.line-list': 'Eksporterte linjeliste',
  'flag.list': 'Så feilmeldinger',
  'followup.assign': 'Tildelte oppfølgingssamtaler',
  'followup.record': 'Registrerte oppfølgingssamtale',
  'followup.settings': 'Endret oppfølgingsinnstillinger',
  'followup.worklist': 'Så dagens oppfølging',
  'followup.close-late': 'Lukket etterregistrerte samtaler',
  'import.cancel': 'Avbrøt import',
  'import.commit': 'Fullførte import',
  'import.commit-requested': 'Ba om å fullføre import',
  'import.report': 'Så importrapport',
  'import.upload': 'Lastet opp importfil',
  'import.validate': 'Kontrollerte importfil',
  'measure.extend': 'Forlenget tiltak',
  'measure.list': 'Så tiltak',
  'measure.read': 'Så tiltak',
  'person.innsyn-export': 'Eksporterte innsyn for person',
  'report.export': 'Eksporterte rapport',
  'report.machine-read': 'Rapport hentet maskinelt',
  'report.national-export': 'Eksporterte nasjonal oversikt',
  'report.national-versions': 'Så en kommunes versjoner av en ukerapport',
  'report.submit': 'Sendte ukesrapport',
  'retention.hold.create': 'La inn rettslig hold',
  'retention.hold.release': 'Opphevet rettslig hold',
  'retention.preview': 'Så sletteforhåndsvisning',
  'retention.setting.update': 'Endret oppbevaringstid',
  'ruleset.create': 'Opprettet regelsett',
  'ruleset.delete': 'Slettet regelsett',
  'ruleset.update': 'Endret regelsett',
  'transfer.list': 'Så overføringer',
  'transfer.read': 'Så overføring',
  'transfer.received': 'Mottok overføring',
  'transfer.reject': 'Avviste overføring',
  'worklist.read': 'Så arbeidsliste',
  'import.mapping.save': 'Lagret kolonneoppsett for import',
  'import.mapping.apply': 'Brukte lagret kolonneoppsett',
  'measure.recompute': 'Beregnet tiltak på nytt',
}

/** Groups for the action filter: a prefix matches every action under it. */
export const AUDIT_ACTION_GROUPS: { prefix: string; label: string }[] = [
  { prefix: 'person', label: 'Alle personhandlinger' },
  { prefix: 'case', label: 'Alle handlinger på indekstilfeller' },
  { prefix: 'contact', label: 'Alle handlinger på nærkontakter' },
  { prefix: 'export', label: 'Alle eksporter' },
  { prefix: 'login', label: 'Innlogginger' },
  { prefix: 'access', label: 'Nektet tilgang' },
  { prefix: 'user', label: 'Tilgangsstyring' },
  { prefix: 'audit', label: 'Bruk av sikkerhetsloggen' },
]

export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action

export const AUDIT_RECORD_TYPE_LABELS: Record<string, string> = {
  person: 'Person',
  case: 'Indekstilfelle',
  contact: 'Nærkontakt',
  event: 'Hendelse',
  measure: 'Tiltak',
  transfer: 'Overføring',
  user: 'Bruker',
  session: 'Innlogging',
  kommune: 'Kommune',
  'org-unit': 'Enhet',
  'audit-log': 'Sikkerhetslogg',
  'api-client': 'API-klient',
  cases: 'Indekstilfeller',
  chain: 'Smittekjede',
  export: 'Eksport',
  flag: 'Feilmelding',
  folkeregister: 'Folkeregisteret',
  followup_call: 'Oppfølgingssamtale',
  followup_settings: 'Oppfølgingsinnstillinger',
  import: 'Import',
  invoice: 'Faktura',
  kommune_settings: 'Kommunens innstillinger',
  onboarding_step: 'Oppstartssteg',
  org_unit: 'Enhet',
  person_document: 'Dokument',
  retention: 'Oppbevaring',
  retention_setting: 'Oppbevaringstid',
  rule_set: 'Regelsett',
  'saved-report': 'Lagret rapport',
  user_roles: 'Brukerroller',
  'weekly-report': 'Ukesrapport',
}

export const auditRecordTypeLabel = (type: string) => AUDIT_RECORD_TYPE_LABELS[type] ?? type

export const AUDIT_BASIS_LABELS: Record<AuditBasis, string> = {
  normal: 'Ordinær',
  transfer: 'Overføring',
  'break-glass': 'Nødtilgang',
}

export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, string> = {
  ok: 'OK',
  denied: 'Avvist',
  failed: 'Feilet',
}
