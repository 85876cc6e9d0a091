import type { RetentionType } from '../../../shared/api/retention'

/**
 * What the retention job does per record type, as SQL over the alias `t`. Kept as data so the
 * job, the Administrator's preview and the tests share one definition.
 *
 * - reference: the date the period counts from (Europe/Oslo);
 * - where: rows that can expire at all (open cases, queued messages … never do);
 * - holds: a legal hold on any of these (type, id expression) keeps the row — a hold on a person
 *   keeps everything about the person, on a case its contacts and measures, on a measure its
 *   follow-up calls and letters;
 * - cascade: detail rows deleted with the record; nullify: optional links cleared first;
 * - any other row that still refers to the record (found by retention_in_use() from the foreign
 *   keys, in every municipality) makes it wait: children go before their parents, and a person
 *   goes only when nothing refers to it any more.
 */
export interface RetentionRule {
  type: RetentionType
  table: string
  reference: string
  where?: string
  personColumn: string | null
  holds: [RetentionType, string][]
  /** Holdable detail rows deleted with the record: a hold on one of them keeps the record too. */
  heldChildren?: [type: RetentionType, table: string, column: string][]
  cascade: [table: string, column: string][]
  nullify: [table: string, column: string][]
  /** Flags ("meld feil") and transfers name records without a foreign key: removed with them. */
  flagType?: 'person' | 'case' | 'contact' | 'event'
  transferType?: 'case' | 'contact'
  /** anonymise: clear the personal content and keep the row (imports keep their dedupe keys). */
  mode: 'delete' | 'anonymise'
  /** The table may not exist (a feature not yet installed): then the rule is skipped. */
  optional?: boolean
}

const oslo = (ts: string) => `(${ts} AT TIME ZONE 'Europe/Oslo')::date`
const contactOf = (col: string, field: string) => `(SELECT c.${field} FROM contacts c WHERE c.id = ${col})`
const measureOf = (col: string, field: string) => `(SELECT m.${field} FROM measures m WHERE m.id = ${col})`

export const RULES: RetentionRule[] = [
  {
    type: 'followup',
    table: 'followup_calls',
    reference: 't.planned_date',
    personColumn: 'person_id',
    holds: [
      ['followup', 't.id'],
      ['person', 't.person_id'],
      ['measure', 't.measure_id'],
      ['case', measureOf('t.measure_id', 'case_id')],
      ['contact', measureOf('t.measure_id', 'contact_id')],
    ],
    cascade: [],
    nullify: [],
    mode: 'delete',
  },
  {
    type: 'document',
    table: 'person_documents',
    reference: oslo('t.created_at'),
    personColumn: 'person_id',
    holds: [
      ['document', 't.id'],
      ['person', 't.person_id'],
      ['measure', 't.measure_id'],
    ],
    cascade: [],
    nullify: [],
    mode: 'delete',
  },
  {
    type: 'outbox',
    table: 'outbox',
    reference: oslo('coalesce(t.sent_at, t.created_at)'),
    where: `t.status <> 'queued'`,
    personColumn: 'person_id',
    holds: [
      ['outbox', 't.id'],
      ['person', 't.person_id'],
      ['measure', 't.measure_id'],
    ],
    cascade: [],
    nullify: [],
    mode: 'delete',
  },
  {
    type: 'measure',
    table: 'measures',
    reference: 'coalesce(t.actual_end, t.end_date)',
    personColumn: 'person_id',
    holds: [
      ['measure', 't.id'],
      ['person', 't.person_id'],
      ['case', 't.case_id'],
      ['contact', 't.contact_id'],
      ['case', contactOf('t.contact_id', 'case_id')],
      ['event', contactOf('t.contact_id', 'event_id')],
    ],
    heldChildren: [
      ['followup', 'followup_calls', 'measure_id'],
      ['document', 'person_documents', 'measure_id'],
      ['outbox', 'outbox', 'measure_id'],
    ],
    cascade: [
      ['measure_events', 'measure_id'],
      ['followup_calls', 'measure_id'],
      ['person_documents', 'measure_id'],
      ['outbox', 'measure_id'],
    ],
    nullify: [],
    mode: 'delete',
  },
  {
    type: 'contact',
    table: 'contacts',
    reference: `coalesce(t.last_exposure, ${oslo('t.created_at')})`,
    personColumn: 'person_id',
    holds: [
      ['contact', 't.id'],
      ['person', 't.person_id'],
      ['case', 't.case_id'],
      ['event', 't.event_id'],
    ],
    cascade: [],
    nullify: [
      ['cases', 'source_contact_id'],
      ['event_participants', 'contact_id'],
    ],
    flagType: 'contact',
    transferType: 'contact',
    mode: 'delete',
  },
  {
    type: 'case',
    table: 'cases',
    reference: oslo('t.closed_at'),
    where: `t.status = 'closed' AND t.closed_at IS NOT NULL`,
    personColumn: 'person_id',
    holds: [
      ['case', 't.id'],
      ['person', 't.person_id'],
    ],
    cascade: [],
    nullify: [
      ['contacts', 'became_case_id'],
      ['event_participants', 'case_id'],
    ],
    flagType: 'case',
    transferType: 'case',
    mode: 'delete',
  },
  {
    type: 'event',
    table: 'events',
    reference: oslo('coalesce(t.ends_at, t.starts_at, t.created_at)'),
    personColumn: null,
    holds: [['event', 't.id']],
    cascade: [['event_participants', 'event_id']],
    nullify: [['cases', 'source_event_id']],
    flagType: 'event',
    mode: 'delete',
  },
  {
    type: 'import',
    table: 'import_runs',
    reference: oslo('coalesce(t.committed_at, t.updated_at)'),
    where: `t.state IN ('committed', 'failed', 'refused', 'cancelled')
      AND (t.file_data IS NOT NULL OR EXISTS (SELECT 1 FROM import_rows r WHERE r.run_id = t.id))`,
    personColumn: null,
    holds: [['import', 't.id']],
    cascade: [],
    nullify: [],
    mode: 'anonymise',
    optional: true,
  },
  {
    type: 'person',
    table: 'persons',
    reference: oslo('t.updated_at'),
    personColumn: 'id',
    holds: [['person', 't.id']],
    cascade: [],
    nullify: [],
    flagType: 'person',
    mode: 'delete',
  },
]

export const ruleOf = (type: RetentionType) => RULES.find((r) => r.type === type)!

/** SQL: an active legal hold in this municipality keeps row t. */
export function heldSql(rule: RetentionRule): string {
  const alts = [
    ...rule.holds.map(([type, expr]) => `(h.record_type = '${type}' AND h.record_id = ${expr})`),
    ...(rule.heldChildren ?? []).map(
      ([type, table, col]) =>
        `(h.record_type = '${type}' AND h.record_id IN (SELECT x.id FROM ${table} x WHERE x.${col} = t.id))`,
    ),
  ]
  return `EXISTS (SELECT 1 FROM legal_holds h WHERE h.kommune = t.kommune AND h.released_at IS NULL
    AND (${alts.join(' OR ')}))`
}

/** SQL: another row still refers to t (other than the references the job clears itself). */
export function inUseSql(rule: RetentionRule): string {
  if (rule.mode === 'anonymise') return 'false'
  const ignore = [...rule.cascade, ...rule.nullify].map(([table, col]) => `'${table}.${col}'`)
  return `retention_in_use('${rule.table}'::regclass, t.id, ARRAY[${ignore.join(', ')}]::text[])`
}
