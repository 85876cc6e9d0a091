import { type SelectQueryBuilder, sql } from 'kysely'
import type { ExportType } from '../../../shared/api/exports'
import type { DB } from '../../db/schema'
import type { Trx } from '../../db/tenant'

export interface ExportFilter {
  kommune: string
  from?: string | undefined
  to?: string | undefined
  status?: string | undefined
}

/** Registration date in Oslo between from and to (inclusive). */
const createdBetween = (col: string, f: ExportFilter) =>
  sql<boolean>`(${f.from ?? null}::date is null or (${sql.ref(col)} at time zone 'Europe/Oslo')::date >= ${f.from ?? null}::date)
    and (${f.to ?? null}::date is null or (${sql.ref(col)} at time zone 'Europe/Oslo')::date <= ${f.to ?? null}::date)`

/** A protected address never leaves the system (SPEC §3.1): blank in every export. */
const address = (col: 'street' | 'postcode' | 'place') =>
  sql<string | null>`case when p.protected_address = 'none' then ${sql.ref(`p.${col}`)} end`.as(col)

const person = [
  'p.national_id as nationalId',
  'p.first_name as firstName',
  'p.last_name as lastName',
  'p.birth_date as birthDate',
  'p.phone as phone',
] as const

/** The rows of one record type of the municipality's line list, keyed by export column. */
export async function lineList(
  trx: Trx,
  type: ExportType,
  f: ExportFilter,
): Promise<Record<string, unknown>[]> {
  return lineListQuery(trx, type, f).execute()
}

/**
 * How many rows lineList would return, counted by the database with the same joins and filters
 * (the select list and order dropped), so an oversized export is refused before any row is read.
 */
export async function countLineList(trx: Trx, type: ExportType, f: ExportFilter): Promise<number> {
  const r = await lineListQuery(trx, type, f)
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return r.n
}

// One builder type for the four line lists: rows differ per type, joins and filters are what count.
type LineListQuery = SelectQueryBuilder<
  DB,
  'persons' | 'cases' | 'contacts' | 'events' | 'measures',
  Record<string, unknown>
>

/** The line list of one record type, unexecuted. */
function lineListQuery(trx: Trx, type: ExportType, f: ExportFilter): LineListQuery {
  return lineListSelect(trx, type, f) as unknown as LineListQuery
}

function lineListSelect(trx: Trx, type: ExportType, f: ExportFilter) {
  switch (type) {
    case 'cases':
      return trx
        .selectFrom('cases as c')
        .innerJoin('persons as p', 'p.id', 'c.person_id')
        .select(['c.id', ...person, address('street'), address('postcode'), address('place')])
        .select([
          'c.test_date as testDate',
          'c.test_type as testType',
          'c.symptomatic',
          'c.onset_date as onsetDate',
          'c.exposure_setting as exposureSetting',
          'c.infection_source as infectionSource',
          'c.interview_status as interviewStatus',
          'c.status',
          'c.created_at as createdAt',
          'c.person_id as personId',
        ])
        .select((eb) =>
          eb
            .selectFrom('contacts as t')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('t.case_id', '=', 'c.id')
            .as('contactCount'),
        )
        .where('c.kommune', '=', f.kommune)
        .where(createdBetween('c.created_at', f))
        .$if(f.status === 'open' || f.status === 'closed', (q) =>
          q.where('c.status', '=', f.status as 'open'),
        )
        .orderBy('c.created_at')
        .orderBy('c.id')
    case 'contacts':
      return trx
        .selectFrom('contacts as t')
        .innerJoin('persons as p', 'p.id', 't.person_id')
        .select([
          't.id',
          't.case_id as caseId',
          ...person,
          address('street'),
          address('postcode'),
          address('place'),
        ])
        .select([
          't.relation',
          't.exposure_setting as exposureSetting',
          't.last_exposure as lastExposure',
          't.household',
          't.notified_at as notifiedAt',
          't.status',
          't.created_at as createdAt',
          't.person_id as personId',
        ])
        .where('t.kommune', '=', f.kommune)
        .where(createdBetween('t.created_at', f))
        .$if(!!f.status, (q) => q.where('t.status', '=', f.status as 'active'))
        .orderBy('t.created_at')
        .orderBy('t.id')
    case 'events':
      return trx
        .selectFrom('events as e')
        .select([
          'e.id',
          'e.name',
          'e.exposure_setting as exposureSetting',
          'e.location',
          'e.starts_at as startsAt',
          'e.ends_at as endsAt',
          'e.outbreak',
          'e.status',
          'e.created_at as createdAt',
        ])
        .select((eb) =>
          eb
            .selectFrom('event_participants as ep')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('ep.event_id', '=', 'e.id')
            .as('participantCount'),
        )
        .where('e.kommune', '=', f.kommune)
        .where(createdBetween('e.created_at', f))
        .$if(f.status === 'active' || f.status === 'closed', (q) =>
          q.where('e.status', '=', f.status as 'active'),
        )
        .orderBy('e.created_at')
        .orderBy('e.id')
    case 'measures':
      return trx
        .selectFrom('measures as m')
        .innerJoin('persons as p', 'p.id', 'm.person_id')
        .select(['m.id', 'm.kind', ...person])
        .select([
          'm.start_date as startDate',
          'm.end_date as endDate',
          'm.status',
          'm.created_at as createdAt',
          'm.person_id as personId',
        ])
        .where('m.kommune', '=', f.kommune)
        .where(createdBetween('m.created_at', f))
        .$if(!!f.status, (q) => q.where('m.status', '=', f.status as 'active'))
        .orderBy('m.created_at')
        .orderBy('m.id')
  }
}
