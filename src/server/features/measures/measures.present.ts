import type { DocumentView, MeasureView } from '../../../shared/api/measures'
import type { PersonSummary } from '../../../shared/api/persons'
import { compareIsoDates } from '../../../shared/domain/dates'
import { type MeasureStatus, measureStatusOn } from '../../../shared/domain/measurePlan'
import { presentCall } from '../followups/followups.present'
import type { CallWithNames } from '../followups/followups.queries'
import type * as q from './measures.queries'
import type { MeasureRow, MeasureWithPerson } from './measures.queries'

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

type Dates = Pick<MeasureRow, 'status' | 'start_date' | 'end_date' | 'exempt_from'> &
  Partial<Pick<MeasureRow, 'end_reason'>>

/**
 * The status on `today` from the dates (the stored status is brought in step by the daily job and
 * only 'cancelled' is authoritative): an exemption ends the measure on its date.
 */
export function effectiveStatus(m: Dates, today: string): MeasureStatus {
  if (m.status === 'cancelled') return 'cancelled'
  if (m.end_reason) return 'ended'
  if (m.exempt_from && compareIsoDates(m.exempt_from, today) <= 0)
    return compareIsoDates(m.exempt_from, m.end_date) <= 0 ? 'exempted' : 'ended'
  return measureStatusOn({ start: m.start_date, end: m.end_date, closed: null }, today)
}

/** The day the measure ended, once it has: the exemption date or the (last) end date. */
export function actualEnd(m: Dates, today: string): string | null {
  const status = effectiveStatus(m, today)
  if (status !== 'ended' && status !== 'exempted') return null
  return m.exempt_from && compareIsoDates(m.exempt_from, m.end_date) <= 0 ? m.exempt_from : m.end_date
}

export function personOf(m: MeasureWithPerson): PersonSummary {
  return {
    id: m.person_id,
    nationalId: m.p_national_id,
    firstName: m.p_first_name,
    lastName: m.p_last_name,
    birthDate: m.p_birth_date,
    phone: m.p_phone,
    kommune: m.p_kommune,
  }
}

type EventRow = Awaited<ReturnType<typeof q.eventsFor>>[number]

export function presentMeasure(
  m: MeasureWithPerson,
  today: string,
  related: { events: EventRow[]; calls: CallWithNames[]; documents: DocumentView[] },
): MeasureView {
  return {
    id: m.id,
    kind: m.kind,
    status: effectiveStatus(m, today),
    person: personOf(m),
    caseId: m.case_id,
    contactId: m.contact_id,
    ownerUnit: m.owner_unit,
    ruleSet: m.rule_set_id ? { id: m.rule_set_id, name: m.rule_set_name ?? m.rule_set_id } : null,
    basis: m.basis,
    basisDate: m.basis_date,
    computedStart: m.computed_start,
    computedEnd: m.computed_end,
    explanation: m.explanation,
    startDate: m.start_date,
    endDate: m.end_date,
    actualEnd: actualEnd(m, today),
    adjusted:
      m.override_reason !== null || m.start_date !== m.computed_start || m.end_date !== m.computed_end,
    overrideReason: m.override_reason,
    exemptionReason: m.exemption_reason,
    exemptFrom: m.exempt_from,
    cancelReason: m.cancel_reason,
    endReason: m.end_reason,
    unreachedSince: iso(m.unreached_since),
    version: m.version,
    createdAt: iso(m.created_at)!,
    updatedAt: iso(m.updated_at)!,
    events: related.events
      .filter((e) => e.measure_id === m.id)
      .map((e) => ({
        id: e.id,
        action: e.action,
        fromStart: e.from_start,
        toStart: e.to_start,
        fromEnd: e.from_end,
        toEnd: e.to_end,
        reason: e.reason,
        by: e.created_by ? { id: e.created_by, name: e.by_name ?? '' } : null,
        at: iso(e.created_at)!,
      })),
    calls: related.calls.filter((c) => c.measure_id === m.id).map(presentCall),
    documents: related.documents.filter((d) => d.measureId === m.id),
  }
}
