import type { CaseDetail, CaseListItem, CaseView } from '../../../shared/api/cases'
import type { Warning } from '../../../shared/api/casework'
import type { ContactListItem } from '../../../shared/api/contacts'
import type { PersonSummary } from '../../../shared/api/persons'
import { type InfectiousPeriod, infectiousPeriod } from '../../../shared/domain/infectiousPeriod'
import type { CaseListRow, CaseValues, CaseWithPerson, PersonSummaryCols } from './cases.queries'

export const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

export const presentPersonCols = (r: PersonSummaryCols): PersonSummary => ({
  id: r.person_id,
  nationalId: r.p_national_id,
  firstName: r.p_first_name,
  lastName: r.p_last_name,
  birthDate: r.p_birth_date,
  phone: r.p_phone,
  kommune: r.p_kommune,
})

const assignee = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null)

export function presentCase(c: CaseWithPerson): CaseView {
  return {
    id: c.id,
    kommune: c.kommune,
    ownerUnit: c.owner_unit,
    person: presentPersonCols(c),
    probable: c.probable,
    testDate: c.test_date,
    testType: c.test_type,
    resultDate: c.result_date,
    symptomatic: c.symptomatic,
    onsetDate: c.onset_date,
    symptoms: c.symptoms,
    likelyInfectionDate: c.likely_infection_date,
    infectionSource: c.infection_source,
    exposureSetting: c.exposure_setting,
    travelHistory: c.travel_history,
    hospitalised: c.hospitalised,
    outcome: c.outcome,
    vaccinationStatus: c.vaccination_status,
    vaccinationDate: c.vaccination_date,
    interviewStatus: c.interview_status,
    assignedTo: assignee(c.assigned_to, c.assignee_name),
    notes: c.notes,
    status: c.status,
    closedAt: iso(c.closed_at),
    sourceContactId: c.source_contact_id,
    sourceEventId: c.source_event_id,
    isolationEnd: c.isolation_end,
    version: c.version,
    createdAt: iso(c.created_at)!,
    updatedAt: iso(c.updated_at)!,
  }
}

/** The case's smitteperiode from the shared domain rule (null when nothing to count from). */
export const periodOf = (c: {
  symptomatic: boolean | null
  onset_date: string | null
  test_date: string | null
  isolation_end: string | null
}): InfectiousPeriod | null =>
  infectiousPeriod({
    symptomatic: c.symptomatic ?? false,
    onsetDate: c.onset_date,
    testDate: c.test_date,
    isolationEnd: c.isolation_end,
  })

/** Case-level remarks that do not block saving. */
export function caseWarnings(c: CaseWithPerson, period: InfectiousPeriod | null): Warning[] {
  const out: Warning[] = []
  if (c.symptomatic && !c.onset_date)
    out.push({
      path: 'onsetDate',
      code: 'onset-missing',
      message: 'Symptomstart mangler – smitteperioden regnes fra testdato',
    })
  if (!period)
    out.push({
      path: 'testDate',
      code: 'no-period',
      message: 'Smitteperioden kan ikke beregnes uten testdato eller symptomstart',
    })
  if (c.infection_source === 'contact' && !c.source_contact_id)
    out.push({
      path: 'infectionSource',
      code: 'source-contact-unknown',
      message: 'Smittekilden er en nærkontakt, men tilfellet er ikke koblet til nærkontakten',
    })
  return out
}

export function presentCaseDetail(
  c: CaseWithPerson,
  contacts: ContactListItem[],
  period: InfectiousPeriod | null,
): CaseDetail {
  return { ...presentCase(c), infectiousPeriod: period, warnings: caseWarnings(c, period), contacts }
}

export const presentCaseListItem = (r: CaseListRow): CaseListItem => ({
  id: r.id,
  person: presentPersonCols(r),
  status: r.status,
  probable: r.probable,
  testDate: r.test_date,
  onsetDate: r.onset_date,
  interviewStatus: r.interview_status,
  exposureSetting: r.exposure_setting,
  assignedTo: assignee(r.assigned_to, r.assignee_name),
  contactCount: r.contact_count ?? 0,
  createdAt: iso(r.created_at)!,
  version: r.version,
})

/** API field → column, for the case fields a tracer writes. */
export const CASE_COLUMNS = {
  probable: 'probable',
  testDate: 'test_date',
  testType: 'test_type',
  resultDate: 'result_date',
  symptomatic: 'symptomatic',
  onsetDate: 'onset_date',
  symptoms: 'symptoms',
  likelyInfectionDate: 'likely_infection_date',
  infectionSource: 'infection_source',
  exposureSetting: 'exposure_setting',
  travelHistory: 'travel_history',
  hospitalised: 'hospitalised',
  outcome: 'outcome',
  vaccinationStatus: 'vaccination_status',
  vaccinationDate: 'vaccination_date',
  interviewStatus: 'interview_status',
  notes: 'notes',
  isolationEnd: 'isolation_end',
} as const satisfies Record<string, keyof CaseValues>

export type CaseFieldName = keyof typeof CASE_COLUMNS

/** The columns for the fields present (not undefined) in the input. */
export function toCaseColumns(input: Partial<Record<CaseFieldName, unknown>>): CaseValues {
  const out: Record<string, unknown> = {}
  for (const [field, col] of Object.entries(CASE_COLUMNS)) {
    const v = input[field as CaseFieldName]
    if (v !== undefined) out[col] = v
  }
  return out as CaseValues
}
