import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../test/database'

/**
 * The Kysely types in schema.ts are written by hand. This test reads them as text and compares
 * every table and column with the migrated database, so a migration without its types (or a
 * typo in a column name) fails here instead of at runtime.
 */
function declaredSchema(): Map<string, Set<string>> {
  const src = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema.ts'), 'utf8')
  const interfaces = new Map<string, Set<string>>()
  for (const m of src.matchAll(/export interface (\w+) \{([\s\S]*?)\n\}/g)) {
    const cols = [...m[2]!.matchAll(/^\s{2}(\w+)\??:/gm)].map((c) => c[1]!)
    interfaces.set(m[1]!, new Set(cols))
  }
  const db = interfaces.get('DB')
  if (!db) throw new Error('no DB interface in schema.ts')
  const tables = new Map<string, Set<string>>()
  for (const m of src.match(/export interface DB \{([\s\S]*?)\n\}/)![1]!.matchAll(/^\s{2}(\w+): (\w+)/gm)) {
    tables.set(m[1]!, interfaces.get(m[2]!) ?? new Set())
  }
  return tables
}

let db: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  db = await createTestDatabase()
})
afterAll(() => db.close())

describe('schema.ts matches the migrated database', () => {
  it('has every table and column, and no extra ones', async () => {
    // As the owner: information_schema hides tables the app role may not read (audit_chain_heads).
    const pool = await db.ownerPool()
    const client = await pool.connect()
    let rows: { rows: { table_name: string; column_name: string }[] }
    try {
      await client.query('reset role')
      rows = await client.query(`
        select c.table_name, c.column_name from information_schema.columns c
          join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
         where c.table_schema = 'public' and t.table_type in ('BASE TABLE', 'VIEW')
           -- the audit log's month partitions are audit_log (migration 0031)
           and c.table_name not like 'audit\\_log\\_%'`)
    } finally {
      if (db.kind === 'pglite') await client.query('set role smittespor_app')
      client.release()
    }
    const actual = new Map<string, Set<string>>()
    for (const r of rows.rows) {
      if (!actual.has(r.table_name)) actual.set(r.table_name, new Set())
      actual.get(r.table_name)!.add(r.column_name)
    }
    const declared = declaredSchema()
    const missingTables = [...actual.keys()].filter((t) => !declared.has(t)).sort()
    const unknownTables = [...declared.keys()].filter((t) => !actual.has(t)).sort()
    expect({ missingTables, unknownTables }).toEqual({ missingTables: [], unknownTables: [] })
    const diffs: string[] = []
    for (const [table, cols] of actual) {
      const d = declared.get(table)!
      for (const c of cols) if (!d.has(c)) diffs.push(`${table}.${c} missing in schema.ts`)
      for (const c of d) if (!cols.has(c)) diffs.push(`${table}.${c} not in the database`)
    }
    expect(diffs).toEqual([])
  })
})
