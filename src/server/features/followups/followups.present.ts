import type { FollowUpCallView, FollowUpTodayItem, SymptomsReportedItem } from '../../../shared/api/followups'
import { daysBetween } from '../../../shared/domain/dates'
import type { CallWithNames, DueCallRow, SymptomCallRow } from './followups.queries'

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)
const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null)

export function presentCall(c: CallWithNames): FollowUpCallView {
  return {
    id: c.id,
    measureId: c.measure_id,
    personId: c.person_id,
    plannedDate: c.planned_date,
    dayNumber: c.day_number,
    lastDay: c.last_day,
    assignedTo: ref(c.assigned_to, c.assigned_name),
    status: c.status,
    late: c.late,
    cancelledAt: iso(c.cancelled_at),
    cancelReason: c.cancel_reason,
    doneAt: iso(c.done_at),
    doneBy: ref(c.done_by, c.done_by_name),
    reached: c.reached,
    symptoms: c.symptoms,
    symptomNotes: c.symptom_notes,
    onsetDate: c.onset_date,
    tested: c.tested,
    testDate: c.test_date,
    testResult: c.test_result,
    needs: {
      food: c.needs_food,
      medicine: c.needs_medicine,
      practical: c.needs_practical,
      other: c.needs_other,
    },
    remarks: c.remarks,
    version: c.version,
  }
}

/** The person a call is about, from the `p_` columns both call lists select. */
function presentCallPerson(c: DueCallRow | SymptomCallRow) {
  return {
    id: c.person_id,
    nationalId: c.p_national_id,
    firstName: c.p_first_name,
    lastName: c.p_last_name,
    birthDate: c.p_birth_date,
    phone: c.p_phone,
    kommune: c.p_kommune,
  }
}

export function presentDueCall(c: DueCallRow, today: string): FollowUpTodayItem {
  return {
    ...presentCall(c),
    person: presentCallPerson(c),
    measure: {
      id: c.measure_id,
      kind: c.m_kind,
      startDate: c.m_start_date,
      endDate: c.m_end_date,
      caseId: c.m_case_id,
      contactId: c.m_contact_id,
      ownerUnit: c.m_owner_unit,
      unreachedSince: iso(c.m_unreached_since),
    },
    overdueDays: Math.max(0, daysBetween(c.planned_date, today)),
    lastReport: c.l_at
      ? {
          at: iso(c.l_at)!,
          needs: {
            food: !!c.l_food,
            medicine: !!c.l_medicine,
            practical: !!c.l_practical,
            other: !!c.l_other,
          },
          symptoms: c.l_symptoms ?? null,
        }
      : null,
  }
}

export function presentSymptomCall(c: SymptomCallRow): SymptomsReportedItem {
  return {
    ...presentCall(c),
    person: presentCallPerson(c),
    contactId: c.t_id,
    contactVersion: c.t_version,
    measure: { id: c.measure_id, startDate: c.m_start_date, endDate: c.m_end_date },
  }
}
