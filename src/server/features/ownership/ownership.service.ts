import type { z } from 'zod'
import type { defaultUnitBody, ownedRecordType, ownerBody } from '../../../shared/api/ownership'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { fieldError, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { type Action, authorize } from '../../policy/policy'
import * as q from './ownership.queries'

/**
 * The owner unit of a new record (issue 19): the one the tracer chose (it must be the municipality
 * or one of its active bydeler/sub-units, else a 400 on `path`), else the user's default, else the
 * municipality. Feature services call this when they insert cases, contacts and events; the import
 * can call it per row with its column's value.
 */
export async function resolveOwnerUnit(
  trx: Trx,
  p: { kommune: string; userId: string | null; requested?: string | null; path: string },
): Promise<string> {
  if (p.requested) {
    await assertOwnerUnit(trx, p.kommune, p.requested, p.path)
    return p.requested
  }
  if (!p.userId) return p.kommune
  // One look-up per transaction and user: an import writes thousands of rows in one.
  const cache = defaults.get(trx) ?? new Map<string, Promise<string>>()
  defaults.set(trx, cache)
  const key = `${p.kommune}:${p.userId}`
  const found = cache.get(key) ?? userDefault(trx, p.kommune, p.userId)
  cache.set(key, found)
  return found
}

const defaults = new WeakMap<Trx, Map<string, Promise<string>>>()

async function userDefault(trx: Trx, kommune: string, userId: string) {
  const d = await q.defaultUnit(trx, userId, kommune)
  // A default whose unit was retired since falls back to the municipality.
  if (d && (await isActiveUnit(trx, kommune, d))) return d
  return kommune
}

async function isActiveUnit(trx: Trx, kommune: string, unit: string) {
  const units = await q.ownerUnits(trx, kommune)
  return units.some((u) => u.code === unit && (u.code === kommune || u.status === 'active'))
}

async function assertOwnerUnit(trx: Trx, kommune: string, unit: string, path: string) {
  if (!(await isActiveUnit(trx, kommune, unit)))
    throw fieldError(path, 'Velg kommunen eller en av kommunens aktive enheter')
}

/**
 * The owner units a list filter `?unit=` covers: the unit and every unit below it (a team under a
 * bydel counts in the bydel); undefined for the whole municipality; 400 for a unit not ours.
 */
export async function ownerUnitFilter(
  trx: Trx,
  kommune: string,
  unit: string,
): Promise<string[] | undefined> {
  if (unit === kommune) return undefined
  const units = await q.ownerUnits(trx, kommune)
  if (!units.some((u) => u.code === unit)) throw fieldError('query.unit', 'Ukjent enhet i kommunen')
  const scope = new Set([unit])
  let grew = true
  while (grew) {
    grew = false
    for (const u of units)
      if (u.parent_code && scope.has(u.parent_code) && !scope.has(u.code)) {
        scope.add(u.code)
        grew = true
      }
  }
  return [...scope]
}

const scope = (ctx: RequestContext, action: Action) => {
  authorize(ctx.actor, action)
  return { kommune: ctx.actor.kommune!, userId: ctx.actor.userId }
}

async function presentDefault(trx: Trx, kommune: string, userId: string) {
  const units = (await q.ownerUnits(trx, kommune)).filter((u) => u.code === kommune || u.status === 'active')
  const unit = await q.defaultUnit(trx, userId, kommune)
  return {
    kommune,
    unit: unit && unit !== kommune ? unit : null,
    units: units.map((u) => ({ code: u.code, name: u.name, kind: u.kind })),
  }
}

/** GET /api/me/default-unit */
export async function getDefaultUnit(deps: AppDeps, ctx: RequestContext) {
  const s = scope(ctx, 'case.read')
  return inTenant(deps.db, s, (trx) => presentDefault(trx, s.kommune, s.userId))
}

/** PUT /api/me/default-unit (audited). */
export async function setDefaultUnit(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.output<typeof defaultUnitBody>,
) {
  const s = scope(ctx, 'case.write')
  return inTenant(deps.db, s, async (trx) => {
    const unit = body.unit ?? s.kommune
    await assertOwnerUnit(trx, s.kommune, unit, 'body.unit')
    const before = await q.defaultUnit(trx, s.userId, s.kommune)
    await q.setDefaultUnit(trx, { userId: s.userId, kommune: s.kommune, unit })
    await audit(trx, ctx, {
      action: 'user.default-unit',
      recordType: 'user',
      recordId: s.userId,
      details: { from: before ?? s.kommune, to: unit },
    })
    return presentDefault(trx, s.kommune, s.userId)
  })
}

const WRITE: Record<z.output<typeof ownedRecordType>, Action> = {
  cases: 'case.write',
  contacts: 'case.write',
  events: 'event.write',
}
const RECORD_TYPE = { cases: 'case', contacts: 'contact', events: 'event' } as const

/** PUT /api/owner-unit/:type/:id — moves a record to another unit of the municipality (audited). */
export async function changeOwner(
  deps: AppDeps,
  ctx: RequestContext,
  type: z.output<typeof ownedRecordType>,
  id: string,
  body: z.output<typeof ownerBody>,
) {
  const s = scope(ctx, WRITE[type])
  return inTenant(deps.db, s, async (trx) => {
    const found = await q.findOwner(trx, type, id, s.kommune)
    if (!found) throw notFound('Registreringen')
    await assertOwnerUnit(trx, s.kommune, body.unit, 'body.unit')
    if (found.owner_unit !== body.unit) {
      await q.setOwner(trx, type, id, s.kommune, body.unit)
      await audit(trx, ctx, {
        action: `${RECORD_TYPE[type]}.owner-unit`,
        recordType: RECORD_TYPE[type],
        recordId: id,
        changes: [{ field: 'ownerUnit', before: found.owner_unit, after: body.unit }],
      })
    }
    return { id, ownerUnit: body.unit, previous: found.owner_unit }
  })
}
