import { type Insertable, sql, type Updateable } from 'kysely'
import type { TransfersTable } from '../../db/schema'
import type { Trx } from '../../db/tenant'
import { exactTimestamp } from '../cases/cases.queries'
import type { Cursor } from '../cases/cursor'

/**
 * Transfers are visible to both parties (row-level security on from_kommune/to_kommune); every
 * query still names the municipality and the side it reads from.
 */
function transfersWithNames(trx: Trx) {
  return trx
    .selectFrom('transfers as x')
    .innerJoin('org_units as fk', 'fk.code', 'x.from_kommune')
    .innerJoin('org_units as tk', 'tk.code', 'x.to_kommune')
    .leftJoin('users as cu', 'cu.id', 'x.created_by')
    .leftJoin('users as du', 'du.id', 'x.decided_by')
    .selectAll('x')
    .select([
      'fk.short_name as from_name',
      'tk.short_name as to_name',
      'cu.name as created_by_name',
      'du.name as decided_by_name',
      exactTimestamp('x.created_at').as('created_key'),
    ])
}
export type TransferRow = NonNullable<Awaited<ReturnType<typeof findTransfer>>>

/** A transfer this municipality is a party to, or undefined. */
export async function findTransfer(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return transfersWithNames(trx)
    .where('x.id', '=', id)
    .where((eb) => eb.or([eb('x.from_kommune', '=', kommune), eb('x.to_kommune', '=', kommune)]))
    .executeTakeFirst()
}

/** Locks the transfer row for a decision (accept, reject, cancel). */
export async function lockTransfer(trx: Trx, id: string) {
  return trx
    .selectFrom('transfers')
    .select(['id', 'version', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export function listTransfersQuery(
  trx: Trx,
  kommune: string,
  box: 'inbox' | 'sent',
  status: string | undefined,
  after: Cursor | undefined,
  limit: number,
) {
  return transfersWithNames(trx)
    .where(box === 'inbox' ? 'x.to_kommune' : 'x.from_kommune', '=', kommune)
    .$if(!!status, (qb) => qb.where('x.status', '=', status as TransferRow['status']))
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
}

export async function countPending(trx: Trx, kommune: string) {
  const r = await trx
    .selectFrom('transfers')
    .select([
      sql<number>`(count(*) filter (where to_kommune = ${kommune}))::int`.as('inbox'),
      sql<number>`(count(*) filter (where from_kommune = ${kommune}))::int`.as('sent'),
    ])
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('to_kommune', '=', kommune), eb('from_kommune', '=', kommune)]))
    .executeTakeFirstOrThrow()
  return r
}

/** A pending transfer of the record, if one is waiting. */
export async function pendingForRecord(trx: Trx, recordType: 'case' | 'contact', recordId: string) {
  return trx
    .selectFrom('transfers')
    .select('id')
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
}

export async function insertTransfer(
  trx: Trx,
  values: Omit<Insertable<TransfersTable>, 'summary'> & { summary: Record<string, unknown> },
) {
  return trx
    .insertInto('transfers')
    .values({ ...values, summary: sql`${JSON.stringify(values.summary)}::jsonb` })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function updateTransfer(
  trx: Trx,
  { id, version }: { id: string; version: number },
  values: Updateable<TransfersTable>,
) {
  return trx
    .updateTable('transfers')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

/** Moves the record to the receiving municipality (migrations/0013 transfer_move). */
export async function moveRecord(trx: Trx, id: string) {
  const r = await sql<{ person_moved: boolean; measures_moved: number }>`
    select * from transfer_move(${id}::uuid)`.execute(trx)
  return r.rows[0]!
}

/** The receiving municipality, if it is a municipality using Smittespor. */
export async function activeKommune(trx: Trx, code: string) {
  return trx
    .selectFrom('org_units')
    .select(['code', 'status', 'short_name'])
    .where('code', '=', code)
    .where('kind', '=', 'kommune')
    .executeTakeFirst()
}
