import type { z } from 'zod'
import type { convertToCaseBody } from '../../../shared/api/contacts'
import { audit, diffFields } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant } from '../../db/tenant'
import { AppError, conflict } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { assertKommuneActive } from '../../policy/kommune-active'
import { toCaseColumns } from '../cases/cases.present'
import * as cases from '../cases/cases.queries'
import { assertCaseDates, assertNoOpenCase, loadCaseDetail, scope } from '../cases/cases.service'
import { contactAuditView } from './contacts.present'
import * as q from './contacts.queries'
import { loadContactDetail, requireContact } from './contacts.service'

/**
 * POST /api/contacts/{id}/convert-to-case (SPEC §3.3): the contact tested positive. One
 * transaction creates the case for the same person — recording the contact it came from and
 * infection source 'contact', which the weekly report counts as "known exposure to a close
 * contact" — and marks the contact 'became_case'. The contact keeps its exposure history. A second
 * call answers 409 (the contact already became a case).
 */
export async function convertToCase(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof convertToCaseBody>,
) {
  const s = scope(ctx, 'case.write')
  const { version, ...fields } = body
  assertCaseDates(fields, 'body')
  return inTenant(deps.db, s, async (trx) => {
    const contact = await requireContact(trx, ctx, id, 'case.write')
    if (contact.status === 'became_case')
      throw new AppError(409, 'already-converted', 'Nærkontakten er allerede registrert som indekstilfelle', {
        caseId: contact.became_case_id,
      })
    if (contact.version !== version) throw conflict(await loadContactDetail(trx, contact))
    await assertKommuneActive(trx, s.kommune)
    await assertNoOpenCase(trx, contact.person_id, s.kommune, 'body')
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
    return { ...(await loadCaseDetail(trx, c)), personCreated: false }
  })
}
