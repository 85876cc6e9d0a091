import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prepareStatements } from './prepared'

/** Named statements on a real PostgreSQL (PGlite runs everything in-process and is not wrapped). */
const url = process.env.TEST_DATABASE_URL
let pool: pg.Pool
let client: pg.PoolClient

beforeAll(async () => {
  if (!url) return
  pool = new pg.Pool({ connectionString: url, max: 1 })
  client = await pool.connect()
  prepareStatements(client)
  await client.query('create temp table prep_t (id int primary key, name text)')
  await client.query('insert into prep_t values (1, $1), (2, $2)', ['Åse', 'Ola'])
})
afterAll(async () => {
  client?.release()
  await pool?.end()
})

const prepared = async () =>
  (await client.query<{ n: number }>(`select count(*)::int as n from pg_prepared_statements`)).rows[0]!.n

describe.runIf(!!url)('prepareStatements', () => {
  it('prepares a parameterised statement once and reuses it', async () => {
    const before = await prepared()
    const a = await client.query('select name from prep_t where id = $1', [1])
    const b = await client.query('select name from prep_t where id = $1', [2])
    expect([a.rows[0].name, b.rows[0].name]).toEqual(['Åse', 'Ola'])
    expect(await prepared()).toBe(before + 1)
  })

  it('plans pattern searches per call (the pattern decides the plan)', async () => {
    const before = await prepared()
    await client.query('select name from prep_t where name like $1', ['Å%'])
    await client.query('select name from prep_t where name ilike $1', ['o%'])
    expect(await prepared()).toBe(before)
  })

  it('leaves statements without parameters on the simple protocol (several in one message)', async () => {
    const before = await prepared()
    await client.query(`begin; select set_config('app.kommune', '0301', true)`)
    const r = await client.query(`select current_setting('app.kommune') as k; commit`)
    expect(r).toHaveLength(2)
    expect(await prepared()).toBe(before)
  })

  it('falls back to an unnamed statement when a table under a select * changed', async () => {
    const q = () => client.query('select * from prep_t where id = $1', [1])
    expect(Object.keys((await q()).rows[0])).toEqual(['id', 'name'])
    await client.query('alter table prep_t add column phone text')
    await expect(q()).rejects.toMatchObject({ code: '0A000' })
    expect(Object.keys((await q()).rows[0])).toEqual(['id', 'name', 'phone'])
  })
})
