import { sql } from 'kysely'
import type { Trx } from '../../db/tenant'
import { exactTimestamp, personSummaryColumns } from '../cases/cases.queries'
import type { Cursor } from '../cases/cursor'

/**
 * Read-only queries behind the worklists that live in other features' tables (SPEC §3.7): planned
 * follow-up calls due, measures ending today, transfers waiting in the inbox. The rules match
 * "Dagens oppfølging" (followups) and the "ending today" measure list (measures).
 */

/** Planned calls due today or earlier, of measures that are not cancelled. */
function dueCallsBase(trx: Trx, kommune: string, today: string) {
  return trx
    .selectFrom('followup_calls as c')
    .innerJoin('measures as m', 'm.id', 'c.measure_id')
    .where('c.kommune', '=', kommune)
    .where('m.kommune', '=', kommune)
    .where('c.status', '=', 'planned')
    .where('c.planned_date', '<=', today)
    .where('m.status', '<>', 'cancelled')
}

/** Oldest planned date first, keyset on (planned date, id). */
export async function listDueCalls(
  trx: Trx,
  kommune: string,
  today: string,
  after: Cursor | undefined,
  limit: number,
) {
  return dueCallsBase(trx, kommune, today)
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .leftJoin('users as a', 'a.id', 'c.assigned_to')
    .select([
      'c.id',
      'c.person_id',
      'c.planned_date',
      'c.day_number',
      'c.last_day',
      'c.assigned_to',
      'a.name as assigned_name',
      'c.version',
      'c.measure_id',
      'm.kind as measure_kind',
      'm.case_id',
      'm.contact_id',
    ])
    .select(personSummaryColumns)
    .$if(!!after, (qb) =>
      qb.where((eb) =>
        eb(
          eb.refTuple('c.planned_date', 'c.id'),
          '>',
          eb.tuple(sql<string>`${after!.k}::date`, sql<string>`${after!.id}::uuid`),
        ),
      ),
    )
    .orderBy('c.planned_date')
    .orderBy('c.id')
    .limit(limit + 1)
    .execute()
}

export async function countDueCalls(trx: Trx, kommune: string, today: string) {
  const r = await dueCallsBase(trx, kommune, today)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return r.n
}

/** Isolations and quarantines whose end date is today, not cancelled and not ended by an exemption. */
function endingTodayBase(trx: Trx, kommune: string, today: string) {
  return trx
    .selectFrom('measures as m')
    .where('m.kommune', '=', kommune)
    .where('m.status', '<>', 'cancelled')
    .where('m.end_date', '=', today)
    .where(sql<boolean>`(m.exempt_from is null or m.exempt_from > ${today}::date)`)
}

/** Keyset on id (every row ends the same day). */
export async function listMeasuresEndingToday(
  trx: Trx,
  kommune: string,
  today: string,
  after: Cursor | undefined,
  limit: number,
) {
  return endingTodayBase(trx, kommune, today)
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .selectAll('m')
    .select(personSummaryColumns)
    .$if(!!after, (qb) => qb.where('m.id', '>', after!.id))
    .orderBy('m.id')
    .limit(limit + 1)
    .execute()
}

export async function countMeasuresEndingToday(trx: Trx, kommune: string, today: string) {
  const r = await endingTodayBase(trx, kommune, today)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return r.n
}

/** Pending transfers addressed to this municipality (its inbox); row-level security allows both parties. */
function waitingTransfersBase(trx: Trx, kommune: string) {
  return trx
    .selectFrom('transfers as x')
    .where('x.to_kommune', '=', kommune)
    .where('x.status', '=', 'pending')
}

/** Newest first, keyset on (created_at, id). */
export async function listWaitingTransfers(
  trx: Trx,
  kommune: string,
  after: Cursor | undefined,
  limit: number,
) {
  return waitingTransfersBase(trx, kommune)
    .innerJoin('org_units as fk', 'fk.code', 'x.from_kommune')
    .select([
      'x.id',
      'x.from_kommune',
      'fk.short_name as from_name',
      'x.record_type',
      'x.summary',
      'x.message',
      'x.created_at',
      exactTimestamp('x.created_at').as('created_key'),
    ])
    .$if(!!after, (qb) =>
      qb.where((eb) =>
        eb(
          eb.refTuple('x.created_at', 'x.id'),
          '<',
          eb.tuple(sql<Date>`${after!.k}::timestamptz`, sql<string>`${after!.id}::uuid`),
        ),
      ),
    )
    .orderBy('x.created_at', 'desc')
    .orderBy('x.id', 'desc')
    .limit(limit + 1)
    .execute()
}

export async function countWaitingTransfers(trx: Trx, kommune: string) {
  const r = await waitingTransfersBase(trx, kommune)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return r.n
}
