import { sql } from 'kysely'
import type { z } from 'zod'
import { MERGE_FIELDS, type mergeBody } from '../../../shared/api/persons'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { conflict, notFound, unprocessable } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { authorize } from '../../policy/policy'
import { presentPerson, presentSummary } from './persons.present'
import * as q from './persons.queries'

/**
 * Tables whose rows point at a person and move to the survivor on merge. Features that add such
 * tables register them here (table, person column), so merge keeps every role and history.
 */
export const PERSON_REFERENCES: { table: string; column: string }[] = [
  { table: 'cases', column: 'person_id' },
]

export function registerPersonReference(table: string, column = 'person_id') {
  if (!PERSON_REFERENCES.some((r) => r.table === table && r.column === column))
    PERSON_REFERENCES.push({ table, column })
}

const COLUMN: Record<(typeof MERGE_FIELDS)[number], keyof q.PersonRow> = {
  nationalId: 'national_id',
  firstName: 'first_name',
  lastName: 'last_name',
  birthDate: 'birth_date',
  sex: 'sex',
  phone: 'phone',
  phone2: 'phone2',
  email: 'email',
  street: 'street',
  postcode: 'postcode',
  place: 'place',
  residenceKommune: 'residence_kommune',
  residenceBydel: 'residence_bydel',
  preferredLanguage: 'preferred_language',
  workplaceName: 'workplace_name',
  workplaceType: 'workplace_type',
  notes: 'notes',
}

export async function listDuplicatePairs(deps: AppDeps, ctx: RequestContext) {
  authorize(ctx.actor, 'person.merge')
  const kommune = ctx.actor.kommune!
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const pairs = await q.findDuplicatePairs(trx, kommune)
    const people = new Map(
      (
        await q.summaries(
          trx,
          kommune,
          pairs.flatMap((p) => [p.a_id, p.b_id]),
        )
      ).map((p) => [p.id, p]),
    )
    await audit(trx, ctx, {
      action: 'person.search',
      recordType: 'person',
      details: { kind: 'duplicate-pairs', results: pairs.length },
    })
    return {
      items: pairs
        .filter((p) => people.has(p.a_id) && people.has(p.b_id))
        .map((p) => ({
          a: presentSummary(people.get(p.a_id)!),
          b: presentSummary(people.get(p.b_id)!),
          score: Math.round(p.sim * 100) / 100,
          reasons: ['name', ...(p.same_birth ? ['birthDate'] : []), ...(p.same_phone ? ['phone'] : [])],
        })),
    }
  })
}

/**
 * Merges `merged` into `survivor` (SPEC §3.1): the chosen field values go to the survivor, every
 * case, contact and later record moves over, two contact links to the same case collapse into one
 * keeping the latest exposure, and the merged person is kept as a tombstone (merged_into) so old
 * references and the audit trail still resolve. Both must be owned by this municipality.
 */
export async function mergePersons(deps: AppDeps, ctx: RequestContext, body: z.output<typeof mergeBody>) {
  authorize(ctx.actor, 'person.merge')
  const kommune = ctx.actor.kommune!
  if (body.survivorId === body.mergedId) throw unprocessable('same-person', 'Velg to forskjellige personer')
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const survivor = await q.findPerson(trx, { id: body.survivorId, kommune })
    const merged = await q.findPerson(trx, { id: body.mergedId, kommune })
    if (!survivor || !merged) throw notFound('Personen')
    if (survivor.kommune !== kommune || merged.kommune !== kommune)
      throw unprocessable('not-owner', 'Bare personer som eies av kommunen kan slås sammen')
    if (survivor.version !== body.survivorVersion) throw conflict(presentPerson(survivor, kommune))
    if (merged.version !== body.mergedVersion) throw conflict(presentPerson(merged, kommune))
    if (survivor.national_id && merged.national_id && survivor.national_id !== merged.national_id)
      throw unprocessable(
        'different-ids',
        'Personene har forskjellige fødselsnumre og kan ikke være samme person',
      )

    const values: Record<string, unknown> = {}
    for (const field of MERGE_FIELDS) {
      const col = COLUMN[field]
      const pick = body.choices[field] ?? (survivor[col] == null ? 'merged' : 'survivor')
      if (pick === 'merged' && merged[col] !== survivor[col]) values[col] = merged[col]
    }
    if (values.national_id) values.id_type = merged.id_type
    // The national id is unique: free it on the merged person before giving it to the survivor.
    await trx
      .updateTable('persons')
      .set({ merged_into: survivor.id, national_id: null, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', merged.id)
      .execute()
    const after = await q.updatePerson(trx, survivor.id, survivor.version, values as q.PersonValues)
    if (!after) throw conflict(presentPerson(survivor, kommune))
    const moved = await moveReferences(trx, kommune, merged.id, survivor.id)

    await audit(trx, ctx, {
      action: 'person.merge',
      recordType: 'person',
      recordId: survivor.id,
      personId: survivor.id,
      changes: Object.keys(values).map((field) => ({
        field,
        before: survivor[field as keyof q.PersonRow],
        after: values[field],
      })),
      details: { mergedPersonId: merged.id, moved },
    })
    await audit(trx, ctx, {
      action: 'person.merged-away',
      recordType: 'person',
      recordId: merged.id,
      personId: merged.id,
      details: { into: survivor.id },
    })
    return presentPerson(after, kommune)
  })
}

async function moveReferences(trx: Trx, kommune: string, from: string, to: string) {
  const moved: Record<string, number> = {}
  moved.contactsCollapsed = await collapseContacts(trx, kommune, from, to)
  const contacts = await trx
    .updateTable('contacts')
    .set({ person_id: to })
    .where('person_id', '=', from)
    .where('kommune', '=', kommune)
    .executeTakeFirst()
  moved.contacts = Number(contacts.numUpdatedRows)
  for (const ref of PERSON_REFERENCES) {
    const r =
      await sql`update ${sql.table(ref.table)} set ${sql.ref(ref.column)} = ${to} where ${sql.ref(ref.column)} = ${from} and kommune = ${kommune}`.execute(
        trx,
      )
    moved[ref.table] = Number(r.numAffectedRows ?? 0)
  }
  await sql`insert into person_links (person_id, kommune) select ${to}, kommune from person_links where person_id = ${from} on conflict do nothing`.execute(
    trx,
  )
  // Other municipalities' own details of the merged person follow it (migration 0050).
  const details = await sql<{
    n: number
  }>`select person_details_merge(${from}::uuid, ${to}::uuid) as n`.execute(trx)
  moved.otherMunicipalityDetails = Number(details.rows[0]?.n ?? 0)
  return moved
}

/**
 * Both persons are contacts of the same case: keep the survivor's link with the latest exposure,
 * re-point anything that referred to the merged link, and remove the duplicate link.
 */
async function collapseContacts(trx: Trx, kommune: string, from: string, to: string) {
  const dupes = await trx
    .selectFrom('contacts as m')
    .innerJoin('contacts as s', (j) => j.onRef('s.case_id', '=', 'm.case_id').on('s.person_id', '=', to))
    .select([
      'm.id as merged_id',
      's.id as survivor_id',
      'm.last_exposure as m_exp',
      's.last_exposure as s_exp',
      'm.household as m_household',
    ])
    .where('m.person_id', '=', from)
    .where('m.kommune', '=', kommune)
    .execute()
  for (const d of dupes) {
    const latest = [d.m_exp, d.s_exp].filter(Boolean).sort().pop() ?? null
    await trx
      .updateTable('contacts')
      .set({
        last_exposure: latest,
        household: sql`household or ${d.m_household}`,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', d.survivor_id)
      .execute()
    await trx
      .updateTable('cases')
      .set({ source_contact_id: d.survivor_id })
      .where('source_contact_id', '=', d.merged_id)
      .execute()
    for (const ref of CONTACT_REFERENCES)
      await sql`update ${sql.table(ref.table)} set ${sql.ref(ref.column)} = ${d.survivor_id} where ${sql.ref(ref.column)} = ${d.merged_id}`.execute(
        trx,
      )
    await trx.deleteFrom('contacts').where('id', '=', d.merged_id).execute()
  }
  return dupes.length
}

/** Tables pointing at a contact (e.g. measures); registered by their features like PERSON_REFERENCES. */
export const CONTACT_REFERENCES: { table: string; column: string }[] = []
export function registerContactReference(table: string, column = 'contact_id') {
  if (!CONTACT_REFERENCES.some((r) => r.table === table && r.column === column))
    CONTACT_REFERENCES.push({ table, column })
}

/** Orders a pair the way person_not_duplicates stores it (person_a < person_b). */
const ordered = (a: string, b: string) => (a < b ? [a, b] : [b, a]) as [string, string]

/**
 * Marks two persons of this municipality as "ikke duplikat": the pair is left out of the
 * duplicate list from now on. Audited on both persons; undone with revokeNotDuplicate.
 */
export async function markNotDuplicate(
  deps: AppDeps,
  ctx: RequestContext,
  body: { aId: string; bId: string },
) {
  authorize(ctx.actor, 'person.merge')
  const kommune = ctx.actor.kommune!
  if (body.aId === body.bId) throw unprocessable('same-person', 'Velg to forskjellige personer')
  const [a, b] = ordered(body.aId, body.bId)
  const userId = ctx.actor.userId
  return inTenant(deps.db, { kommune, userId }, async (trx) => {
    if (!(await q.findPerson(trx, { id: a, kommune })) || !(await q.findPerson(trx, { id: b, kommune })))
      throw notFound('Personen')
    const row = await trx
      .insertInto('person_not_duplicates')
      .values({ kommune, person_a: a, person_b: b, created_by: userId })
      .onConflict((oc) =>
        oc.columns(['kommune', 'person_a', 'person_b']).where('revoked_at', 'is', null).doNothing(),
      )
      .returning('id')
      .executeTakeFirst()
    if (row)
      for (const [id, other] of [
        [a, b],
        [b, a],
      ] as const)
        await audit(trx, ctx, {
          action: 'person.not-duplicate',
          recordType: 'person',
          recordId: id,
          personId: id,
          details: { other },
        })
    return { aId: a, bId: b, notDuplicate: true }
  })
}

/** Undoes "ikke duplikat" (the marking is kept as history with revoked_at). */
export async function revokeNotDuplicate(
  deps: AppDeps,
  ctx: RequestContext,
  body: { aId: string; bId: string },
) {
  authorize(ctx.actor, 'person.merge')
  const kommune = ctx.actor.kommune!
  const [a, b] = ordered(body.aId, body.bId)
  const userId = ctx.actor.userId
  return inTenant(deps.db, { kommune, userId }, async (trx) => {
    const r = await trx
      .updateTable('person_not_duplicates')
      .set({ revoked_at: sql`now()`, revoked_by: userId })
      .where('kommune', '=', kommune)
      .where('person_a', '=', a)
      .where('person_b', '=', b)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) === 0) throw notFound('Merkingen')
    for (const [id, other] of [
      [a, b],
      [b, a],
    ] as const)
      await audit(trx, ctx, {
        action: 'person.not-duplicate-revoked',
        recordType: 'person',
        recordId: id,
        personId: id,
        details: { other },
      })
    return { aId: a, bId: b, notDuplicate: false }
  })
}
