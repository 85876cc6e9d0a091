import { sql } from 'kysely'
import type { Trx } from '../../db/tenant'

/** The municipality and its bydeler and sub-units (active ones), as owner-unit choices. */
export async function ownerUnits(trx: Trx, kommune: string) {
  return trx
    .selectFrom('org_units')
    .select(['code', 'short_name as name', 'kind', 'status', 'parent_code'])
    .where((eb) =>
      eb.or([
        eb('code', '=', kommune),
        eb.and([eb('kommune_code', '=', kommune), eb('kind', 'in', ['bydel', 'subunit'])]),
      ]),
    )
    .orderBy('code')
    .execute()
}

export async function defaultUnit(trx: Trx, userId: string, kommune: string) {
  const row = await trx
    .selectFrom('user_default_units')
    .select('unit')
    .where('user_id', '=', userId)
    .where('kommune', '=', kommune)
    .executeTakeFirst()
  return row?.unit ?? null
}

export async function setDefaultUnit(trx: Trx, v: { userId: string; kommune: string; unit: string }) {
  await trx
    .insertInto('user_default_units')
    .values({ user_id: v.userId, kommune: v.kommune, unit: v.unit, set_by: v.userId })
    .onConflict((oc) =>
      oc.columns(['user_id', 'kommune']).doUpdateSet({ unit: v.unit, set_by: v.userId, set_at: sql`now()` }),
    )
    .execute()
}

export type OwnedTable = 'cases' | 'contacts' | 'events'

export async function findOwner(trx: Trx, table: OwnedTable, id: string, kommune: string) {
  return trx
    .selectFrom(table)
    .select(['id', 'owner_unit'])
    .where('id', '=', id)
    .where('kommune', '=', kommune)
    .executeTakeFirst()
}

export async function setOwner(trx: Trx, table: OwnedTable, id: string, kommune: string, unit: string) {
  await trx
    .updateTable(table)
    .set({ owner_unit: unit, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('kommune', '=', kommune)
    .execute()
}
