import { sql } from 'kysely'
import type { Role } from '../../../shared/api/roles'
import type { Database } from '../../db/kysely'
import type { Trx } from '../../db/tenant'

type Db = Database | Trx

export interface PersonName {
  id: string
  first_name: string
  last_name: string
  birth_date: string | null
}

/**
 * Names of the persons an audit page mentions, limited to those this municipality may see (owned
 * or linked; row-level security applies as well). Merged-away persons are included: their log
 * rows outlive the merge.
 */
export async function personNames(trx: Trx, kommune: string, ids: readonly string[]): Promise<PersonName[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  return trx
    .selectFrom('persons as p')
    .select(['p.id', 'p.first_name', 'p.last_name', 'p.birth_date'])
    .where('p.id', 'in', unique)
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
    .execute() as Promise<PersonName[]>
}

export interface KommuneUser {
  id: string
  name: string
  roles: Role[]
}

/**
 * Everyone who holds or has held a role in the municipality, with the roles that apply today:
 * the audit log's user filter must also find people whose access has ended.
 */
export async function kommuneUsers(db: Db, kommune: string): Promise<KommuneUser[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select([
      'u.id',
      'u.name',
      sql<Role[] | null>`array_agg(distinct r.role) filter (
        where r.revoked_at is null and u.status = 'active' and r.valid_from <= current_date
          and (r.valid_to is null or r.valid_to >= current_date))`.as('roles'),
    ])
    .where('r.kommune_code', '=', kommune)
    .groupBy(['u.id', 'u.name'])
    .orderBy('u.name')
    .orderBy('u.id')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, roles: r.roles ?? [] }))
}
