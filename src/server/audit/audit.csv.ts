import { type Role, roleLabels } from '../../shared/api/roles'
import { csvFile } from '../csv/norwegian-csv'
import type { FieldChange } from './audit'
import type { AuditEntry } from './audit.queries'

/** The audit log as CSV (the app's one Norwegian-Excel setting), times in Europe/Oslo. */

const basisLabels: Record<AuditEntry['basis'], string> = {
  normal: 'Ordinær',
  transfer: 'Overføring',
  'break-glass': 'Nødtilgang',
}

const outcomeLabels: Record<AuditEntry['outcome'], string> = {
  ok: 'OK',
  denied: 'Avvist',
  failed: 'Feilet',
}

const columns: [header: string, value: (e: AuditEntry) => string][] = [
  ['Tidspunkt', (e) => formatOsloTime(e.occurredAt)],
  ['Bruker-ID', (e) => e.userId ?? ''],
  ['Bruker', (e) => e.userName ?? ''],
  ['Roller', (e) => e.roles.map((r) => roleLabels[r as Role] ?? r).join(', ')],
  ['Kommune', (e) => e.kommune ?? ''],
  ['Handling', (e) => e.action],
  ['Posttype', (e) => e.recordType ?? ''],
  ['Post-ID', (e) => e.recordId ?? ''],
  ['Person-ID', (e) => e.personId ?? ''],
  ['Grunnlag', (e) => basisLabels[e.basis] ?? e.basis],
  ['Begrunnelse', (e) => e.reason ?? ''],
  ['Resultat', (e) => outcomeLabels[e.outcome] ?? e.outcome],
  ['IP-adresse', (e) => e.ip],
  ['Forespørsel-ID', (e) => e.requestId],
  ['Endrede felt', (e) => formatChanges(e.changes)],
  ['Løpenummer', (e) => String(e.seq)],
]

/** The audit log rows as a CSV file body (BOM included). */
export function auditCsv(entries: Iterable<AuditEntry>): string {
  return csvFile([columns.map(([h]) => h), ...[...entries].map((e) => columns.map(([, value]) => value(e)))])
}

function formatChanges(changes: FieldChange[] | undefined): string {
  if (!changes?.length) return ''
  return changes.map((c) => `${c.field}: ${show(c.before)} → ${show(c.after)}`).join('\n')
}

const show = (v: unknown) =>
  v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v)

const osloTime = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** dd.mm.yyyy hh:mm:ss in Norwegian time, whatever the server's time zone. */
export function formatOsloTime(d: Date): string {
  const p = Object.fromEntries(osloTime.formatToParts(d).map((x) => [x.type, x.value]))
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}:${p.second}`
}
