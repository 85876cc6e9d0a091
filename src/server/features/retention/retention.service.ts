import { sql } from 'kysely'
import type { z } from 'zod'
import {
  AUDIT_LOG_RETENTION_YEARS,
  type LegalHold,
  type legalHoldCreate,
  type PreviewItem,
  type PreviewResponse,
  type previewQuery,
  RETENTION_DEFAULTS,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  type RetentionSettings,
  type RetentionType,
  retentionTypes,
} from '../../../shared/api/retention'
import { addDaysOslo, osloDate } from '../../../shared/domain/dates'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, conflict, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { authorize } from '../../policy/policy'
import * as q from './retention.queries'
import { RULES, ruleOf } from './retention.rules'

function scope(ctx: RequestContext) {
  authorize(ctx.actor, 'retention.manage')
  return { kommune: ctx.actor.kommune!, userId: ctx.actor.userId }
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

/** GET /api/retention/settings: the period per record type, own or default. */
export async function getSettings(deps: AppDeps, ctx: RequestContext): Promise<RetentionSettings> {
  const s = scope(ctx)
  const rows = await inTenant(deps.db, s, (trx) => q.loadSettings(trx, s.kommune))
  return {
    settings: retentionTypes.map((type) => ({
      type,
      days: rows[type].days,
      defaultDays: RETENTION_DEFAULTS[type].days,
      reference: RETENTION_DEFAULTS[type].reference,
      custom: rows[type].custom,
      version: rows[type].version,
    })),
    minDays: RETENTION_MIN_DAYS,
    maxDays: RETENTION_MAX_DAYS,
    auditLogYears: AUDIT_LOG_RETENTION_YEARS,
  }
}

/** PUT /api/retention/settings/:type: own period (or null: back to the default), audited. */
export async function updateSetting(
  deps: AppDeps,
  ctx: RequestContext,
  type: RetentionType,
  body: { days: number | null; version: number },
) {
  const s = scope(ctx)
  await inTenant(deps.db, s, async (trx) => {
    const before = (await q.loadSettings(trx, s.kommune))[type]
    if (before.version !== body.version) throw conflict({ days: before.days, version: before.version })
    if (body.days === null) {
      await trx
        .deleteFrom('retention_settings')
        .where('kommune', '=', s.kommune)
        .where('record_type', '=', type)
        .execute()
    } else {
      await trx
        .insertInto('retention_settings')
        .values({ kommune: s.kommune, record_type: type, days: body.days, updated_by: s.userId })
        .onConflict((oc) =>
          oc.columns(['kommune', 'record_type']).doUpdateSet({
            days: body.days!,
            version: sql`retention_settings.version + 1`,
            updated_by: s.userId,
            updated_at: sql`now()`,
          }),
        )
        .execute()
    }
    const after = body.days ?? RETENTION_DEFAULTS[type].days
    await audit(trx, ctx, {
      action: 'retention.setting.update',
      recordType: 'retention_setting',
      recordId: type,
      changes: before.days === after ? [] : [{ field: 'days', before: before.days, after }],
    })
  })
  return getSettings(deps, ctx)
}

/**
 * GET /api/retention/preview: what the job will delete within `days` days (due), and what it
 * would but for a legal hold (held) or records that still depend on it (waiting). Lists names, so
 * it is audited like a search.
 */
export async function preview(
  deps: AppDeps,
  ctx: RequestContext,
  query: z.output<typeof previewQuery>,
): Promise<PreviewResponse> {
  const s = scope(ctx)
  const until = addDaysOslo(osloDate(new Date()), query.days)
  const limit = 200
  return inTenant(deps.db, s, async (trx) => {
    const settings = await q.loadSettings(trx, s.kommune)
    const holds = new Map(
      (await listActiveHolds(trx, s.kommune)).map((h) => [`${h.recordType}:${h.recordId}`, h]),
    )
    const items: PreviewItem[] = []
    const counts: Record<string, number> = {}
    let truncated = false
    for (const rule of RULES) {
      if (query.type && rule.type !== query.type) continue
      if (rule.optional && !(await q.tableExists(trx, rule.table))) continue
      const days = settings[rule.type].days
      const { rows, total } = await q.previewRows(trx, rule, s.kommune, addDaysOslo(until, -days), limit)
      // A person still in use is not going anywhere: listing every one would bury the rest.
      const shown = rule.type === 'person' ? rows.filter((r) => !r.in_use) : rows
      if (total > rows.length) truncated = true
      counts[rule.type] = rule.type === 'person' ? shown.length : total
      for (const r of shown)
        items.push({
          type: rule.type,
          id: r.id,
          personId: r.person_id,
          personName: r.person_name,
          referenceDate: r.reference_date,
          dueDate: addDaysOslo(r.reference_date, days + 1),
          status: r.held ? 'held' : r.in_use ? 'waiting' : 'due',
          hold: holds.get(`${rule.type}:${r.id}`) ?? null,
        })
    }
    items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.type.localeCompare(b.type))
    await audit(trx, ctx, {
      action: 'retention.preview',
      recordType: 'retention',
      details: { days: query.days, type: query.type ?? null, results: items.length },
    })
    return { until, items, counts, truncated }
  })
}

type HoldRow = {
  id: string
  record_type: RetentionType
  record_id: string
  reason: string
  created_at: Date
  created_by: string
  created_by_name: string | null
  released_at: Date | null
  released_by_name: string | null
  release_reason: string | null
}

const presentHold = (h: HoldRow): LegalHold => ({
  id: h.id,
  recordType: h.record_type,
  recordId: h.record_id,
  reason: h.reason,
  createdAt: iso(h.created_at)!,
  createdBy: h.created_by_name,
  releasedAt: iso(h.released_at),
  releasedBy: h.released_by_name,
  releaseReason: h.release_reason,
})

async function holdsQuery(trx: Trx, kommune: string, activeOnly: boolean, id?: string) {
  const rows = await sql<HoldRow>`
    select h.id, h.record_type, h.record_id, h.reason, h.created_at, h.created_by, u.name as created_by_name,
           h.released_at, r.name as released_by_name, h.release_reason
      from legal_holds h
      left join users u on u.id = h.created_by
      left join users r on r.id = h.released_by
     where h.kommune = ${kommune}
       ${activeOnly ? sql`and h.released_at is null` : sql``}
       ${id ? sql`and h.id = ${id}` : sql``}
     order by h.created_at desc
     limit 1000`.execute(trx)
  return rows.rows.map(presentHold)
}

const listActiveHolds = (trx: Trx, kommune: string) => holdsQuery(trx, kommune, true)

/** GET /api/retention/holds: active and released holds, newest first. */
export async function listHolds(deps: AppDeps, ctx: RequestContext) {
  const s = scope(ctx)
  return inTenant(deps.db, s, async (trx) => ({ items: await holdsQuery(trx, s.kommune, false) }))
}

/** POST /api/retention/holds: keep a record (and what belongs to it) whatever its retention. */
export async function createHold(deps: AppDeps, ctx: RequestContext, body: z.output<typeof legalHoldCreate>) {
  const s = scope(ctx)
  return inTenant(deps.db, s, async (trx) => {
    const rule = ruleOf(body.recordType)
    if (rule.optional && !(await q.tableExists(trx, rule.table))) throw notFound('Registreringen')
    // Persons may be another municipality's (linked): row-level security decides what is visible.
    const own = body.recordType === 'person' ? sql`` : sql`and kommune = ${s.kommune}`
    const found =
      await sql`select 1 from ${sql.table(rule.table)} where id = ${body.recordId} ${own}`.execute(trx)
    if (found.rows.length === 0) throw notFound('Registreringen')
    const existing = await trx
      .selectFrom('legal_holds')
      .select('id')
      .where('kommune', '=', s.kommune)
      .where('record_type', '=', body.recordType)
      .where('record_id', '=', body.recordId)
      .where('released_at', 'is', null)
      .executeTakeFirst()
    if (existing) throw new AppError(409, 'already-held', 'Registreringen holdes allerede tilbake')
    const { id } = await trx
      .insertInto('legal_holds')
      .values({
        kommune: s.kommune,
        record_type: body.recordType,
        record_id: body.recordId,
        reason: body.reason,
        created_by: s.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'retention.hold.create',
      recordType: body.recordType,
      recordId: body.recordId,
      personId: body.recordType === 'person' ? body.recordId : null,
      reason: body.reason,
      details: { holdId: id },
    })
    return (await holdsQuery(trx, s.kommune, false, id))[0]!
  })
}

/** POST /api/retention/holds/:id/release: the record follows its retention again. */
export async function releaseHold(deps: AppDeps, ctx: RequestContext, id: string, reason: string) {
  const s = scope(ctx)
  return inTenant(deps.db, s, async (trx) => {
    const released = await trx
      .updateTable('legal_holds')
      .set({ released_at: sql`now()`, released_by: s.userId, release_reason: reason })
      .where('id', '=', id)
      .where('kommune', '=', s.kommune)
      .where('released_at', 'is', null)
      .returning(['record_type', 'record_id'])
      .executeTakeFirst()
    if (!released) throw notFound('Tilbakeholdet')
    await audit(trx, ctx, {
      action: 'retention.hold.release',
      recordType: released.record_type,
      recordId: released.record_id,
      personId: released.record_type === 'person' ? released.record_id : null,
      reason,
      details: { holdId: id },
    })
    return (await holdsQuery(trx, s.kommune, false, id))[0]!
  })
}
