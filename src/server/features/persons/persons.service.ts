import type { z } from 'zod'
import { type PersonRef, personInput, type personUpdate } from '../../../shared/api/persons'
import { validateNationalId } from '../../../shared/domain/nationalId'
import { minimumIdentityErrors } from '../../../shared/domain/personIdentity'
import { audit, diffFields } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, conflict, fieldError, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { assertKommuneActive } from '../../policy/kommune-active'
import { authorize } from '../../policy/policy'
import { presentPerson, presentSummary, toColumns } from './persons.present'
import * as q from './persons.queries'

const PROTECTED_COLUMNS = ['street', 'postcode', 'place', 'residence_bydel']

type NewPerson = z.output<typeof personInput> & { confirmNew?: boolean | undefined }

/** Validates a typed national id under the environment rule; a 400 naming the field otherwise. */
function checkId(deps: AppDeps, nationalId: string, path: string) {
  const r = validateNationalId(nationalId, { testEnvironment: deps.config.testEnvironment })
  if (!r.ok) throw fieldError(path, r.message)
  return r
}

/**
 * The one way a registration gets its person (SPEC §3.1 "one person, once"):
 * - `{ personId }`: an existing person visible to this municipality;
 * - a known national id: that person — if another municipality owns it, this one is linked so
 *   its own case or contact can refer to the same register entry;
 * - otherwise a new person, unless similar persons exist and the tracer has not confirmed
 *   "ny person" (409 with the candidates).
 */
/** Built once: zod compiles a schema on first use, and this runs for every row of a grid or import. */
const newPersonInput = personInput.extend({ confirmNew: personInput.shape.interpreterNeeded })

/** Who holds a national id: the person and the owning municipality (see lookupByNationalId). */
export type NationalIdOwner = { person_id: string; owner_kommune: string }

export async function resolvePerson(
  deps: AppDeps,
  trx: Trx,
  ctx: RequestContext,
  ref: PersonRef,
  path = 'person',
  /**
   * National ids already looked up in this transaction (a bulk caller does a page at once): the
   * lookup result, or null when no person has the id. Ids not in the map are looked up here.
   */
  looked?: Map<string, NationalIdOwner | null>,
): Promise<{ personId: string; created: boolean }> {
  const kommune = ctx.actor!.kommune!
  if ('personId' in ref) {
    const p = await q.findPerson(trx, { id: ref.personId, kommune })
    if (!p) throw fieldError(`${path}.personId`, 'Personen finnes ikke')
    return { personId: p.id, created: false }
  }
  const input = newPersonInput.parse(ref) as NewPerson
  for (const e of minimumIdentityErrors(input)) throw fieldError(`${path}.${e.field}`, e.message)
  let idType: q.PersonValues['id_type'] = null
  let birthDate = input.birthDate ?? null
  if (input.nationalId) {
    const id = checkId(deps, input.nationalId, `${path}.nationalId`)
    const existing = looked?.has(id.id) ? looked.get(id.id) : await q.lookupByNationalId(trx, id.id)
    if (existing) {
      if (existing.owner_kommune !== kommune) await q.linkByNationalId(trx, id.id)
      await fillOwnDetails(trx, ctx, existing.person_id, input)
      return { personId: existing.person_id, created: false }
    }
    idType = id.idType
    birthDate = birthDate ?? id.birthDate
  } else if (!input.confirmNew) {
    const candidates = await q.findCandidates(trx, kommune, {
      name: `${input.firstName} ${input.lastName}`,
      birthDate,
      phone: input.phone ?? null,
      street: input.street ?? null,
    })
    if (candidates.some((c) => c.score >= 1.5)) {
      throw new AppError(409, 'possible-duplicates', 'Personen kan allerede være registrert', {
        path,
        candidates: candidates.map((c) => ({ ...presentSummary(c), score: Math.round(c.score * 100) / 100 })),
      })
    }
  }
  const row = await q.insertPersonUnlessIdTaken(trx, {
    ...toColumns(input),
    national_id: input.nationalId ? checkId(deps, input.nationalId, `${path}.nationalId`).id : null,
    id_type: idType,
    birth_date: birthDate,
    kommune,
    owner_unit: kommune,
    first_name: input.firstName,
    last_name: input.lastName,
    created_by: ctx.actor!.userId,
  })
  if (!row) {
    // Registered by someone else a moment ago (same national id): one person, so use that one.
    const nationalId = checkId(deps, input.nationalId!, `${path}.nationalId`).id
    const existing = await q.lookupByNationalId(trx, nationalId)
    if (!existing)
      throw new AppError(409, 'conflict', 'Personen ble registrert samtidig av noen andre. Prøv igjen.')
    if (existing.owner_kommune !== kommune) await q.linkByNationalId(trx, nationalId)
    await fillOwnDetails(trx, ctx, existing.person_id, input)
    return { personId: existing.person_id, created: false }
  }
  await audit(trx, ctx, { action: 'person.create', recordType: 'person', recordId: row.id, personId: row.id })
  return { personId: row.id, created: true }
}

/**
 * A known national id registered again (here or by another municipality): this municipality's own
 * details get what its tracer typed, where its own details are still empty. Never another
 * municipality's details (they are not readable here, migration 0050), never the shared identity.
 */
async function fillOwnDetails(trx: Trx, ctx: RequestContext, personId: string, input: NewPerson) {
  const kommune = ctx.actor!.kommune!
  const own = await q.findPerson(trx, { id: personId, kommune })
  if (!own) return
  const typed = q.splitPersonValues({ ...toColumns(input), first_name: '', last_name: '' }).details
  const fill: q.PersonValues = {}
  for (const [k, v] of Object.entries(typed) as [keyof typeof typed, unknown][]) {
    if (v === null || v === undefined || v === '' || (k === 'interpreter_needed' && v === false)) continue
    if (own[k] === null || own[k] === false) (fill as Record<string, unknown>)[k] = v
  }
  if (Object.keys(fill).length === 0) return
  const after = await q.updatePerson(trx, personId, own.version, fill)
  if (!after) return
  const masked = own.protected_address !== 'none' ? PROTECTED_COLUMNS : []
  await audit(trx, ctx, {
    action: 'person.update',
    recordType: 'person',
    recordId: personId,
    personId,
    changes: diffFields(own as Record<string, unknown>, after as Record<string, unknown>, Object.keys(fill), {
      masked,
    }),
    details: { ownDetails: true },
  })
}

export async function createPerson(deps: AppDeps, ctx: RequestContext, ref: PersonRef) {
  authorize(ctx.actor, 'person.write')
  const kommune = ctx.actor.kommune!
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    await assertKommuneActive(trx, kommune)
    const { personId, created } = await resolvePerson(deps, trx, ctx, ref, 'body')
    const p = await q.findPerson(trx, { id: personId, kommune })
    if (!created)
      await audit(trx, ctx, { action: 'person.read', recordType: 'person', recordId: personId, personId })
    return { created, person: presentPerson(p!, kommune, false, await q.followedBy(trx, personId)) }
  })
}

export async function getPerson(deps: AppDeps, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'person.read')
  const kommune = ctx.actor.kommune!
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const p = await q.findPerson(trx, { id, kommune })
    if (!p) throw notFound('Personen')
    await audit(trx, ctx, { action: 'person.read', recordType: 'person', recordId: id, personId: id })
    return presentPerson(p, kommune, false, await q.followedBy(trx, id))
  })
}

/** Shows a protected address to this user, once, with a reason that goes to the audit log. */
export async function revealAddress(deps: AppDeps, ctx: RequestContext, id: string, reason: string) {
  authorize(ctx.actor, 'person.reveal-address')
  const kommune = ctx.actor.kommune!
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const p = await q.findPerson(trx, { id, kommune })
    if (!p) throw notFound('Personen')
    await audit(trx, ctx, {
      action: 'person.reveal-address',
      recordType: 'person',
      recordId: id,
      personId: id,
      reason,
    })
    return presentPerson(p, kommune, true)
  })
}

export async function updatePerson(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  patch: z.output<typeof personUpdate>,
) {
  authorize(ctx.actor, 'person.write')
  const kommune = ctx.actor.kommune!
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const before = await q.findPerson(trx, { id, kommune })
    if (!before) throw notFound('Personen')
    const values = toColumns(patch)
    if (patch.nationalId !== undefined && patch.nationalId !== before.national_id) {
      if (patch.nationalId) {
        const r = checkId(deps, patch.nationalId, 'body.nationalId')
        const other = await q.lookupByNationalId(trx, r.id)
        if (other && other.person_id !== id)
          throw new AppError(
            409,
            'national-id-taken',
            'Fødselsnummeret er allerede registrert på en annen person',
            {
              errors: [
                {
                  path: 'body.nationalId',
                  message: 'Fødselsnummeret tilhører en annen person. Slå dem sammen i stedet.',
                },
              ],
            },
          )
        values.national_id = r.id
        values.id_type = r.idType
        if (!before.birth_date && values.birth_date === undefined) values.birth_date = r.birthDate
      } else {
        values.national_id = null
        values.id_type = null
      }
    }
    const nextNationalId = values.national_id !== undefined ? values.national_id : before.national_id
    const nextBirthDate = values.birth_date !== undefined ? values.birth_date : before.birth_date
    for (const e of minimumIdentityErrors({ nationalId: nextNationalId, birthDate: nextBirthDate }))
      throw fieldError(`body.${e.field}`, e.message)
    const after = await q.updatePerson(trx, id, patch.version, values)
    if (!after) throw conflict(presentPerson(before, kommune))
    // A protected address must not become readable through the (exportable) audit log.
    const masked =
      before.protected_address !== 'none' || after.protected_address !== 'none' ? PROTECTED_COLUMNS : []
    const changes = diffFields(
      before as Record<string, unknown>,
      after as Record<string, unknown>,
      Object.keys(values),
      {
        masked,
      },
    )
    // Identity fields are shared with every municipality that works with the person: a
    // correction is recorded as such, so the others can see that the identity changed.
    const identityChanged = Object.keys(values).filter(
      (k) =>
        !(q.DETAIL_COLUMNS as readonly string[]).includes(k) &&
        before[k as keyof q.PersonRow] !== after[k as keyof q.PersonRow],
    )
    await audit(trx, ctx, {
      action: 'person.update',
      recordType: 'person',
      recordId: id,
      personId: id,
      changes,
      ...(identityChanged.length > 0
        ? { details: { identityCorrection: true, identityFields: identityChanged, owner: before.kommune } }
        : {}),
    })
    return presentPerson(after, kommune, false, await q.followedBy(trx, id))
  })
}

export async function searchPersons(
  deps: AppDeps,
  ctx: RequestContext,
  query: { q?: string | undefined; cursor?: string | undefined; limit: number },
) {
  authorize(ctx.actor, 'person.read')
  const kommune = ctx.actor.kommune!
  const after = query.cursor ? decodeCursor(query.cursor) : undefined
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const rows = await q.searchPersons(trx, kommune, query.q, query.limit, after)
    const page = rows.slice(0, query.limit)
    const last = page[page.length - 1]
    await audit(trx, ctx, {
      action: 'person.search',
      recordType: 'person',
      details: { hasQuery: !!query.q, results: page.length },
    })
    return {
      items: page.map(presentSummary),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.cursor) : null,
    }
  })
}

export async function suggestDuplicates(
  deps: AppDeps,
  ctx: RequestContext,
  query: {
    firstName?: string | undefined
    lastName?: string | undefined
    birthDate?: string | undefined
    phone?: string | undefined
    street?: string | undefined
  },
) {
  authorize(ctx.actor, 'person.read')
  const kommune = ctx.actor.kommune!
  const name = [query.firstName, query.lastName].filter(Boolean).join(' ').trim()
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const rows = await q.findCandidates(trx, kommune, {
      name: name || null,
      birthDate: query.birthDate ?? null,
      phone: query.phone || null,
      street: query.street || null,
    })
    if (rows.length > 0)
      await audit(trx, ctx, {
        action: 'person.search',
        recordType: 'person',
        details: { kind: 'duplicate-suggestions', results: rows.length },
      })
    return {
      items: rows.map((r) => ({
        ...presentSummary(r),
        score: Math.round(r.score * 100) / 100,
        reasons: [
          ...(r.sim >= 0.3 ? (['name'] as const) : []),
          ...(r.same_birth ? (['birthDate'] as const) : []),
          ...(r.same_phone ? (['phone'] as const) : []),
          ...(r.same_street ? (['address'] as const) : []),
        ],
      })),
    }
  })
}

/** Exact national-id lookup: whether the person is known here, elsewhere (and where), or not at all. */
export async function lookupNationalId(deps: AppDeps, ctx: RequestContext, nationalId: string) {
  authorize(ctx.actor, 'person.read')
  const kommune = ctx.actor.kommune!
  const id = checkId(deps, nationalId.replace(/\s/g, ''), 'body.nationalId')
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const hit = await q.lookupByNationalId(trx, id.id)
    await audit(trx, ctx, {
      action: 'person.lookup',
      recordType: 'person',
      personId: hit?.owner_kommune === kommune ? hit.person_id : null,
      details: { found: !!hit, elsewhere: !!hit && hit.owner_kommune !== kommune },
    })
    const noPerson = { firstName: null, lastName: null, birthDate: null }
    if (!hit)
      return {
        status: 'not-found' as const,
        personId: null,
        kommune: null,
        kommuneName: null,
        followedUp: false,
        ...noPerson,
      }
    // Name and birth date only for the own register: another municipality's person stays a yes/no.
    const own = hit.owner_kommune === kommune
    const p = own ? await q.findPerson(trx, { id: hit.person_id, kommune }) : undefined
    return {
      status: own ? ('own' as const) : ('elsewhere' as const),
      personId: own ? hit.person_id : null,
      kommune: hit.owner_kommune,
      kommuneName: hit.owner_kommune_name,
      followedUp: hit.open_followup,
      ...(p ? { firstName: p.first_name, lastName: p.last_name, birthDate: p.birth_date } : noPerson),
    }
  })
}

const encodeCursor = (c: q.PersonCursor) => Buffer.from(JSON.stringify(c)).toString('base64url')
function decodeCursor(s: string): q.PersonCursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString())
    if (typeof c.id === 'string' && /^[0-9a-f-]{36}$/.test(c.id)) {
      if (typeof c.l === 'string' && typeof c.f === 'string') return { l: c.l, f: c.f, id: c.id }
      if (Number.isInteger(c.t) && c.t >= 0 && c.t <= 2 && typeof c.k === 'string')
        return { t: c.t, k: c.k, id: c.id }
    }
  } catch {}
  throw fieldError('query.cursor', 'Ugyldig sidemarkør – last listen på nytt')
}
