import type { z } from 'zod'
import type {
  caseAssigneeBody,
  caseCloseBody,
  caseCreate,
  casePatch,
  caseReopenBody,
} from '../../../shared/api/cases'
import { type CaseDates, caseDateErrors } from '../../../shared/domain/caseDates'
import { formatNorwegianDate, osloDate } from '../../../shared/domain/dates'
import { audit, diffFields } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, badRequest, conflict, fieldError, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { assertKommuneActive } from '../../policy/kommune-active'
import { type Action, authorize } from '../../policy/policy'
import { presentContactListItem } from '../contacts/contacts.present'
import { listContactsOfCase } from '../contacts/contacts.queries'
import { applyReceipt } from '../freg/freg.apply'
import { recomputeMeasures } from '../measures/measures.recompute'
import { resolveOwnerUnit } from '../ownership/ownership.service'
import { findPerson } from '../persons/persons.queries'
import { resolvePerson } from '../persons/persons.service'
import { CASE_COLUMNS, periodOf, presentCase, presentCaseDetail, toCaseColumns } from './cases.present'
import * as q from './cases.queries'

export const todayOslo = () => osloDate(new Date())

/** The actor's municipality for a case-work action, after the policy check (401/403). */
export function scope(ctx: RequestContext, action: Action) {
  authorize(ctx.actor, action)
  return { kommune: ctx.actor.kommune!, userId: ctx.actor.userId }
}

/** The case, or 404 (also for a case of another municipality: its existence is not revealed). */
export async function requireCase(trx: Trx, ctx: RequestContext, id: string, action: Action = 'case.read') {
  const c = await q.findCase(trx, { id, kommune: ctx.actor!.kommune! })
  if (!c) throw notFound('Tilfellet')
  authorize(ctx.actor, action, c)
  return c
}

/** The case with its contacts and computed period, as GET /api/cases/{id} answers. */
export async function loadCaseDetail(trx: Trx, c: q.CaseWithPerson) {
  const today = todayOslo()
  const contacts = await listContactsOfCase(trx, { caseId: c.id, kommune: c.kommune })
  return presentCaseDetail(
    c,
    contacts.map((r) => presentContactListItem(r, today)),
    periodOf(c),
  )
}

/** 400 naming every impossible date (SPEC §3.2), under `prefix` (e.g. 'body'). */
export function assertCaseDates(dates: CaseDates, prefix: string) {
  const errors = caseDateErrors(dates, todayOslo())
  if (errors.length)
    throw badRequest(
      'Noen datoer er ikke mulige',
      errors.map((e) => ({ path: `${prefix}.${e.field}`, message: e.message })),
    )
}

const datesOfRow = (c: q.CaseRow): CaseDates => ({
  probable: c.probable,
  testDate: c.test_date,
  resultDate: c.result_date,
  onsetDate: c.onset_date,
  likelyInfectionDate: c.likely_infection_date,
  vaccinationDate: c.vaccination_date,
  isolationEnd: c.isolation_end,
})

/** The case in API field names for audit diffs: every writable field plus status and assignee. */
const auditView = (c: q.CaseRow) => {
  const out: Record<string, unknown> = {}
  for (const [field, col] of Object.entries(CASE_COLUMNS)) out[field] = c[col]
  return { ...out, status: c.status, assignedTo: c.assigned_to, sourceContactId: c.source_contact_id }
}

export async function assertAssignable(
  trx: Trx,
  userId: string | null | undefined,
  kommune: string,
  path: string,
) {
  if (userId && !(await q.isCaseWorkerIn(trx, userId, kommune)))
    throw fieldError(path, 'Brukeren har ingen smittesporingsrolle i denne kommunen')
}

/** Refuses a second open case for the same person in this municipality (a duplicate registration). */
export async function assertNoOpenCase(trx: Trx, personId: string, kommune: string, path: string) {
  const open = await trx
    .selectFrom('cases')
    .select('id')
    .where('person_id', '=', personId)
    .where('kommune', '=', kommune)
    .where('status', '=', 'open')
    .executeTakeFirst()
  if (open)
    throw new AppError(409, 'open-case-exists', 'Personen har allerede et åpent indekstilfelle', {
      caseId: open.id,
      errors: [{ path, message: 'Personen har allerede et åpent indekstilfelle i kommunen' }],
    })
}

/** POST /api/cases: person (existing or new) and case in one transaction, audited. */
export async function createCase(deps: AppDeps, ctx: RequestContext, input: z.output<typeof caseCreate>) {
  const { kommune, userId } = scope(ctx, 'case.write')
  assertCaseDates(input, 'body')
  return inTenant(deps.db, { kommune, userId }, async (trx) => {
    await assertKommuneActive(trx, kommune)
    await assertAssignable(trx, input.assignedTo, kommune, 'body.assignedTo')
    const person = await resolvePerson(deps, trx, ctx, input.person, 'body.person')
    await assertNoOpenCase(trx, person.personId, kommune, 'body.person')
    if (input.freg && person.created) await recordFregSource(deps, trx, ctx, person.personId, input.freg)
    const { id } = await q.insertCase(trx, {
      ...toCaseColumns(input),
      kommune,
      owner_unit: await resolveOwnerUnit(trx, {
        kommune,
        userId,
        requested: input.ownerUnit,
        path: 'body.ownerUnit',
      }),
      person_id: person.personId,
      assigned_to: input.assignedTo ?? null,
      created_by: userId,
    })
    const c = (await q.findCase(trx, { id, kommune }))!
    await audit(trx, ctx, {
      action: 'case.create',
      recordType: 'case',
      recordId: id,
      personId: person.personId,
      changes: diffFields(null, auditView(c)),
    })
    return { ...(await loadCaseDetail(trx, c)), personCreated: person.created }
  })
}

/** A person registered with the case from a FREG lookup: record the source as freg-apply does. */
async function recordFregSource(
  deps: AppDeps,
  trx: Trx,
  ctx: RequestContext,
  personId: string,
  freg: NonNullable<z.output<typeof caseCreate>['freg']>,
) {
  authorize(ctx.actor, 'freg.lookup')
  const row = await findPerson(trx, { id: personId, kommune: ctx.actor.kommune! })
  await applyReceipt(deps, trx, ctx, row!, { ...freg, version: row!.version })
}

/** GET /api/cases/{id}: audited as a read of the case person's data (and the contacts shown). */
export async function getCase(deps: AppDeps, ctx: RequestContext, id: string) {
  const s = scope(ctx, 'case.read')
  return inTenant(deps.db, s, async (trx) => {
    const c = await requireCase(trx, ctx, id)
    const detail = await loadCaseDetail(trx, c)
    await audit(trx, ctx, {
      action: 'case.read',
      recordType: 'case',
      recordId: id,
      personId: c.person_id,
      details: { contactPersonIds: detail.contacts.map((t) => t.person.id) },
    })
    return detail
  })
}

const fmt = (d: string | null) => (d ? formatNorwegianDate(d) : '(ingen)')

/**
 * Applies a versioned change to a case: 409 with the current case when the version is stale,
 * then the update, the audit row with field-level changes, and the fresh detail.
 */
async function writeCase(
  trx: Trx,
  ctx: RequestContext,
  before: q.CaseWithPerson,
  version: number,
  values: q.CaseValues,
  action: string,
) {
  if (before.version !== version) throw conflict(presentCase(before))
  const updated = await q.updateCase(trx, { id: before.id, kommune: before.kommune, version }, values)
  if (!updated) throw conflict(presentCase((await q.findCase(trx, before))!))
  let after = (await q.findCase(trx, before))!
  const moved = [
    ['Symptomstart', before.onset_date, after.onset_date],
    ['Testdato', before.test_date, after.test_date],
  ].filter(([, a, b]) => a !== b) as [string, string | null, string | null][]
  if (moved.length) {
    const why = moved.map(([what, a, b]) => `${what} endret fra ${fmt(a)} til ${fmt(b)}`).join(', ')
    if (
      await recomputeMeasures(trx, ctx, before.kommune, { caseId: before.id }, why, todayOslo()).then(
        (r) => r.length,
      )
    )
      after = (await q.findCase(trx, before))!
  }
  const changes = diffFields(auditView(before), auditView(after))
  await audit(trx, ctx, {
    action,
    recordType: 'case',
    recordId: before.id,
    personId: before.person_id,
    changes,
  })
  return loadCaseDetail(trx, after)
}

/** PATCH /api/cases/{id}: optimistic locking on `version`; impossible dates are refused. */
export async function patchCase(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  patch: z.output<typeof casePatch>,
) {
  const s = scope(ctx, 'case.write')
  return inTenant(deps.db, s, async (trx) => {
    const before = await requireCase(trx, ctx, id, 'case.write')
    if (before.version !== patch.version) throw conflict(presentCase(before))
    const { version, ...fields } = patch
    assertCaseDates({ ...datesOfRow(before), ...definedOnly(fields) }, 'body')
    return writeCase(trx, ctx, before, version, toCaseColumns(fields), 'case.update')
  })
}

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>

/** PUT /api/cases/{id}/assignee: a tracer or administrator of this municipality, or nobody. */
export async function assignCase(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof caseAssigneeBody>,
) {
  const s = scope(ctx, 'case.write')
  return inTenant(deps.db, s, async (trx) => {
    const before = await requireCase(trx, ctx, id, 'case.write')
    await assertAssignable(trx, body.userId, s.kommune, 'body.userId')
    return writeCase(trx, ctx, before, body.version, { assigned_to: body.userId }, 'case.assign')
  })
}

/** POST /api/cases/{id}/close and /reopen. */
export async function setCaseStatus(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  status: 'open' | 'closed',
  body: z.output<typeof caseCloseBody> | z.output<typeof caseReopenBody>,
) {
  const s = scope(ctx, 'case.write')
  return inTenant(deps.db, s, async (trx) => {
    const before = await requireCase(trx, ctx, id, 'case.write')
    if (before.version === body.version && before.status === status)
      throw new AppError(
        409,
        `case-already-${status}`,
        status === 'closed' ? 'Tilfellet er allerede avsluttet' : 'Tilfellet er allerede åpent',
      )
    if (status === 'open') await assertNoOpenCase(trx, before.person_id, s.kommune, 'body')
    const values: q.CaseValues =
      status === 'closed'
        ? {
            status,
            closed_at: new Date(),
            ...('outcome' in body && body.outcome !== undefined ? { outcome: body.outcome } : {}),
          }
        : { status, closed_at: null }
    return writeCase(
      trx,
      ctx,
      before,
      body.version,
      values,
      status === 'closed' ? 'case.close' : 'case.reopen',
    )
  })
}
