import { type Insertable, sql } from 'kysely'
import type { OutboxTable } from '../../db/schema'
import type { Trx } from '../../db/tenant'

/** Queues a message; a second one with the same dedupe key is ignored (jobs may run again). */
export async function enqueue(trx: Trx, values: Insertable<OutboxTable>) {
  const r = await trx
    .insertInto('outbox')
    .values(values)
    .onConflict((oc) => oc.columns(['kommune', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .executeTakeFirst()
  return Number(r.numInsertedOrUpdatedRows ?? 0)
}

/**
 * Due messages, locked for this transaction and skipped by any other instance sending at the
 * same time, so each is handed to the transport by one instance.
 */
export async function claimDue(trx: Trx, kommune: string, limit: number) {
  return trx
    .selectFrom('outbox')
    .selectAll()
    .where('kommune', '=', kommune)
    .where('status', '=', 'queued')
    .where('send_after', '<=', sql<Date>`now()`)
    .orderBy('send_after')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
}

export async function markSent(trx: Trx, id: string, transport: string) {
  await trx
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: sql`now()`, transport, attempts: sql`attempts + 1`, last_error: null })
    .where('id', '=', id)
    .execute()
}

/** A failed attempt: retried later, given up after `maxAttempts`. */
export async function markFailed(trx: Trx, id: string, error: string, maxAttempts: number) {
  await trx
    .updateTable('outbox')
    .set({
      attempts: sql`attempts + 1`,
      last_error: error.slice(0, 500),
      status: sql`case when attempts + 1 >= ${maxAttempts} then 'failed' else 'queued' end`,
      send_after: sql`now() + make_interval(mins => 5 * (attempts + 1))`,
    })
    .where('id', '=', id)
    .execute()
}

export async function listOutbox(trx: Trx, kommune: string, limit: number) {
  return trx
    .selectFrom('outbox')
    .select([
      'id',
      'channel',
      'template',
      'person_id',
      'measure_id',
      'status',
      'send_after',
      'sent_at',
      'transport',
      'attempts',
      'last_error',
    ])
    .where('kommune', '=', kommune)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
}

/**
 * Measures that end in `daysBefore` days and whose person has a phone or e-mail: the reminder
 * job queues one message per channel for each.
 */
export async function measuresToRemind(trx: Trx, kommune: string, endDate: string) {
  return trx
    .selectFrom('measures as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('org_units as o', 'o.code', 'm.kommune')
    .select(['m.id', 'm.kind', 'm.end_date', 'm.person_id', 'p.phone', 'p.email', 'o.name as kommune_name'])
    .where('m.kommune', '=', kommune)
    .where('m.status', '<>', 'cancelled')
    .where('m.end_date', '=', endDate)
    .where((eb) => eb.or([eb('m.exempt_from', 'is', null), eb('m.exempt_from', '>', endDate)]))
    .execute()
}
