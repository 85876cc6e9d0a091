import type { z } from 'zod'
import type { transferCreate, transferListQuery } from '../../../shared/api/transfers'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, conflict, fieldError, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { assertKommuneActive } from '../../policy/kommune-active'
import { scope } from '../cases/cases.service'
import { decodeCursor, page, TIMESTAMP_KEY } from '../cases/cursor'
import { presentTransfer, recordSummary } from './transfers.present'
import * as q from './transfers.queries'

/**
 * POST /api/transfers: hands a case's or contact's follow-up to another municipality with a
 * message. Nothing moves yet; the receiver sees the summary in its inbox. Audited at both ends.
 */
export async function createTransfer(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.output<typeof transferCreate>,
) {
  const s = scope(ctx, 'transfer.manage')
  return inTenant(deps.db, s, async (trx) => {
    await assertKommuneActive(trx, s.kommune)
    const { personId, summary } = await recordSummary(trx, ctx, body.recordType, body.recordId)
    if (body.toKommune === s.kommune) throw fieldError('body.toKommune', 'Velg en annen kommune enn din egen')
    const to = await q.activeKommune(trx, body.toKommune)
    if (!to) throw fieldError('body.toKommune', 'Kommunen finnes ikke')
    if (to.status !== 'active')
      throw fieldError(
        'body.toKommune',
        `${to.short_name} har ikke tatt i bruk Smittespor. Kontakt kommunen direkte.`,
      )
    const pending = await q.pendingForRecord(trx, body.recordType, body.recordId)
    if (pending)
      throw new AppError(409, 'transfer-pending', 'Det finnes allerede en overføring som venter på svar', {
        transferId: pending.id,
      })
    const { id } = await q.insertTransfer(trx, {
      from_kommune: s.kommune,
      to_kommune: body.toKommune,
      record_type: body.recordType,
      record_id: body.recordId,
      person_id: personId,
      message: body.message,
      summary,
      created_by: s.userId,
    })
    const details = {
      transferId: id,
      recordType: body.recordType,
      recordId: body.recordId,
      from: s.kommune,
      to: body.toKommune,
    }
    await audit(trx, ctx, {
      action: 'transfer.create',
      recordType: 'transfer',
      recordId: id,
      personId,
      basis: 'transfer',
      details,
    })
    await audit(trx, ctx, {
      action: 'transfer.received',
      recordType: 'transfer',
      recordId: id,
      personId,
      kommune: body.toKommune,
      basis: 'transfer',
      details,
    })
    return presentTransfer((await q.findTransfer(trx, { id, kommune: s.kommune }))!, s.kommune)
  })
}

/** GET /api/transfers?box=inbox|sent: audited, since the summaries name persons. */
export async function listTransfers(
  deps: AppDeps,
  ctx: RequestContext,
  query: z.output<typeof transferListQuery>,
) {
  const s = scope(ctx, 'transfer.manage')
  const after = decodeCursor(query.cursor, TIMESTAMP_KEY)
  return inTenant(deps.db, s, async (trx) => {
    const rows = await q
      .listTransfersQuery(trx, s.kommune, query.box, query.status, after, query.limit)
      .execute()
    const p = page(rows, query.limit, (r) => r.created_key)
    await audit(trx, ctx, {
      action: 'transfer.list',
      recordType: 'transfer',
      basis: 'transfer',
      details: { box: query.box, results: p.items.length, personIds: p.items.map((t) => t.person_id) },
    })
    return { items: p.items.map((t) => presentTransfer(t, s.kommune)), nextCursor: p.nextCursor }
  })
}

/** GET /api/transfers/counts: for the worklist badge (numbers only, not audited). */
export async function transferCounts(deps: AppDeps, ctx: RequestContext) {
  const s = scope(ctx, 'transfer.manage')
  return inTenant(deps.db, s, (trx) => q.countPending(trx, s.kommune))
}

/** A transfer this municipality is a party to, or 404. */
async function requireTransfer(trx: Trx, kommune: string, id: string) {
  const t = await q.findTransfer(trx, { id, kommune })
  if (!t) throw notFound('Overføringen')
  return t
}

/** GET /api/transfers/{id}: the summary and status, for either party. */
export async function getTransfer(deps: AppDeps, ctx: RequestContext, id: string) {
  const s = scope(ctx, 'transfer.manage')
  return inTenant(deps.db, s, async (trx) => {
    const t = await requireTransfer(trx, s.kommune, id)
    await audit(trx, ctx, {
      action: 'transfer.read',
      recordType: 'transfer',
      recordId: id,
      personId: t.person_id,
      basis: 'transfer',
    })
    return presentTransfer(t, s.kommune)
  })
}

type Decision = 'accept' | 'reject' | 'cancel'

/** Locks the transfer and checks that this side may take the decision on this version. */
async function lockForDecision(trx: Trx, kommune: string, id: string, version: number, decision: Decision) {
  const t = await requireTransfer(trx, kommune, id)
  await q.lockTransfer(trx, id)
  const current = (await q.findTransfer(trx, { id, kommune }))!
  const mine = decision === 'cancel' ? current.from_kommune === kommune : current.to_kommune === kommune
  if (!mine)
    throw new AppError(
      403,
      'forbidden',
      decision === 'cancel' ? 'Bare avsenderkommunen kan trekke tilbake' : 'Bare mottakerkommunen kan svare',
    )
  if (current.status !== 'pending')
    throw new AppError(409, 'transfer-decided', 'Overføringen er allerede besvart', {
      current: presentTransfer(current, kommune),
    })
  if (current.version !== version) throw conflict(presentTransfer(current, kommune))
  return t
}

/** Audit of a decision in both municipalities' logs (basis 'transfer'). */
async function auditBothEnds(
  trx: Trx,
  ctx: RequestContext,
  t: q.TransferRow,
  action: string,
  extra: Record<string, unknown>,
) {
  const details = {
    transferId: t.id,
    recordType: t.record_type,
    recordId: t.record_id,
    from: t.from_kommune,
    to: t.to_kommune,
    ...extra,
  }
  for (const kommune of [
    ctx.actor!.kommune!,
    ctx.actor!.kommune === t.to_kommune ? t.from_kommune : t.to_kommune,
  ])
    await audit(trx, ctx, {
      action,
      recordType: 'transfer',
      recordId: t.id,
      personId: t.person_id,
      kommune,
      basis: 'transfer',
      details,
    })
}

/**
 * POST /api/transfers/{id}/accept: the receiver becomes the owner of the record (and of the
 * person, or gets a link; see transfer_move in migrations/0013). The sender keeps the transfer.
 */
export async function acceptTransfer(deps: AppDeps, ctx: RequestContext, id: string, version: number) {
  const s = scope(ctx, 'transfer.manage')
  return inTenant(deps.db, s, async (trx) => {
    const t = await lockForDecision(trx, s.kommune, id, version, 'accept')
    await assertKommuneActive(trx, s.kommune)
    let moved: Awaited<ReturnType<typeof q.moveRecord>>
    try {
      moved = await q.moveRecord(trx, id)
    } catch (err) {
      if ((err as { code?: string }).code === 'P0003')
        throw new AppError(
          409,
          'record-moved',
          'Tilfellet eller nærkontakten er ikke lenger hos avsenderkommunen',
        )
      throw err
    }
    await q.updateTransfer(
      trx,
      { id, version },
      { status: 'accepted', decided_at: new Date(), decided_by: s.userId },
    )
    await auditBothEnds(trx, ctx, t, 'transfer.accept', {
      personMoved: moved.person_moved,
      measuresMoved: moved.measures_moved,
    })
    return presentTransfer((await q.findTransfer(trx, { id, kommune: s.kommune }))!, s.kommune)
  })
}

/** POST /api/transfers/{id}/reject: returned to the sender with a reason; nothing moves. */
export async function rejectTransfer(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  version: number,
  reason: string,
) {
  const s = scope(ctx, 'transfer.manage')
  return inTenant(deps.db, s, async (trx) => {
    const t = await lockForDecision(trx, s.kommune, id, version, 'reject')
    await q.updateTransfer(
      trx,
      { id, version },
      { status: 'rejected', decided_at: new Date(), decided_by: s.userId, reject_reason: reason },
    )
    await auditBothEnds(trx, ctx, t, 'transfer.reject', { reason })
    return presentTransfer((await q.findTransfer(trx, { id, kommune: s.kommune }))!, s.kommune)
  })
}

/** POST /api/transfers/{id}/cancel: the sender withdraws a transfer not yet answered. */
export async function cancelTransfer(deps: AppDeps, ctx: RequestContext, id: string, version: number) {
  const s = scope(ctx, 'transfer.manage')
  return inTenant(deps.db, s, async (trx) => {
    const t = await lockForDecision(trx, s.kommune, id, version, 'cancel')
    await q.updateTransfer(
      trx,
      { id, version },
      { status: 'cancelled', decided_at: new Date(), decided_by: s.userId },
    )
    await auditBothEnds(trx, ctx, t, 'transfer.cancel', {})
    return presentTransfer((await q.findTransfer(trx, { id, kommune: s.kommune }))!, s.kommune)
  })
}
