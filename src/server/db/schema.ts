import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely'

/**
 * Database types, kept by hand next to migrations/. `schema.test.ts` proves that every table and
 * column here exists in the migrated database and vice versa.
 */
/** timestamptz that must be given on insert. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>
/** timestamptz with a database default. */
export type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>
/** nullable timestamptz. */
export type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
/** set once by the database. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>

export interface OrgUnitsTable {
  code: string
  kind: 'country' | 'fylke' | 'kommune' | 'bydel' | 'subunit'
  name: string
  short_name: string
  parent_code: string | null
  kommune_code: string | null
  fylke_code: string | null
  status: Generated<'active' | 'inactive' | 'retired'>
  source: Generated<'ssb' | 'local'>
  activated_at: TimestampNull
  /** Organisation number of a municipality (0040), for Maskinporten's `consumer_org`. */
  org_number: string | null
  version: Generated<number>
  created_at: CreatedAt
  updated_at: TimestampDefault
}

export interface SchemaMigrationsTable {
  version: string
  checksum: string
  applied_at: CreatedAt
}

export interface AppMetaTable {
  key: string
  value: unknown
  updated_at: TimestampDefault
}

export interface UsersTable {
  id: Generated<string>
  pid: string
  name: string
  email: string | null
  status: Generated<'active' | 'deactivated'>
  deactivated_at: TimestampNull
  deactivated_reason: string | null
  last_login_at: TimestampNull
  /** migrations/0007: when access was last given back; the 90-day inactivity job counts from it. */
  reactivated_at: TimestampNull
  created_at: CreatedAt
  created_by: string | null
  version: Generated<number>
}

export interface UserRolesTable {
  id: Generated<string>
  user_id: string
  role: 'operator' | 'admin' | 'tracer' | 'report' | 'fhi'
  kommune_code: string | null
  valid_from: ColumnType<string, string | undefined, string>
  valid_to: string | null
  granted_by: string | null
  granted_at: CreatedAt
  revoked_at: TimestampNull
  revoked_by: string | null
  /** migrations/0007: 'changed' | 'deactivated' (free text kept open for later reasons). */
  revoke_reason: string | null
}

export interface SessionsTable {
  id: string
  user_id: string
  active_kommune: string | null
  csrf_token: string
  idp_sid: string | null
  id_token: string | null
  ip: string | null
  created_at: CreatedAt
  last_seen_at: TimestampDefault
  expires_at: Timestamp
}

export interface OnboardingStepsTable {
  kommune_code: string
  step:
    | 'dpia'
    | 'ros'
    | 'dpa'
    | 'service_annex'
    | 'freg_rf1514'
    | 'freg_delegation'
    | 'freg_agreement'
    | 'freg_enabled'
  done_on: string
  recorded_by: string
  recorded_at: CreatedAt
  note: string | null
}

export interface KommuneSettingsTable {
  kommune_code: string
  start_date: string | null
  training_date: string | null
  contact_name: string | null
  contact_email: string | null
  contact_phone: string | null
  version: Generated<number>
  updated_at: TimestampDefault
}

/** Append-only (migrations/0004_audit.sql): rows are written only by the audit_append() function. */
export interface AuditLogTable {
  id: GeneratedAlways<number>
  chain: GeneratedAlways<string>
  seq: number
  occurred_at: Date
  payload: Record<string, unknown>
  prev_hash: string
  hash: string
  kommune: GeneratedAlways<string | null>
  user_id: GeneratedAlways<string | null>
  person_id: GeneratedAlways<string | null>
  action: GeneratedAlways<string>
  record_type: GeneratedAlways<string | null>
  record_id: GeneratedAlways<string | null>
}

export interface AuditChainHeadsTable {
  chain: string
  seq: number
  hash: string
}

/** Where a chain continues after its oldest partitions were dropped (migration 0031). */
export interface AuditChainAnchorsTable {
  chain: string
  seq: number
  hash: string
  dropped_before: Date
}

type DateCol = string | null
type Version = Generated<number>

/** View (migration 0050): identity + the active municipality's own details. */
export interface PersonsTable {
  id: Generated<string>
  kommune: string
  owner_unit: string
  national_id: string | null
  id_type: 'fnr' | 'dnr' | 'hnr' | 'tnr' | 'dnr-hnr' | 'dnr-tnr' | null
  first_name: string
  last_name: string
  full_name: ColumnType<string, never, never>
  birth_date: DateCol
  sex: 'female' | 'male' | 'other' | 'unknown' | null
  phone: string | null
  phone2: string | null
  email: string | null
  street: string | null
  postcode: string | null
  place: string | null
  residence_kommune: string | null
  residence_bydel: string | null
  protected_address: Generated<'none' | 'fortrolig' | 'strengt_fortrolig' | 'strengt_fortrolig_utland'>
  preferred_language: string | null
  interpreter_needed: Generated<boolean>
  workplace_name: string | null
  workplace_type: 'workplace' | 'school' | 'kindergarten' | 'university' | 'health' | 'other' | null
  foreign_id: string | null
  foreign_id_country: string | null
  notes: string | null
  freg_fetched_at: TimestampNull
  freg_status: string | null
  merged_into: string | null
  version: Version
  created_at: CreatedAt
  created_by: string | null
  updated_at: TimestampDefault
}

/** Shared identity, one per human (migration 0050): visible to the owner and linked municipalities. */
export interface PersonIdentitiesTable {
  id: Generated<string>
  kommune: string
  owner_unit: string
  national_id: string | null
  id_type: 'fnr' | 'dnr' | 'hnr' | 'tnr' | 'dnr-hnr' | 'dnr-tnr' | null
  first_name: string
  last_name: string
  full_name: ColumnType<string, never, never>
  birth_date: DateCol
  sex: 'female' | 'male' | 'other' | 'unknown' | null
  protected_address: Generated<'none' | 'fortrolig' | 'strengt_fortrolig' | 'strengt_fortrolig_utland'>
  foreign_id: string | null
  foreign_id_country: string | null
  freg_fetched_at: TimestampNull
  freg_status: string | null
  merged_into: string | null
  version: Version
  created_at: CreatedAt
  created_by: string | null
  updated_at: TimestampDefault
}

/** One municipality's own details of a person (migration 0050), RLS: own rows only. */
export interface PersonDetailsTable {
  person_id: string
  kommune: string
  phone: string | null
  phone2: string | null
  email: string | null
  street: string | null
  postcode: string | null
  place: string | null
  residence_kommune: string | null
  residence_bydel: string | null
  preferred_language: string | null
  interpreter_needed: Generated<boolean>
  workplace_name: string | null
  workplace_type: 'workplace' | 'school' | 'kindergarten' | 'university' | 'health' | 'other' | null
  notes: string | null
  version: Version
  created_at: CreatedAt
  created_by: string | null
  updated_at: TimestampDefault
}

/** "Ikke duplikat" markings (migration 0051): revoked, never deleted. */
export interface PersonNotDuplicatesTable {
  id: Generated<string>
  kommune: string
  person_a: string
  person_b: string
  created_at: CreatedAt
  created_by: string | null
  revoked_at: TimestampNull
  revoked_by: string | null
}

export interface PersonLinksTable {
  person_id: string
  kommune: string
  created_at: CreatedAt
}

export interface CasesTable {
  id: Generated<string>
  kommune: string
  owner_unit: string
  person_id: string
  probable: Generated<boolean>
  test_date: DateCol
  test_type: 'pcr' | 'antigen' | 'self' | null
  result_date: DateCol
  symptomatic: boolean | null
  onset_date: DateCol
  symptoms: string | null
  likely_infection_date: DateCol
  infection_source: 'contact' | 'event' | 'travel' | 'unknown' | null
  exposure_setting: string | null
  travel_history: string | null
  hospitalised: Generated<boolean>
  outcome: 'recovered' | 'dead' | 'unknown' | null
  vaccination_status: string | null
  vaccination_date: DateCol
  interview_status: Generated<'not_started' | 'in_progress' | 'done'>
  assigned_to: string | null
  notes: string | null
  status: Generated<'open' | 'closed'>
  closed_at: TimestampNull
  source_contact_id: string | null
  source_event_id: string | null
  isolation_end: DateCol
  version: Version
  created_at: CreatedAt
  created_by: string | null
  updated_at: TimestampDefault
}

export interface ContactsTable {
  id: Generated<string>
  kommune: string
  owner_unit: string
  person_id: string
  case_id: string | null
  event_id: string | null
  relation:
    | 'household'
    | 'partner'
    | 'family'
    | 'colleague'
    | 'classmate'
    | 'friend'
    | 'health_care'
    | 'other'
    | null
  exposure_setting: string | null
  exposure_types: Generated<string[]>
  last_exposure: DateCol
  household: Generated<boolean>
  notified_at: DateCol
  notified_by: string | null
  symptoms: string | null
  notes: string | null
  status: Generated<'active' | 'finished' | 'became_case' | 'not_contact'>
  became_case_id: string | null
  assigned_to: string | null
  version: Version
  created_at: CreatedAt
  created_by: string | null
  updated_at: TimestampDefault
}

export interface FlagsTable {
  id: Generated<string>
  kommune: string
  record_type: 'person' | 'case' | 'contact' | 'event'
  record_id: string
  comment: string
  status: Generated<'open' | 'resolved'>
  created_by: string
  created_at: CreatedAt
  resolved_by: string | null
  resolved_at: TimestampNull
  resolution: string | null
  version: Version
}

// ---------------------------------------------------------------- measures (migrations/0010)

export interface RuleSetsTable {
  id: string
  name: string
  valid_from: string
  valid_to: string | null
  quarantine_days: number | null
  quarantine_test_out_day: number | null
  isolation_days: number | null
  isolation_min_symptom_free_days: number | null
  /** Follow-up call days (offsets from day 0); null: the municipality's settings. */
  quarantine_call_days: ColumnType<number[] | null, number[] | null | undefined, number[] | null>
  isolation_call_days: ColumnType<number[] | null, number[] | null | undefined, number[] | null>
  source: string
  version: Version
  created_at: CreatedAt
  created_by: string | null
  updated_at: TimestampDefault
  updated_by: string | null
}

export interface RuleSetHistoryTable {
  id: Generated<string>
  rule_set_id: string
  version: number
  change: 'create' | 'update' | 'delete'
  snapshot: unknown
  changed_by: string | null
  changed_at: CreatedAt
}

export interface MeasuresTable {
  id: Generated<string>
  kommune: string
  owner_unit: string
  person_id: string
  kind: 'isolation' | 'quarantine'
  case_id: string | null
  contact_id: string | null
  rule_set_id: string | null
  basis: 'last-exposure' | 'onset' | 'test' | null
  basis_date: DateCol
  computed_start: DateCol
  computed_end: DateCol
  explanation: string | null
  start_date: string
  end_date: string
  actual_end: DateCol
  status: Generated<'planned' | 'active' | 'ended' | 'cancelled' | 'exempted'>
  override_reason: string | null
  exemption_reason: string | null
  exempt_from: DateCol
  cancel_reason: string | null
  /** Ended before its time for this reason ("Ble smittet"): status 'ended' from then on. */
  end_reason: string | null
  unreached_since: TimestampNull
  schedule_key: string | null
  version: Version
  created_at: CreatedAt
  created_by: string | null
  updated_at: TimestampDefault
}

export interface MeasureEventsTable {
  id: Generated<string>
  kommune: string
  measure_id: string
  action:
    | 'start'
    | 'override'
    | 'extend'
    | 'shorten'
    | 'cancel'
    | 'exempt'
    | 'end'
    | 'flag-unreached'
    | 'unflag-unreached'
    | 'recompute'
    | 'convert'
  from_start: DateCol
  to_start: DateCol
  from_end: DateCol
  to_end: DateCol
  reason: string | null
  created_by: string | null
  created_at: CreatedAt
}

export interface FollowupSettingsTable {
  kommune: string
  schedule_days: Generated<number[]>
  include_last_day: Generated<boolean>
  unreached_limit: Generated<number>
  reminder_days_before: ColumnType<number | null, number | null | undefined, number | null>
  version: Version
  updated_at: TimestampDefault
  updated_by: string | null
}

export interface FollowupCallsTable {
  id: Generated<string>
  kommune: string
  measure_id: string
  person_id: string
  planned_date: string
  day_number: number
  last_day: Generated<boolean>
  assigned_to: string | null
  status: Generated<'planned' | 'done' | 'not_reached' | 'cancelled'>
  /** Planned for a day that had already passed ("etterregistrert"). */
  late: Generated<boolean>
  cancelled_at: TimestampNull
  cancel_reason: string | null
  done_at: TimestampNull
  done_by: string | null
  reached: boolean | null
  symptoms: boolean | null
  symptom_notes: string | null
  onset_date: DateCol
  tested: boolean | null
  test_date: DateCol
  test_result: 'positive' | 'negative' | 'pending' | 'unknown' | null
  needs_food: Generated<boolean>
  needs_medicine: Generated<boolean>
  needs_practical: Generated<boolean>
  needs_other: Generated<boolean>
  remarks: string | null
  version: Version
  created_at: CreatedAt
  updated_at: TimestampDefault
}

export interface PersonDocumentsTable {
  id: Generated<string>
  kommune: string
  person_id: string
  measure_id: string | null
  kind: 'isolation-notice' | 'quarantine-notice'
  language: 'nb' | 'nn' | 'en'
  title: string
  filename: string
  content_type: Generated<string>
  content: Uint8Array
  byte_size: number
  sha256: string
  created_at: CreatedAt
  created_by: string | null
}

export interface OutboxTable {
  id: Generated<string>
  kommune: string
  person_id: string | null
  measure_id: string | null
  channel: 'sms' | 'email'
  recipient: string
  template: string
  subject: string | null
  body: string
  dedupe_key: string | null
  send_after: TimestampDefault
  status: Generated<'queued' | 'sent' | 'failed' | 'cancelled'>
  attempts: Generated<number>
  last_error: string | null
  transport: string | null
  sent_at: TimestampNull
  created_at: CreatedAt
}

export interface EventsTable {
  id: Generated<string>
  kommune: string
  owner_unit: string
  name: string
  exposure_setting: string
  location: string | null
  address: string | null
  event_kommune: string | null
  starts_at: TimestampNull
  ends_at: TimestampNull
  organiser_name: string | null
  organiser_phone: string | null
  organiser_email: string | null
  description: string | null
  status: Generated<'active' | 'closed'>
  outbreak: Generated<boolean>
  outbreak_declared_at: TimestampNull
  common_source: string | null
  version: Generated<number>
  created_at: CreatedAt
  created_by: string | null
  updated_at: TimestampDefault
}

export interface EventParticipantsTable {
  id: Generated<string>
  kommune: string
  event_id: string
  person_id: string
  role: 'case' | 'contact' | 'attendee'
  exposure_at: TimestampNull
  case_id: string | null
  contact_id: string | null
  notes: string | null
  version: Generated<number>
  created_at: CreatedAt
  created_by: string | null
}

export interface TransfersTable {
  id: Generated<string>
  from_kommune: string
  to_kommune: string
  record_type: 'case' | 'contact'
  record_id: string
  person_id: string
  message: string | null
  summary: Generated<unknown>
  status: Generated<'pending' | 'accepted' | 'rejected' | 'cancelled'>
  decided_at: TimestampNull
  decided_by: string | null
  reject_reason: string | null
  created_at: CreatedAt
  created_by: string | null
  version: Generated<number>
}

// ---------------------------------------------------------------- retention (migrations/0016)

type RetentionRecordType =
  | 'case'
  | 'contact'
  | 'event'
  | 'measure'
  | 'followup'
  | 'document'
  | 'outbox'
  | 'import'
  | 'person'

export interface RetentionSettingsTable {
  kommune: string
  record_type: RetentionRecordType
  days: number
  version: Version
  updated_by: string | null
  updated_at: TimestampDefault
}

export interface LegalHoldsTable {
  id: Generated<string>
  kommune: string
  record_type: RetentionRecordType
  record_id: string
  reason: string
  created_by: string
  created_at: CreatedAt
  released_at: TimestampNull
  released_by: string | null
  release_reason: string | null
}

// ---------------------------------------------------------------- import (migrations/0014)

export type ImportRecordType = 'cases' | 'contacts' | 'events' | 'participants'

export interface ImportRunsTable {
  id: Generated<string>
  kommune: string
  created_by: string
  file_name: string
  file_kind: 'xlsx' | 'csv'
  file_size: number
  file_sha256: string
  file_data: Buffer | null
  encoding: string | null
  delimiter: string | null
  /** [{ name, headers, recordType }] (src/shared/api/imports.ts importSheet). */
  sheets: ColumnType<unknown, string | undefined, string>
  /** [{ name, recordType, columns }] aligned with the headers. */
  mapping: ColumnType<unknown, string | undefined, string>
  mode: 'strict' | 'valid_only' | null
  state: Generated<
    | 'uploaded'
    | 'validate_queued'
    | 'validating'
    | 'validated'
    | 'commit_queued'
    | 'committing'
    | 'committed'
    | 'failed'
    | 'refused'
    | 'cancelled'
  >
  progress_rows: Generated<number>
  total_rows: number | null
  counts: ColumnType<unknown, string | undefined, string>
  error: string | null
  claimed_by: string | null
  heartbeat_at: TimestampNull
  attempts: Generated<number>
  created_at: CreatedAt
  updated_at: TimestampDefault
  validated_at: TimestampNull
  committed_at: TimestampNull
  /** migrations/0080: when the running step began, and how many rows it has to do (commit). */
  step_started_at: TimestampNull
  step_total: number | null
}

export interface ImportRowsTable {
  run_id: string
  kommune: string
  record_type: ImportRecordType
  sheet: string
  row_number: number
  row_key: string
  status: 'valid' | 'error' | 'duplicate' | 'imported'
  data: ColumnType<unknown, string | null | undefined, string | null>
  raw: ColumnType<unknown, string | undefined, string>
  issues: ColumnType<unknown, string | undefined, string>
  record_id: string | null
}

export interface ImportKeysTable {
  kommune: string
  record_type: ImportRecordType
  row_key: string
  record_id: string
  person_id: string | null
  run_id: string
  created_at: CreatedAt
}

/** migrations/0080: a named mapping, picked again for a later file. */
export interface ImportMappingPresetsTable {
  id: Generated<string>
  kommune: string
  name: string
  /** [{ recordType, columns: { normalisedHeader: field } }] */
  sheets: ColumnType<unknown, string, string>
  created_by: string | null
  updated_by: string | null
  created_at: CreatedAt
  updated_at: TimestampDefault
}

export interface ImportMappingsTable {
  kommune: string
  record_type: ImportRecordType
  header: string
  field: string
  updated_by: string | null
  updated_at: TimestampDefault
}

/** migrations/0013: the transmission chain (connected component) of each case, contact and event. */
export interface ChainNodesTable {
  node_type: 'case' | 'contact' | 'event'
  node_id: string
  kommune: string
  chain_id: string
  node_date: string | null
}

export interface WeeklyReportsTable {
  id: Generated<string>
  kommune: string
  week: string
  version: number
  /** { total: WeeklyCounts, units: { [code]: WeeklyCounts } } (src/shared/api/reports.ts). */
  figures: ColumnType<unknown, string, never>
  reason: string | null
  submitted_by: string
  submitted_at: CreatedAt
}

export interface ApiClientsTable {
  id: Generated<string>
  client_id: string
  name: string
  secret_hash: string
  scopes: Generated<string[]>
  created_by: string | null
  created_at: CreatedAt
  revoked_at: TimestampNull
  revoked_by: string | null
  last_used_at: TimestampNull
}

export interface SavedReportsTable {
  id: Generated<string>
  kommune: string
  name: string
  definition: ColumnType<unknown, string, string>
  created_by: string | null
  created_at: CreatedAt
  updated_at: TimestampDefault
  version: Generated<number>
}

/** A user's default owner unit in a municipality (migration 0071). */
export interface UserDefaultUnitsTable {
  user_id: string
  kommune: string
  unit: string
  set_by: string | null
  set_at: TimestampDefault
}

export interface WeeklyReportCacheTable {
  week: string
  /** CountRow[] of weekly_report_counts for all municipalities (src/shared/domain/weeklyReport.ts). */
  counts: ColumnType<unknown, string, string>
  computed_at: TimestampDefault
}

export interface DB {
  chain_nodes: ChainNodesTable
  weekly_reports: WeeklyReportsTable
  weekly_report_cache: WeeklyReportCacheTable
  user_default_units: UserDefaultUnitsTable
  api_clients: ApiClientsTable
  saved_reports: SavedReportsTable
  import_runs: ImportRunsTable
  import_rows: ImportRowsTable
  import_keys: ImportKeysTable
  import_mappings: ImportMappingsTable
  import_mapping_presets: ImportMappingPresetsTable
  retention_settings: RetentionSettingsTable
  legal_holds: LegalHoldsTable
  events: EventsTable
  event_participants: EventParticipantsTable
  transfers: TransfersTable
  persons: PersonsTable
  person_identities: PersonIdentitiesTable
  person_details: PersonDetailsTable
  person_not_duplicates: PersonNotDuplicatesTable
  person_links: PersonLinksTable
  cases: CasesTable
  contacts: ContactsTable
  flags: FlagsTable
  rule_sets: RuleSetsTable
  rule_set_history: RuleSetHistoryTable
  measures: MeasuresTable
  measure_events: MeasureEventsTable
  followup_settings: FollowupSettingsTable
  followup_calls: FollowupCallsTable
  person_documents: PersonDocumentsTable
  outbox: OutboxTable
  users: UsersTable
  user_roles: UserRolesTable
  sessions: SessionsTable
  onboarding_steps: OnboardingStepsTable
  kommune_settings: KommuneSettingsTable
  app_meta: AppMetaTable
  org_units: OrgUnitsTable
  schema_migrations: SchemaMigrationsTable
  audit_log: AuditLogTable
  audit_chain_heads: AuditChainHeadsTable
  audit_chain_anchors: AuditChainAnchorsTable
}

export type OrgUnit = Selectable<OrgUnitsTable>
export type NewOrgUnit = Insertable<OrgUnitsTable>
export type OrgUnitUpdate = Updateable<OrgUnitsTable>
