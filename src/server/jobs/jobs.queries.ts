import type { Database } from '../db/kysely'

/** The municipalities a fanned-out job runs for, by code. */
export async function municipalities(db: Database, which: 'active' | 'not-inactive'): Promise<string[]> {
  const rows = await db
    .selectFrom('org_units')
    .select('code')
    .where('kind', '=', 'kommune')
    .$if(which === 'active', (q) => q.where('status', '=', 'active'))
    .$if(which === 'not-inactive', (q) => q.where('status', '<>', 'inactive'))
    .orderBy('code')
    .execute()
  return rows.map((r) => r.code)
}
