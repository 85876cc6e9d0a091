import { sql } from 'kysely'
import type { Database } from '../../db/kysely'
import type { Trx } from '../../db/tenant'

type Db = Database | Trx

const childCount = sql<number>`(select count(*)::int from org_units c where c.parent_code = org_units.code)`

const summaryColumns = ['code', 'kind', 'name', 'short_name', 'status'] as const

export async function findOrgUnit(db: Db, code: string) {
  return db.selectFrom('org_units').selectAll().where('code', '=', code).executeTakeFirst()
}

export async function listChildren(db: Db, parentCode: string) {
  return db
    .selectFrom('org_units')
    .select([...summaryColumns, childCount.as('child_count')])
    .where('parent_code', '=', parentCode)
    .orderBy('code')
    .execute()
}

/** Ancestors from the root down, via a recursive CTE (at most four levels). */
export async function listAncestors(db: Db, code: string) {
  const rows = await sql<{
    code: string
    kind: 'country' | 'fylke' | 'kommune' | 'bydel' | 'subunit'
    name: string
    depth: number
  }>`
    with recursive up as (
      select p.code, p.kind, p.short_name as name, p.parent_code, 1 as depth
        from org_units u join org_units p on p.code = u.parent_code where u.code = ${code}
      union all
      select p.code, p.kind, p.short_name, p.parent_code, up.depth + 1
        from up join org_units p on p.code = up.parent_code
    )
    select code, kind, name, depth from up order by depth desc`.execute(db)
  return rows.rows
}

export async function listOrgUnits(
  db: Db,
  filter: { kind?: string | undefined; status?: string | undefined; q?: string | undefined },
) {
  return db
    .selectFrom('org_units')
    .select([...summaryColumns, childCount.as('child_count')])
    .$if(!!filter.kind, (qb) => qb.where('kind', '=', filter.kind as never))
    .$if(!!filter.status, (qb) => qb.where('status', '=', filter.status as never))
    .$if(!!filter.q, (qb) =>
      qb.where((eb) => eb.or([eb('name', 'ilike', `%${filter.q}%`), eb('code', 'like', `${filter.q}%`)])),
    )
    .orderBy('code')
    .limit(500)
    .execute()
}

/** The municipality and its bydeler: where its own sub-units may be placed. */
export async function listSubunitParents(db: Db, kommune: string) {
  return db
    .selectFrom('org_units')
    .select(['code', 'short_name as name', 'kind'])
    .where('kommune_code', '=', kommune)
    .where('kind', 'in', ['kommune', 'bydel'])
    .where('status', '!=', 'retired')
    .orderBy(sql`kind = 'kommune'`, 'desc')
    .orderBy('short_name')
    .execute()
}

export async function listSubunits(db: Db, kommune: string) {
  return db
    .selectFrom('org_units as u')
    .innerJoin('org_units as p', 'p.code', 'u.parent_code')
    .select(['u.code', 'u.name', 'u.parent_code', 'p.short_name as parent_name', 'u.status', 'u.version'])
    .where('u.kommune_code', '=', kommune)
    .where('u.kind', '=', 'subunit')
    .orderBy(sql`u.status = 'retired'`)
    .orderBy('u.name')
    .execute()
}

/**
 * Locks the municipality's row, so sub-units added at the same moment get distinct numbers, and
 * returns the next free `<kommune>-<n>` number.
 */
export async function nextSubunitNumber(db: Db, kommune: string) {
  await db.selectFrom('org_units').select('code').where('code', '=', kommune).forUpdate().execute()
  const row = await db
    .selectFrom('org_units')
    .select(sql<number>`coalesce(max(substring(code from '-([0-9]+)$')::int), 0) + 1`.as('n'))
    .where('kommune_code', '=', kommune)
    .where('kind', '=', 'subunit')
    .executeTakeFirstOrThrow()
  return row.n
}

export async function insertSubunit(
  db: Db,
  u: { code: string; name: string; parentCode: string; kommune: string; fylke: string | null },
) {
  await db
    .insertInto('org_units')
    .values({
      code: u.code,
      kind: 'subunit',
      name: u.name,
      short_name: u.name,
      parent_code: u.parentCode,
      kommune_code: u.kommune,
      fylke_code: u.fylke,
      status: 'active',
      source: 'local',
    })
    .execute()
}

/** Optimistically locked update of a local sub-unit; nothing when the version is stale. */
export async function updateSubunit(
  db: Db,
  code: string,
  version: number,
  set: { name?: string; status?: 'active' | 'retired' },
) {
  return db
    .updateTable('org_units')
    .set({
      ...(set.name !== undefined ? { name: set.name, short_name: set.name } : {}),
      ...(set.status ? { status: set.status } : {}),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('code', '=', code)
    .where('kind', '=', 'subunit')
    .where('version', '=', version)
    .returning('code')
    .executeTakeFirst()
}
