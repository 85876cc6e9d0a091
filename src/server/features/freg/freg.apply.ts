import type { z } from 'zod'
import type { FregField, fregApplyBody } from '../../../shared/api/freg'
import type { PersonView } from '../../../shared/api/persons'
import { audit, diffFields } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { conflict, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { assertKommuneActive } from '../../policy/kommune-active'
import { authorize } from '../../policy/policy'
import { presentPerson } from '../persons/persons.present'
import * as persons from '../persons/persons.queries'
import { fregReceiptInvalid } from './freg.errors'
import { ADDRESS_FIELDS_MASKED, columnsToApply } from './freg.present'
import * as q from './freg.queries'
import { readReceipt } from './freg.receipt'

/**
 * `POST /api/persons/:id/freg-apply`: saves the fields the tracer confirmed in the preview, with
 * the values of the signed lookup receipt, and records that they came from Folkeregisteret and
 * when (persons.freg_fetched_at, freg_status). Optimistic locking as for any person update.
 */
export async function applyFromFreg(
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  body: z.output<typeof fregApplyBody>,
): Promise<PersonView> {
  authorize(ctx.actor, 'freg.lookup')
  authorize(ctx.actor, 'person.write')
  const kommune = ctx.actor.kommune!
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    await assertKommuneActive(trx, kommune)
    const before = await persons.findPerson(trx, { id: personId, kommune })
    if (!before) throw notFound('Personen')
    return presentPerson(await applyReceipt(deps, trx, ctx, before, body), kommune)
  })
}

/**
 * Inside the caller's transaction: checks the signed receipt against the person, saves the chosen
 * fields with FREG's values, sets freg_fetched_at/freg_status and audits a `person.update` with
 * source `folkeregister`. Shared by freg-apply and registration (POST /api/cases with `freg`).
 */
export async function applyReceipt(
  deps: AppDeps,
  trx: Trx,
  ctx: RequestContext,
  before: persons.PersonRow,
  body: { version: number; receipt: string; fields: readonly FregField[] },
): Promise<persons.PersonRow> {
  const kommune = ctx.actor!.kommune!
  const personId = before.id
  const receipt = readReceipt(deps.config.sessionSecret, body.receipt, kommune)
  if (!receipt) throw fregReceiptInvalid()
  if (before.national_id !== receipt.person.nationalId)
    throw fregReceiptInvalid('Oppslaget gjelder et annet fødselsnummer enn personen har.')
  const values = columnsToApply(receipt.person, body.fields)
  if (values.residence_kommune && !(await q.isKnownKommune(trx, values.residence_kommune)))
    values.residence_kommune = null
  values.freg_fetched_at = new Date(receipt.fetchedAt)
  values.freg_status = receipt.person.status
  const after = await persons.updatePerson(trx, personId, body.version, values)
  if (!after) throw conflict(presentPerson(before, kommune))
  const protectedAfter = after.protected_address !== 'none' || before.protected_address !== 'none'
  await audit(trx, ctx, {
    action: 'person.update',
    recordType: 'person',
    recordId: personId,
    personId,
    changes: diffFields(before, after, Object.keys(values) as (keyof typeof before & string)[], {
      masked: protectedAfter ? ADDRESS_FIELDS_MASKED : [],
    }),
    details: { source: 'folkeregister', fetchedAt: receipt.fetchedAt },
  })
  return after
}
