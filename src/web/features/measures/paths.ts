/** Where a measure's record lives in the app: the case (isolation) or the contact (quarantine). */
export function recordPath(m: { caseId: string | null; contactId: string | null }) {
  if (m.caseId) return `/saker/${encodeURIComponent(m.caseId)}`
  return `/kontakter/${encodeURIComponent(m.contactId ?? '')}`
}
