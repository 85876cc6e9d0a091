import type { Warning } from '../../../shared/api/casework'
import type { ContactDetail, ContactFields, ContactListItem } from '../../../shared/api/contacts'
import { exposureWarning, type InfectiousPeriod } from '../../../shared/domain/infectiousPeriod'
import { iso, periodOf, presentPersonCols } from '../cases/cases.present'
import type { ContactValues, ContactWithPerson } from './contacts.queries'

type ContactListRow = Omit<ContactWithPerson, 'notified_by_name'>

/** The case's period as seen from a contact row (null without a case or without dates). */
export const contactPeriod = (r: ContactListRow): InfectiousPeriod | null =>
  r.case_id
    ? periodOf({
        symptomatic: r.c_symptomatic,
        onset_date: r.c_onset_date,
        test_date: r.c_test_date,
        isolation_end: r.c_isolation_end,
      })
    : null

/** Last exposure against the index case's infectious period (SPEC §3.2): a warning, never a block. */
export function exposureWarnings(
  lastExposure: string | null,
  period: InfectiousPeriod | null,
  today: string,
  path = 'lastExposure',
): Warning[] {
  if (!lastExposure || !period) return []
  const w = exposureWarning(lastExposure, period, today)
  return w ? [{ path, code: w.code, message: w.message }] : []
}

export const presentContactListItem = (r: ContactListRow, today: string): ContactListItem => ({
  id: r.id,
  caseId: r.case_id,
  person: presentPersonCols(r),
  relation: r.relation,
  exposureSetting: r.exposure_setting,
  exposureTypes: r.exposure_types,
  lastExposure: r.last_exposure,
  household: r.household,
  notifiedAt: r.notified_at,
  status: r.status,
  becameCaseId: r.became_case_id,
  assignedTo: r.assigned_to ? { id: r.assigned_to, name: r.assigned_name ?? '' } : null,
  createdAt: iso(r.created_at)!,
  version: r.version,
  warnings: exposureWarnings(r.last_exposure, contactPeriod(r), today),
})

export function presentContactDetail(
  r: ContactWithPerson,
  indexCase: ContactDetail['indexCase'],
  today: string,
): ContactDetail {
  return {
    ...presentContactListItem(r, today),
    kommune: r.kommune,
    eventId: r.event_id,
    notifiedBy: r.notified_by ? { id: r.notified_by, name: r.notified_by_name ?? '' } : null,
    symptoms: r.symptoms,
    notes: r.notes,
    updatedAt: iso(r.updated_at)!,
    indexCase,
  }
}

const CONTACT_COLUMNS = {
  relation: 'relation',
  exposureSetting: 'exposure_setting',
  exposureTypes: 'exposure_types',
  lastExposure: 'last_exposure',
  household: 'household',
  symptoms: 'symptoms',
  notes: 'notes',
} as const satisfies Record<keyof ContactFields, keyof ContactValues>

/** Columns for the contact fields present (not undefined) in the input. */
export function toContactColumns(input: Partial<Record<keyof ContactFields, unknown>>): ContactValues {
  const out: Record<string, unknown> = {}
  for (const [field, col] of Object.entries(CONTACT_COLUMNS)) {
    const v = input[field as keyof ContactFields]
    if (v !== undefined) out[col] = v
  }
  return out as ContactValues
}

/** A contact row in API field names, for audit diffs and conflict answers. */
export const contactAuditView = (r: Partial<ContactValues>) => ({
  relation: r.relation,
  exposureSetting: r.exposure_setting,
  exposureTypes: r.exposure_types,
  lastExposure: r.last_exposure,
  household: r.household,
  symptoms: r.symptoms,
  notes: r.notes,
  status: r.status,
  notifiedAt: r.notified_at,
  notifiedBy: r.notified_by,
  becameCaseId: r.became_case_id,
  assignedTo: r.assigned_to,
})
