import type { z } from 'zod'
import type {
  createSubunitBody,
  renameSubunitBody,
  retireSubunitBody,
  SubunitOverview,
} from '../../../shared/api/org-units'
import { audit, diffFields } from '../../audit/audit'
import type { Actor, RequestContext } from '../../auth/actor'
import type { Database } from '../../db/kysely'
import { inTenant, type Trx } from '../../db/tenant'
import { conflict, fieldError, notFound, unprocessable } from '../../http/errors'
import { authorize, requireKommune } from '../../policy/policy'
import * as q from './org-units.queries'

/**
 * A municipality's own sub-units (teams, districts): its Administrator adds, renames and retires
 * them. Units from SSB/Kartverket (fylke, kommune, bydel) are read-only, and no unit is ever
 * deleted — records may be owned by it, and history must still name it.
 */

type SubunitRow = Awaited<ReturnType<typeof q.listSubunits>>[number]

const present = (s: SubunitRow) => ({
  code: s.code,
  name: s.name,
  parentCode: s.parent_code ?? '',
  parentName: s.parent_name,
  status: s.status,
  version: s.version,
})

async function overview(db: Database | Trx, kommune: string): Promise<SubunitOverview> {
  const [k, parents, subunits] = await Promise.all([
    q.findOrgUnit(db, kommune),
    q.listSubunitParents(db, kommune),
    q.listSubunits(db, kommune),
  ])
  return {
    kommune: { code: kommune, name: k?.short_name ?? kommune },
    parents,
    subunits: subunits.map(present),
  }
}

async function findOwn(db: Database | Trx, kommune: string, code: string) {
  const subunits = await q.listSubunits(db, kommune)
  return subunits.find((s) => s.code === code)
}

export async function getSubunits(db: Database, actor: Actor | null) {
  return overview(db, requireKommune(actor, 'subunit.manage'))
}

export async function createSubunit(
  db: Database,
  ctx: RequestContext,
  input: z.output<typeof createSubunitBody>,
) {
  const kommune = requireKommune(ctx.actor, 'subunit.manage')
  return inTenant(db, { kommune, userId: ctx.actor!.userId }, async (trx) => {
    const parents = await q.listSubunitParents(trx, kommune)
    if (!parents.some((p) => p.code === input.parentCode))
      throw fieldError('body.parentCode', 'Velg kommunen eller en av bydelene som overordnet enhet')
    const code = `${kommune}-${await q.nextSubunitNumber(trx, kommune)}`
    const k = await q.findOrgUnit(trx, kommune)
    await q.insertSubunit(trx, {
      code,
      name: input.name,
      parentCode: input.parentCode,
      kommune,
      fylke: k!.fylke_code,
    })
    await audit(trx, ctx, {
      action: 'org-unit.create',
      recordType: 'org_unit',
      recordId: code,
      changes: diffFields(null, { name: input.name, parentCode: input.parentCode, status: 'active' }),
    })
    return present((await findOwn(trx, kommune, code))!)
  })
}

/** Finds a unit for a change: another municipality's unit is 404, an SSB unit is read-only. */
async function requireOwnSubunit(trx: Trx, actor: Actor, code: string) {
  const unit = await q.findOrgUnit(trx, code)
  if (!unit) throw notFound('Enheten')
  authorize(actor, 'subunit.manage', { kommune: unit.kommune_code })
  if (unit.kind !== 'subunit' || unit.source !== 'local')
    throw unprocessable('read-only-unit', 'Enheter fra SSB og Kartverket kan ikke endres')
  return (await findOwn(trx, actor.kommune!, code))!
}

async function change(
  db: Database,
  ctx: RequestContext,
  code: string,
  version: number,
  set: { name?: string; status?: 'retired' },
  action: string,
) {
  const kommune = requireKommune(ctx.actor, 'subunit.manage')
  const actor = ctx.actor!
  return inTenant(db, { kommune, userId: actor.userId }, async (trx) => {
    const before = await requireOwnSubunit(trx, actor, code)
    if (before.status === 'retired') throw unprocessable('retired', 'Enheten er avviklet og kan ikke endres')
    if (!(await q.updateSubunit(trx, code, version, set))) throw conflict(present(before))
    const after = (await findOwn(trx, kommune, code))!
    await audit(trx, ctx, {
      action,
      recordType: 'org_unit',
      recordId: code,
      changes: diffFields(present(before), present(after), ['name', 'status']),
    })
    return present(after)
  })
}

export const renameSubunit = (
  db: Database,
  ctx: RequestContext,
  code: string,
  input: z.output<typeof renameSubunitBody>,
) => change(db, ctx, code, input.version, { name: input.name }, 'org-unit.rename')

export const retireSubunit = (
  db: Database,
  ctx: RequestContext,
  code: string,
  input: z.output<typeof retireSubunitBody>,
) => change(db, ctx, code, input.version, { status: 'retired' }, 'org-unit.retire')
