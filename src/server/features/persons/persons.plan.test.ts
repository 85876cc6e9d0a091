import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOwner } from '../../audit/test-helpers'
import { APP_ROLE } from '../../db/kysely'
import { buildTestApp } from '../../test/app'

/**
 * Query plans inside person_name_search (migration 0023). A plain EXPLAIN cannot see into a
 * function, so PostgreSQL's auto_explain reports the plan of every statement the function runs,
 * as notices to this connection. Only PostgreSQL has auto_explain (PGlite does not).
 * 40,000 persons over 40 municipalities, ANALYZEd, sequential scans allowed.
 */
const onPostgres = !!process.env.TEST_DATABASE_URL
const KOMMUNE = '0301'
let t: Awaited<ReturnType<typeof buildTestApp>>

beforeAll(async () => {
  if (!onPostgres) return
  t = await buildTestApp()
  await asOwner(t.db, async (c) => {
    const codes = (
      await c.query(`select code from org_units where kind = 'kommune' order by code <> $1, code limit 40`, [
        KOMMUNE,
      ])
    ).rows.map((r: { code: string }) => r.code)
    await c.query(
      `insert into persons (kommune, owner_unit, first_name, last_name)
       select k, k, (array['Ola', 'Kari', 'Per', 'Anne', 'Lars'])[1 + (g / 40) % 5] || (g % 97),
              (array['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen'])[1 + (g / 200) % 5] || (g % 89)
         from generate_series(1, 40000) g, lateral (select ($1::text[])[1 + g % 40] as k) x`,
      [codes],
    )
    await c.query('analyze persons')
  })
})
afterAll(() => t?.close())

/** The plans of the statements the search ran, as the app role within the municipality. */
async function plansOf(query: string, after: [number, string, string] | null = null) {
  return asOwner(t.db, async (c) => {
    const notices: string[] = []
    const listen = (n: { message?: string }) => notices.push(n.message ?? '')
    c.on('notice', listen)
    try {
      await c.query(`load 'auto_explain'`)
      await c.query(
        `set auto_explain.log_min_duration = 0; set auto_explain.log_nested_statements = on;
         set auto_explain.log_level = notice; set role ${APP_ROLE}`,
      )
      await c.query(`begin; select set_config('app.kommune', '${KOMMUNE}', true)`)
      const rows = await c.query('select * from person_name_search($1, $2, $3, $4, 51)', [
        query,
        ...(after ?? [null, null, null]),
      ])
      await c.query('commit')
      return { rows: rows.rows, plans: notices.filter((n) => n.includes('persons')).join('\n') }
    } finally {
      c.off('notice', listen)
      await c.query('reset role; reset auto_explain.log_level; reset auto_explain.log_min_duration')
    }
  })
}

describe.runIf(onPostgres)('person name search plans (auto_explain)', () => {
  it.each([
    ['a common surname prefix (tier 0)', 'hanse'],
    ['a first-name prefix (tier 1)', 'kari'],
    ['a misspelt full name (tier 2)', 'ola1 hamsen1'],
  ])('%s reads persons through an index', async (_name, query) => {
    const { rows, plans } = await plansOf(query)
    expect(plans).toMatch(/Index|Bitmap/)
    expect(plans).not.toMatch(/Seq Scan on persons/)
    if (query !== 'ola1 hamsen1') expect(rows.length).toBe(51)
  })

  it('a later page starts at the cursor through the index', async () => {
    const first = await plansOf('hanse')
    const last = first.rows.at(-1) as { id: string; tier: number; sort_key: string }
    const { rows, plans } = await plansOf('hanse', [last.tier, last.sort_key, last.id])
    expect(plans).not.toMatch(/Seq Scan on persons/)
    expect(rows.map((r) => r.id)).not.toContain(last.id)
  })
})
