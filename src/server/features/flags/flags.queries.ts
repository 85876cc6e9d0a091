import { type Insertable, type Selectable, sql } from 'kysely'
import type { FlagsTable } from '../../db/schema'
import type { Trx } from '../../db/tenant'
import { exactTimestamp } from '../cases/cases.queries'
import type { Cursor } from '../cases/cursor'
import { summaries } from '../persons/persons.queries'

export type FlagRow = Selectable<FlagsTable>

function flagsWithUsers(trx: Trx, kommune: string) {
  return trx
    .selectFrom('flags as f')
    .innerJoin('users as cu', 'cu.id', 'f.created_by')
    .leftJoin('users as ru', 'ru.id', 'f.resolved_by')
    .selectAll('f')
    .select([
      'cu.name as created_by_name',
      'ru.name as resolved_by_name',
      exactTimestamp('f.created_at').as('created_key'),
    ])
    .where('f.kommune', '=', kommune)
}
export type FlagWithUsers = NonNullable<Awaited<ReturnType<typeof findFlag>>>

export async function findFlag(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return flagsWithUsers(trx, kommune).where('f.id', '=', id).executeTakeFirst()
}

export async function listFlags(
  trx: Trx,
  kommune: string,
  status: 'open' | 'resolved' | undefined,
  after: Cursor | undefined,
  limit: number,
) {
  return flagsWithUsers(trx, kommune)
    .$if(!!status, (qb) => qb.where('f.status', '=', status!))
    .$if(!!after, (qb) =>
      qb.where((eb) =>
        eb(
          eb.refTuple('f.created_at', 'f.id'),
          '<',
          eb.tuple(sql<Date>`${after!.k}::timestamptz`, sql<string>`${after!.id}::uuid`),
        ),
      ),
    )
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(limit + 1)
    .execute()
}

export async function insertFlag(trx: Trx, values: Insertable<FlagsTable>) {
  return trx.insertInto('flags').values(values).returning('id').executeTakeFirstOrThrow()
}

export async function resolveFlag(
  trx: Trx,
  where: { id: string; kommune: string; version: number },
  values: { resolution: string; resolvedBy: string },
) {
  return trx
    .updateTable('flags')
    .set({
      status: 'resolved',
      resolution: values.resolution,
      resolved_by: values.resolvedBy,
      resolved_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', where.id)
    .where('kommune', '=', where.kommune)
    .where('version', '=', where.version)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst()
}

/**
 * The person behind a flagged record if this municipality can see the record, else undefined.
 */
export async function visibleRecord(
  trx: Trx,
  kommune: string,
  type: 'person' | 'case' | 'contact' | 'event',
  id: string,
): Promise<{ personId: string | null } | undefined> {
  if (type === 'person') {
    const p = await trx
      .selectFrom('persons as p')
      .select('p.id')
      .where('p.id', '=', id)
      .where((eb) =>
        eb.or([
          eb('p.kommune', '=', kommune),
          eb.exists(
            eb
              .selectFrom('person_links as l')
              .whereRef('l.person_id', '=', 'p.id')
              .where('l.kommune', '=', kommune),
          ),
        ]),
      )
      .executeTakeFirst()
    return p ? { personId: p.id } : undefined
  }
  if (type === 'case' || type === 'contact') {
    const table = type === 'case' ? 'cases' : 'contacts'
    const r = await trx
      .selectFrom(table)
      .select('person_id')
      .where('id', '=', id)
      .where('kommune', '=', kommune)
      .executeTakeFirst()
    return r ? { personId: r.person_id } : undefined
  }
  const e = await trx
    .selectFrom('events')
    .select('id')
    .where('id', '=', id)
    .where('kommune', '=', kommune)
    .executeTakeFirst()
  return e ? { personId: null } : undefined
}

type RecordType = FlagRow['record_type']
type Subject = { name: string; personId: string | null; date: string | null }
const fullName = (r: { first_name: string; last_name: string }) => `${r.first_name} ${r.last_name}`

/**
 * A short description of each flagged record this municipality can see (for the queue), keyed
 * `type:id`. One query per record type; records gone or moved away are simply missing.
 */
export async function recordSubjects(trx: Trx, kommune: string, refs: { type: RecordType; id: string }[]) {
  const ids = (type: RecordType) => [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))]
  const out = new Map<string, Subject>()
  const put = (type: RecordType, id: string, s: Subject) => out.set(`${type}:${id}`, s)
  const personIds = ids('person')
  if (personIds.length)
    for (const p of await summaries(trx, kommune, personIds))
      put('person', p.id, { name: fullName(p), personId: p.id, date: p.birth_date })
  const caseIds = ids('case')
  if (caseIds.length) {
    const rows = await trx
      .selectFrom('cases as r')
      .innerJoin('persons as p', 'p.id', 'r.person_id')
      .select(['r.id', 'r.person_id', 'p.first_name', 'p.last_name', 'r.test_date as date'])
      .where('r.id', 'in', caseIds)
      .where('r.kommune', '=', kommune)
      .execute()
    for (const r of rows) put('case', r.id, { name: fullName(r), personId: r.person_id, date: r.date })
  }
  const contactIds = ids('contact')
  if (contactIds.length) {
    const rows = await trx
      .selectFrom('contacts as r')
      .innerJoin('persons as p', 'p.id', 'r.person_id')
      .select(['r.id', 'r.person_id', 'p.first_name', 'p.last_name', 'r.last_exposure as date'])
      .where('r.id', 'in', contactIds)
      .where('r.kommune', '=', kommune)
      .execute()
    for (const r of rows) put('contact', r.id, { name: fullName(r), personId: r.person_id, date: r.date })
  }
  const eventIds = ids('event')
  if (eventIds.length) {
    const rows = await trx
      .selectFrom('events')
      .select([
        'id',
        'name',
        sql<string | null>`(starts_at at time zone 'Europe/Oslo')::date::text`.as('date'),
      ])
      .where('id', 'in', eventIds)
      .where('kommune', '=', kommune)
      .execute()
    for (const e of rows) put('event', e.id, { name: e.name, personId: null, date: e.date })
  }
  return out
}
