import { sql } from 'kysely'
import type { MeasureBoardName } from '../../../shared/api/measures'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { fieldError } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { authorize } from '../../policy/policy'
import { todayOslo } from './clock'
import { actualEnd, effectiveStatus, personOf } from './measures.present'

/**
 * The three lists of people under a measure (SPEC §4, §3.7): in isolation/quarantine today,
 * ending today, and ended. Decided from the dates (not the stored status, which the daily job
 * brings in step), keyset-paged on (end date, id).
 */

type Cursor = { k: string; id: string }
const encode = (c: Cursor) => Buffer.from(JSON.stringify([c.k, c.id])).toString('base64url')
function decode(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined
  try {
    const [k, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[]
    if (
      typeof k === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(k) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    )
      return { k, id }
  } catch {
    // fall through
  }
  throw fieldError('querystring.cursor', 'Ugyldig sidemarkør – last listen på nytt')
}

function base(trx: Trx, kommune: string, list: MeasureBoardName, today: string, kind?: string) {
  let q = trx
    .selectFrom('measures as m')
    .where('m.kommune', '=', kommune)
    .where('m.status', '<>', 'cancelled')
  if (kind) q = q.where('m.kind', '=', kind as 'isolation' | 'quarantine')
  // Exempted from today on, or ended early ("Ble smittet"): no longer under the measure.
  const notExempt = sql<boolean>`(m.end_reason is null and (m.exempt_from is null or m.exempt_from > ${today}::date))`
  if (list === 'today')
    return q.where('m.start_date', '<=', today).where('m.end_date', '>=', today).where(notExempt)
  if (list === 'ending-today') return q.where('m.end_date', '=', today).where(notExempt)
  return q.where((eb) => eb.or([eb('m.end_date', '<', today), eb.not(notExempt)]))
}

async function count(trx: Trx, kommune: string, list: MeasureBoardName, today: string, kind?: string) {
  const r = await base(trx, kommune, list, today, kind)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return r.n
}

export async function measureBoard(
  deps: AppDeps,
  ctx: RequestContext,
  list: MeasureBoardName,
  query: { kind?: 'isolation' | 'quarantine' | undefined; cursor?: string | undefined; limit: number },
) {
  authorize(ctx.actor, 'measure.read')
  const kommune = ctx.actor.kommune!
  const today = todayOslo()
  const after = decode(query.cursor)
  const desc = list === 'ended'
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    let q = base(trx, kommune, list, today, query.kind)
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .selectAll('m')
      .select([
        'p.national_id as p_national_id',
        'p.first_name as p_first_name',
        'p.last_name as p_last_name',
        'p.birth_date as p_birth_date',
        'p.phone as p_phone',
        'p.kommune as p_kommune',
      ])
    if (after)
      q = q.where((eb) =>
        eb(
          eb.refTuple('m.end_date', 'm.id'),
          desc ? '<' : '>',
          eb.tuple(sql<string>`${after.k}::date`, sql<string>`${after.id}::uuid`),
        ),
      )
    const rows = await q
      .orderBy('m.end_date', desc ? 'desc' : 'asc')
      .orderBy('m.id', desc ? 'desc' : 'asc')
      .limit(query.limit + 1)
      .execute()
    const items = rows.slice(0, query.limit)
    const last = items.at(-1)
    const counts = {
      today: await count(trx, kommune, 'today', today, query.kind),
      'ending-today': await count(trx, kommune, 'ending-today', today, query.kind),
      ended: await count(trx, kommune, 'ended', today, query.kind),
    }
    await audit(trx, ctx, {
      action: 'measure.list',
      recordType: 'measure',
      details: { list, results: items.length },
    })
    return {
      list,
      date: today,
      counts,
      nextCursor: rows.length > query.limit && last ? encode({ k: last.end_date, id: last.id }) : null,
      items: items.map((m) => ({
        id: m.id,
        kind: m.kind,
        status: effectiveStatus(m, today),
        person: personOf({ ...m, rule_set_name: null }),
        caseId: m.case_id,
        contactId: m.contact_id,
        startDate: m.start_date,
        endDate: m.end_date,
        actualEnd: actualEnd(m, today),
        unreachedSince: m.unreached_since ? new Date(m.unreached_since).toISOString() : null,
      })),
    }
  })
}
