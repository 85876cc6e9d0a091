import { createHash } from 'node:crypto'
import { addDaysOslo, formatNorwegianDate } from '../../../shared/domain/dates'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { notFound, unprocessable } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { authorize } from '../../policy/policy'
import { todayOslo } from '../measures/clock'
import { findMeasure, type MeasureWithPerson } from '../measures/measures.queries'
import { renderNoticePdf } from './letters.pdf'
import * as q from './letters.queries'
import { type Language, type NoticeFacts, noticeText } from './letters.texts'

/** The facts of the notice. A protected address (adressebeskyttelse) never reaches the letter. */
async function noticeFacts(trx: Trx, m: MeasureWithPerson, today: string): Promise<NoticeFacts> {
  const person = await trx
    .selectFrom('persons')
    .select(['first_name', 'last_name', 'birth_date', 'street', 'postcode', 'place', 'protected_address'])
    .where('id', '=', m.person_id)
    .executeTakeFirstOrThrow()
  const kommune = await trx
    .selectFrom('org_units as o')
    .leftJoin('kommune_settings as s', 's.kommune_code', 'o.code')
    .select(['o.short_name', 's.contact_name', 's.contact_phone', 's.contact_email'])
    .where('o.code', '=', m.kommune)
    .executeTakeFirstOrThrow()
  const rule = m.rule_set_id
    ? await trx.selectFrom('rule_sets').selectAll().where('id', '=', m.rule_set_id).executeTakeFirst()
    : undefined
  const days = m.kind === 'quarantine' ? rule?.quarantine_days : rule?.isolation_days
  const testOutDay = m.kind === 'quarantine' ? (rule?.quarantine_test_out_day ?? null) : null
  const address =
    person.protected_address === 'none' && person.street
      ? [person.street, [person.postcode, person.place].filter(Boolean).join(' ')].filter(Boolean)
      : []
  return {
    kind: m.kind,
    kommuneName: `${kommune.short_name} kommune`,
    name: `${person.first_name} ${person.last_name}`,
    birthDate: person.birth_date ? formatNorwegianDate(person.birth_date) : null,
    address,
    start: formatNorwegianDate(m.start_date),
    end: formatNorwegianDate(m.end_date),
    rule:
      rule && days
        ? {
            name: rule.name,
            days,
            testOutDay,
            testOutFrom:
              testOutDay && m.basis_date ? formatNorwegianDate(addDaysOslo(m.basis_date, testOutDay)) : null,
          }
        : null,
    adjusted: m.start_date !== m.computed_start || m.end_date !== m.computed_end,
    contact: { name: kommune.contact_name, phone: kommune.contact_phone, email: kommune.contact_email },
    issuedOn: formatNorwegianDate(today),
  }
}

/**
 * Generates the isolation or quarantine notice (PDF) in the chosen language and stores it as a
 * document on the person (SPEC §4), audited.
 */
export async function createLetter(
  deps: AppDeps,
  ctx: RequestContext,
  measureId: string,
  language: Language,
) {
  authorize(ctx.actor, 'measure.write')
  const kommune = ctx.actor.kommune!
  const userId = ctx.actor.userId
  const today = todayOslo()
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const m = await findMeasure(trx, { id: measureId, kommune })
    if (!m) throw notFound('Tiltaket')
    if (m.status === 'cancelled')
      throw unprocessable('measure-cancelled', 'Tiltaket er avbrutt; det lages ikke brev')
    const facts = await noticeFacts(trx, m, today)
    const text = noticeText(language, facts)
    const bytes = await renderNoticePdf(text, { author: facts.kommuneName, language })
    const { id } = await q.insertDocument(trx, {
      kommune,
      person_id: m.person_id,
      measure_id: m.id,
      kind: m.kind === 'isolation' ? 'isolation-notice' : 'quarantine-notice',
      language,
      title: text.title,
      filename: `${text.filenameStem}-${m.start_date}-${language}.pdf`,
      content: bytes,
      byte_size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      created_by: userId,
    })
    await audit(trx, ctx, {
      action: 'document.create',
      recordType: 'person_document',
      recordId: id,
      personId: m.person_id,
      details: { measureId: m.id, language, kind: m.kind },
    })
    return q.presentDocument((await q.findDocument(trx, { id, kommune }))!)
  })
}

/** The stored PDF, audited as a read of the person's data. */
export async function readDocument(deps: AppDeps, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'measure.read')
  const kommune = ctx.actor.kommune!
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const doc = await q.documentContent(trx, { id, kommune })
    if (!doc) throw notFound('Dokumentet')
    await audit(trx, ctx, {
      action: 'document.read',
      recordType: 'person_document',
      recordId: id,
      personId: doc.person_id,
    })
    return doc
  })
}
