import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CaseworkFixture, caseworkFixture } from '../cases/casework.fixtures'
import { largeCsv } from './__fixtures__/fixtures'
import { allRows, commit, tableCounts, uploadAndValidate } from './imports.test-helpers'

/**
 * Large files: streamed parsing, batched dry run, one transaction for the commit. The 50,000-row
 * file runs with IMPORT_LARGE=1 (it takes minutes on PGlite); by default a 500-row file.
 */
const N = Number(process.env.IMPORT_LARGE) || 500

let f: CaseworkFixture
beforeAll(async () => {
  f = await caseworkFixture()
})
afterAll(() => f.t.close())

describe(`a ${N}-row CSV`, () => {
  it('is checked, committed and re-imported as nothing new', { timeout: 1_800_000 }, async () => {
    const bytes = largeCsv(N)
    const t0 = performance.now()
    const run = await uploadAndValidate(f.t.app, f.oslo, 'stor.csv', bytes)
    const t1 = performance.now()
    expect(run).toMatchObject({
      state: 'validated',
      totalRows: N,
      progressRows: N,
      counts: { rows: N, valid: N, errors: 0 },
    })
    const { body: done } = await commit(f.t.app, f.oslo, run.id)
    const t2 = performance.now()
    expect(done).toMatchObject({
      state: 'committed',
      progressRows: N,
      counts: { cases: N, personsCreated: N },
    })
    const counts = await tableCounts(f.t.app, '0301')
    expect([counts.cases, counts.persons, counts.keys]).toEqual([N, N, N])
    const first = (await allRows(f.oslo, run.id)).slice(0, 3)
    expect(first.map((r) => [r.rowNumber, r.status])).toEqual([
      [2, 'imported'],
      [3, 'imported'],
      [4, 'imported'],
    ])
    const again = await uploadAndValidate(f.t.app, f.oslo, 'stor.csv', bytes)
    const t3 = performance.now()
    expect(again.counts).toMatchObject({ rows: N, valid: 0, duplicates: N })
    expect(await tableCounts(f.t.app, '0301')).toEqual(counts)
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
    process.stdout.write(
      `import of ${N} rows (${(bytes.length / 1024 / 1024).toFixed(1)} MB): dry run ${s(t1 - t0)}, commit ${s(t2 - t1)}, re-import dry run ${s(t3 - t2)}\n`,
    )
  })
})
