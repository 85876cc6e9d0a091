import {
  AUDIT_BASIS_LABELS,
  AUDIT_EXPORT_MAX_ROWS,
  AUDIT_OUTCOME_LABELS,
  auditActionLabel,
  auditRecordTypeLabel,
  type FieldChangeView,
} from '../../../shared/api/audit-log'
import { type Role, roleLabels } from '../../../shared/api/roles'
import { formatOsloTime } from '../../audit/audit.csv'
import type { AuditEntry, InnsynRow } from '../../audit/audit.queries'
import { CSV_BOM, csvLines } from '../../csv/norwegian-csv'
import { fullName, type NameIndex } from './audit-log.present'

/**
 * The Administrator's CSV files, as Norwegian Excel opens them: BOM, `;`, CRLF, Oslo time (the
 * cell rules are the audit module's). Actions carry both the Norwegian label and the code, so a
 * filter in the spreadsheet works whatever the label.
 */
type Column<T> = [header: string, value: (row: T) => string]

const roles = (list: string[]) => list.map((r) => roleLabels[r as Role] ?? r).join(', ')

const logColumns: Column<{ e: AuditEntry; names: NameIndex }>[] = [
  ['Tidspunkt', ({ e }) => formatOsloTime(e.occurredAt)],
  ['Bruker', ({ e }) => e.userName ?? ''],
  ['Bruker-ID', ({ e }) => e.userId ?? ''],
  ['Roller', ({ e }) => roles(e.roles)],
  ['Handling', ({ e }) => auditActionLabel(e.action)],
  ['Handlingskode', ({ e }) => e.action],
  ['Posttype', ({ e }) => (e.recordType ? auditRecordTypeLabel(e.recordType) : '')],
  ['Post-ID', ({ e }) => e.recordId ?? ''],
  ['Person', ({ e, names }) => personName(e.personId, names)],
  ['Person-ID', ({ e }) => e.personId ?? ''],
  ['Grunnlag', ({ e }) => AUDIT_BASIS_LABELS[e.basis] ?? e.basis],
  ['Begrunnelse', ({ e }) => e.reason ?? ''],
  ['Resultat', ({ e }) => AUDIT_OUTCOME_LABELS[e.outcome] ?? e.outcome],
  ['Endrede felt', ({ e }) => formatChanges(e.changes)],
  ['IP-adresse', ({ e }) => e.ip],
  ['Forespørsel-ID', ({ e }) => e.requestId],
  ['Løpenummer', ({ e }) => String(e.seq)],
]

const innsynColumns: Column<InnsynRow>[] = [
  ['Tidspunkt', (r) => formatOsloTime(r.occurredAt)],
  ['Bruker', (r) => r.userName ?? ''],
  ['Roller', (r) => roles(r.roles)],
  ['Handling', (r) => auditActionLabel(r.action)],
  ['Posttype', (r) => (r.recordType ? auditRecordTypeLabel(r.recordType) : '')],
  ['Post-ID', (r) => r.recordId ?? ''],
  ['Grunnlag', (r) => AUDIT_BASIS_LABELS[r.basis] ?? r.basis],
  ['Begrunnelse', (r) => r.reason ?? ''],
  ['Resultat', (r) => AUDIT_OUTCOME_LABELS[r.outcome] ?? r.outcome],
]

const lines = <T>(columns: Column<T>[], rows: T[]) => csvLines(rows.map((r) => columns.map(([, v]) => v(r))))
const headerLine = <T>(columns: Column<T>[]) => csvLines([columns.map(([h]) => h)])

/** BOM and header row: the first chunk of a streamed log export. */
export const logCsvHead = () => `${CSV_BOM}${headerLine(logColumns)}`

/** The rows of one page of the log. */
export const logCsvRows = (entries: AuditEntry[], names: NameIndex) =>
  lines(
    logColumns,
    entries.map((e) => ({ e, names })),
  )

/** Last line of an export stopped at the cap, in the first column, so nobody takes it for the whole log. */
export const logCsvTruncatedNote = (maxRows = AUDIT_EXPORT_MAX_ROWS) =>
  csvLines([
    [
      `Utdraget er avkortet etter ${String(maxRows).replace(/\B(?=(\d{3})+$)/g, ' ')} rader. Bruk filtre (bruker, handling, fra–til) for å hente resten.`,
    ],
  ])

/** The innsyn report for one person as a whole CSV file (BOM included). */
export function innsynCsv(person: { name: string; id: string }, rows: InnsynRow[]): string {
  const title = csvLines([[`Innsyn for ${person.name} (person-ID ${person.id})`]])
  return `${CSV_BOM}${title}${headerLine(innsynColumns)}${lines(innsynColumns, rows)}`
}

function personName(id: string | null, names: NameIndex): string {
  const p = id ? names.get(id) : undefined
  return p ? fullName(p) : ''
}

function formatChanges(changes: FieldChangeView[] | undefined): string {
  if (!changes?.length) return ''
  return changes.map((c) => `${c.field}: ${show(c.before)} → ${show(c.after)}`).join('\n')
}

const show = (v: unknown) =>
  v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v)
