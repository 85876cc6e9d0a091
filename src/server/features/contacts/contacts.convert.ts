import type { z } from 'zod'
import type { convertToCaseBody } from '../../../shared/api/contacts'
import { formatNorwegianDate } from '../../../shared/domain/dates'
import { audit, diffFields } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, conflict, fieldError } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { assertKommuneActive } from '../../policy/kommune-active'
import { toCaseColumns } from '../cases/cases.present'
import * as cases from '../cases/cases.queries'
import { assertCaseDates, assertNoOpenCase, loadCaseDetail, scope } from '../cases/cases.service'
import { todayOslo } from '../measures/clock'
import { measuresOnInfection } from '../measures/measures.convert'
import { contactAuditView } from './contacts.present'
import * as q from './contacts.queries'
import { callOfContact } from './contacts.queries'
import { loadContactDetail, requireContact } from './contacts.service'

/**
 * POST /api/contacts/{id}/convert-to-case (SPEC §3.3, issue 18): the contact tested positive. One
 * transaction creates the case for the same person — recording the contact it came from and
 * infection source 'contact', which the weekly report counts as "known exposure to a close
 * contact" — marks the contact 'became_case', ends its quarantine "Ble smittet" (open calls
 * cancelled, kept) and starts isolation with its call plan. With `fromCallId` (symptoms reported
 * on a follow-up call) the call's symptom notes and remarks are carried into the case. The
 * contact keeps its exposure history. A second call answers 409 (already became a case).
 */
export async function convertToCase(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof convertToCaseBody>,
) {
  const s = scope(ctx, 'case.write')
  const { version, fromCallId, ...fields } = body
  assertCaseDates(fields, 'body')
  const today = todayOslo()
  return inTenant(deps.db, s, async (trx) => {
    const contact = await requireContact(trx, ctx, id, 'case.write')
    if (contact.status === 'became_case')
      throw new AppError(409, 'already-converted', 'Nærkontakten er allerede registrert som indekstilfelle', {
        caseId: contact.became_case_id,
      })
    if (contact.version !== version) throw conflict(await loadContactDetail(trx, contact))
    await assertKommuneActive(trx, s.kommune)
    await assertNoOpenCase(trx, contact.person_id, s.kommune, 'body')
    if (fromCallId) {
      Object.assign(fields, await factsFromCall(trx, s.kommune, contact.id, fromCallId, fields))
      assertCaseDates(fields, 'body')
    }
    const { id: caseId } = await cases.insertCase(trx, {
      ...toCaseColumns(fields),
      exposure_setting: fields.exposureSetting ?? contact.exposure_setting,
      infection_source: 'contact',
      source_contact_id: contact.id,
      kommune: s.kommune,
      owner_unit: s.kommune,
      person_id: contact.person_id,
      created_by: s.userId,
    })
    const saved = await q.updateContact(
      trx,
      { id: contact.id, kommune: s.kommune, version },
      { status: 'became_case', became_case_id: caseId },
    )
    if (!saved) throw conflict(await loadContactDetail(trx, (await q.findContact(trx, contact))!))
    const c = (await cases.findCase(trx, { id: caseId, kommune: s.kommune }))!
    await audit(trx, ctx, {
      action: 'case.create',
      recordType: 'case',
      recordId: caseId,
      personId: contact.person_id,
      changes: diffFields(null, { ...fields, infectionSource: 'contact', sourceContactId: contact.id }),
      details: { fromContactId: contact.id },
    })
    await audit(trx, ctx, {
      action: 'contact.convert',
      recordType: 'contact',
      recordId: contact.id,
      personId: contact.person_id,
      changes: diffFields(contactAuditView(contact), contactAuditView(saved)),
      details: { caseId },
    })
    const measures = await measuresOnInfection(
      trx,
      ctx,
      s.kommune,
      { caseId, sourceContactId: contact.id, testDate: c.test_date },
      today,
    )
    const after = (await cases.findCase(trx, { id: caseId, kommune: s.kommune }))!
    return { ...(await loadCaseDetail(trx, after)), personCreated: false, measures }
  })
}

/**
 * The case's symptoms and notes from the follow-up call where the person reported them (a call
 * of this contact's quarantine): appended to what the tracer typed, the onset date when none.
 */
async function factsFromCall(
  trx: Trx,
  kommune: string,
  contactId: string,
  callId: string,
  fields: { symptoms?: string | null; notes?: string | null; onsetDate?: string | null },
) {
  const call = await callOfContact(trx, { kommune, contactId, callId })
  if (!call) throw fieldError('body.fromCallId', 'Samtalen hører ikke til nærkontaktens karantene')
  const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p?.trim()).join('\n') || null
  const from = `Fra oppfølgingssamtale ${formatNorwegianDate(call.planned_date)}`
  return {
    symptoms: join(fields.symptoms, call.symptom_notes ? `${from}: ${call.symptom_notes}` : null)?.slice(
      0,
      2000,
    ),
    notes: join(fields.notes, call.remarks ? `${from}: ${call.remarks}` : null)?.slice(0, 4000),
    onsetDate: fields.onsetDate ?? call.onset_date,
  }
}
