import type { z } from 'zod'
import type { FlagView, flagCreate, flagListQuery, flagResolveBody } from '../../../shared/api/flags'
import { audit, diffFields } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, conflict, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { iso } from '../cases/cases.present'
import { scope } from '../cases/cases.service'
import { decodeCursor, page, TIMESTAMP_KEY } from '../cases/cursor'
import * as q from './flags.queries'

type Subjects = Awaited<ReturnType<typeof q.recordSubjects>>

const present = (f: q.FlagWithUsers, subjects: Subjects): FlagView => ({
  id: f.id,
  recordType: f.record_type,
  recordId: f.record_id,
  subject: subjects.get(`${f.record_type}:${f.record_id}`) ?? null,
  comment: f.comment,
  status: f.status,
  createdBy: { id: f.created_by, name: f.created_by_name },
  createdAt: iso(f.created_at)!,
  resolvedBy: f.resolved_by ? { id: f.resolved_by, name: f.resolved_by_name ?? '' } : null,
  resolvedAt: iso(f.resolved_at),
  resolution: f.resolution,
  version: f.version,
})

/** The flags as the API shows them, with a summary of each flagged record. */
async function presentAll(trx: Trx, kommune: string, flags: q.FlagWithUsers[]) {
  const subjects = await q.recordSubjects(
    trx,
    kommune,
    flags.map((f) => ({ type: f.record_type, id: f.record_id })),
  )
  return flags.map((f) => present(f, subjects))
}
const presentOne = async (trx: Trx, kommune: string, f: q.FlagWithUsers) =>
  (await presentAll(trx, kommune, [f]))[0]!

const auditView = (f: q.FlagRow) => ({
  status: f.status,
  resolution: f.resolution,
  resolvedBy: f.resolved_by,
})

/** POST /api/flags (meld feil): only on a record this municipality can see, else 404. */
export async function createFlag(deps: AppDeps, ctx: RequestContext, body: z.output<typeof flagCreate>) {
  const s = scope(ctx, 'flag.create')
  return inTenant(deps.db, s, async (trx) => {
    const record = await q.visibleRecord(trx, s.kommune, body.recordType, body.recordId)
    if (!record) throw notFound('Registreringen')
    const { id } = await q.insertFlag(trx, {
      kommune: s.kommune,
      record_type: body.recordType,
      record_id: body.recordId,
      comment: body.comment,
      created_by: s.userId,
    })
    await audit(trx, ctx, {
      action: 'flag.create',
      recordType: 'flag',
      recordId: id,
      personId: record.personId,
      details: { flaggedType: body.recordType, flaggedId: body.recordId },
    })
    return presentOne(trx, s.kommune, (await q.findFlag(trx, { id, kommune: s.kommune }))!)
  })
}

/** GET /api/flags: the Administrator's queue, newest first. */
export async function listFlags(deps: AppDeps, ctx: RequestContext, query: z.output<typeof flagListQuery>) {
  const s = scope(ctx, 'flag.resolve')
  const after = decodeCursor(query.cursor, TIMESTAMP_KEY)
  return inTenant(deps.db, s, async (trx) => {
    const rows = await q.listFlags(trx, s.kommune, query.status, after, query.limit)
    const result = page(rows, query.limit, (r) => r.created_key)
    await audit(trx, ctx, {
      action: 'flag.list',
      recordType: 'flag',
      details: { status: query.status ?? null, results: result.items.length },
    })
    return { items: await presentAll(trx, s.kommune, result.items), nextCursor: result.nextCursor }
  })
}

/** POST /api/flags/{id}/resolve: versioned; a resolved flag stays resolved (409). */
export async function resolveFlag(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof flagResolveBody>,
) {
  const s = scope(ctx, 'flag.resolve')
  return inTenant(deps.db, s, async (trx) => {
    const before = await q.findFlag(trx, { id, kommune: s.kommune })
    if (!before) throw notFound('Feilmeldingen')
    if (before.version !== body.version) throw conflict(await presentOne(trx, s.kommune, before))
    if (before.status === 'resolved')
      throw new AppError(409, 'flag-already-resolved', 'Feilmeldingen er allerede behandlet', {
        current: await presentOne(trx, s.kommune, before),
      })
    const done = await q.resolveFlag(
      trx,
      { id, kommune: s.kommune, version: body.version },
      {
        resolution: body.resolution,
        resolvedBy: s.userId,
      },
    )
    if (!done)
      throw conflict(await presentOne(trx, s.kommune, (await q.findFlag(trx, { id, kommune: s.kommune }))!))
    const after = (await q.findFlag(trx, { id, kommune: s.kommune }))!
    await audit(trx, ctx, {
      action: 'flag.resolve',
      recordType: 'flag',
      recordId: id,
      changes: diffFields(auditView(before), auditView(after)),
      details: { flaggedType: before.record_type, flaggedId: before.record_id },
    })
    return presentOne(trx, s.kommune, after)
  })
}
