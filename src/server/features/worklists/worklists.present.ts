import type { MeasureBoardItem } from '../../../shared/api/measures'
import type { WorklistCallItem, WorklistTransferItem } from '../../../shared/api/worklists'
import { daysBetween } from '../../../shared/domain/dates'
import { iso, presentPersonCols } from '../cases/cases.present'
import { actualEnd, effectiveStatus } from '../measures/measures.present'
import type { listDueCalls, listMeasuresEndingToday, listWaitingTransfers } from './worklists.queries'

type CallRow = Awaited<ReturnType<typeof listDueCalls>>[number]
type MeasureRow = Awaited<ReturnType<typeof listMeasuresEndingToday>>[number]
type TransferRow = Awaited<ReturnType<typeof listWaitingTransfers>>[number]

export const presentCallItem = (c: CallRow, today: string): WorklistCallItem => ({
  id: c.id,
  person: presentPersonCols(c),
  plannedDate: c.planned_date,
  dayNumber: c.day_number,
  lastDay: c.last_day,
  overdueDays: Math.max(0, daysBetween(c.planned_date, today)),
  measureId: c.measure_id,
  measureKind: c.measure_kind,
  caseId: c.case_id,
  contactId: c.contact_id,
  assignedTo: c.assigned_to ? { id: c.assigned_to, name: c.assigned_name ?? '' } : null,
  version: c.version,
})

export const presentMeasureItem = (m: MeasureRow, today: string): MeasureBoardItem => ({
  id: m.id,
  kind: m.kind,
  status: effectiveStatus(m, today),
  person: presentPersonCols(m),
  caseId: m.case_id,
  contactId: m.contact_id,
  startDate: m.start_date,
  endDate: m.end_date,
  actualEnd: actualEnd(m, today),
  unreachedSince: iso(m.unreached_since),
})

/** The summary was copied when the transfer was sent; missing fields read as empty. */
export function presentTransferItem(x: TransferRow): WorklistTransferItem {
  const s = (x.summary ?? {}) as Record<string, unknown>
  const text = (v: unknown) => (typeof v === 'string' ? v : null)
  return {
    id: x.id,
    from: { code: x.from_kommune, name: x.from_name },
    recordType: x.record_type,
    firstName: text(s.firstName) ?? '',
    lastName: text(s.lastName) ?? '',
    birthDate: text(s.birthDate),
    message: x.message,
    createdAt: iso(x.created_at)!,
  }
}
