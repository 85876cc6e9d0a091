import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXPORT_MAX_ROWS } from '../../../shared/api/exports'
import { auditRows, type CaseworkFixture, caseworkFixture, createCase, day } from '../cases/casework.fixtures'

/**
 * The line list is built in memory, so it has a cap: exactly EXPORT_MAX_ROWS rows are exported,
 * one more (over all chosen types) is refused with a Norwegian problem before any row is read.
 */
let f: CaseworkFixture
beforeAll(async () => {
  f = await caseworkFixture()
  // EXPORT_MAX_ROWS events registered a week ago, loaded as the owner without the per-row chain
  // trigger (as the synthetic loader does); transmission chains play no part in the export.
  const pool = await f.t.db.ownerPool()
  const client = await pool.connect()
  try {
    await client.query('reset role')
    await client.query('alter table events disable trigger chain_event_ins')
    await client.query(
      `insert into events (kommune, owner_unit, name, exposure_setting, created_at)
       select '0301', '0301', 'Hendelse ' || g, 'arrangement', now() - interval '7 days'
         from generate_series(1, $1::int) g`,
      [EXPORT_MAX_ROWS],
    )
    await client.query('alter table events enable trigger chain_event_ins')
  } finally {
    if (f.t.db.kind === 'pglite') await client.query('set role smittespor_app')
    client.release()
  }
  await createCase(f.oslo)
}, 300_000)
afterAll(() => f.t.close())

const exportUrl = (query: string) => `/api/exports/line-list?${query}`

describe('line-list export cap', () => {
  it(`422 over ${EXPORT_MAX_ROWS} rows in all, counted before building; not audited as an export`, async () => {
    const res = await f.oslo.inject({ url: exportUrl('types=events,cases&columns=events.id,cases.id') })
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({
      status: 422,
      code: 'export-too-large',
      title: 'Utvalget er for stort – avgrens med filter (maks 100 000 rader)',
      detail: expect.stringContaining('100 001 rader'),
      rows: EXPORT_MAX_ROWS + 1,
      maxRows: EXPORT_MAX_ROWS,
    })
    expect(await auditRows(f, '0301', { action: 'export.line-list' })).toEqual([])
  })

  it('a filter that narrows the selection under the cap exports', async () => {
    const res = await f.oslo.inject({
      url: exportUrl(`format=csv&types=cases&from=${day(-1)}`),
    })
    expect(res.statusCode).toBe(200)
    expect(res.body.trim().split('\r\n')).toHaveLength(2)
  })

  it('exactly the cap is allowed', async () => {
    const res = await f.oslo.inject({ url: exportUrl('format=csv&types=events&columns=events.id') })
    expect(res.statusCode).toBe(200)
    expect(res.body.trim().split('\r\n')).toHaveLength(EXPORT_MAX_ROWS + 1)
    const rows = await auditRows(f, '0301', { action: 'export.line-list' })
    expect(rows.at(-1)?.payload).toMatchObject({ details: { rows: { events: EXPORT_MAX_ROWS } } })
  })
})
