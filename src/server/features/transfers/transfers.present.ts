import { type TransferSummary, type TransferView, transferSummary } from '../../../shared/api/transfers'
import type { RequestContext } from '../../auth/actor'
import type { Trx } from '../../db/tenant'
import { AppError } from '../../http/errors'
import { iso } from '../cases/cases.present'
import { requireCase } from '../cases/cases.service'
import { requireContact } from '../contacts/contacts.service'
import type * as q from './transfers.queries'

const EMPTY_SUMMARY: TransferSummary = {
  firstName: '',
  lastName: '',
  birthDate: null,
  phone: null,
  testDate: null,
  onsetDate: null,
  exposureDate: null,
}

/** The transfer as the active municipality sees it: the receiver sees the record id only once accepted. */
export function presentTransfer(t: q.TransferRow, kommune: string): TransferView {
  const direction = t.to_kommune === kommune ? 'in' : 'out'
  return {
    id: t.id,
    direction,
    from: { code: t.from_kommune, name: t.from_name },
    to: { code: t.to_kommune, name: t.to_name },
    recordType: t.record_type,
    recordId: direction === 'out' || t.status === 'accepted' ? t.record_id : null,
    status: t.status,
    message: t.message,
    summary: transferSummary.safeParse(t.summary).data ?? EMPTY_SUMMARY,
    createdAt: iso(t.created_at)!,
    createdByName: t.created_by_name,
    decidedAt: iso(t.decided_at),
    decidedByName: t.decided_by_name,
    rejectReason: t.reject_reason,
    version: t.version,
  }
}

/** The minimum the receiver needs (SPEC §3.6), copied from the sender's record when sent. */
export async function recordSummary(
  trx: Trx,
  ctx: RequestContext,
  recordType: 'case' | 'contact',
  id: string,
) {
  if (recordType === 'case') {
    const c = await requireCase(trx, ctx, id, 'case.write')
    if (c.status !== 'open')
      throw new AppError(422, 'not-active', 'Bare åpne tilfeller kan overføres til en annen kommune')
    return {
      personId: c.person_id,
      summary: {
        ...EMPTY_SUMMARY,
        firstName: c.p_first_name,
        lastName: c.p_last_name,
        birthDate: c.p_birth_date,
        phone: c.p_phone,
        testDate: c.test_date,
        onsetDate: c.onset_date,
      },
    }
  }
  const t = await requireContact(trx, ctx, id, 'case.write')
  if (t.status !== 'active')
    throw new AppError(422, 'not-active', 'Bare aktive nærkontakter kan overføres til en annen kommune')
  return {
    personId: t.person_id,
    summary: {
      ...EMPTY_SUMMARY,
      firstName: t.p_first_name,
      lastName: t.p_last_name,
      birthDate: t.p_birth_date,
      phone: t.p_phone,
      exposureDate: t.last_exposure,
    },
  }
}
