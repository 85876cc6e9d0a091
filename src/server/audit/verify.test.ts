import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../db/tenant'
import { createTestDatabase } from '../test/database'
import { audit } from './audit'
import { asOwner, type TestDb, tamper, testCtx } from './test-helpers'
import { type AuditVerification, formatVerification, verifyAuditChains } from './verify'

let t: TestDb
const OSLO = '0301'
const BERGEN = '4601'

beforeAll(async () => {
  t = await createTestDatabase()
  for (const [kommune, n] of [
    [OSLO, 5],
    [BERGEN, 4],
    [null, 2],
  ] as const) {
    for (let i = 1; i <= n; i++)
      await inTenant(t.db, { kommune }, (trx) =>
        audit(trx, testCtx(kommune), {
          action: kommune ? 'person.read' : 'login.failed',
          personId: kommune ? `p-${i}` : null,
          details: { i, note: 'æøå; "sitat"' },
        }),
      )
  }
})
afterAll(() => t.close())

const verify = (options?: { batchSize?: number }) => asOwner(t, (c) => verifyAuditChains(c, options))
const problemsOf = (r: AuditVerification) => r.problems.map(({ detail: _d, ...p }) => p)

interface StoredRow {
  id: number
  seq: number
  occurred_at: Date
  payload_text: string
  prev_hash: string
  hash: string
}

async function row(chain: string, seq: number): Promise<StoredRow> {
  return asOwner(t, async (c) => {
    const res = await c.query(
      `select id::int, seq::int, occurred_at, payload::text as payload_text, prev_hash, hash
         from audit_log where chain = $1 and seq = $2`,
      [chain, seq],
    )
    return res.rows[0]
  })
}

/** Puts deleted rows back exactly as they were (as a tampering owner could). */
const reinsert = (c: pg.PoolClient, r: StoredRow) =>
  c.query(
    `insert into audit_log (id, seq, occurred_at, payload, prev_hash, hash) overriding system value
     values ($1, $2, $3, $4::jsonb, $5, $6)`,
    [r.id, r.seq, r.occurred_at, r.payload_text, r.prev_hash, r.hash],
  )

describe('verifyAuditChains', () => {
  it('passes a clean log, in one batch or many', async () => {
    for (const batchSize of [5000, 2, 3]) {
      const result = await verify({ batchSize })
      expect(result).toEqual({ ok: true, chains: 3, rows: 11, problems: [], truncated: false })
    }
  })

  it('must run as owner: the app role cannot read the chain heads', async () => {
    await expect(verifyAuditChains(t.db)).rejects.toThrow(/permission denied/)
  })

  it('finds an edited payload: hash-mismatch at that chain and seq', async () => {
    const original = await row(OSLO, 3)
    await tamper(t, (c) =>
      c.query(`update audit_log set payload = jsonb_set(payload, '{personId}', '"p-999"') where id = $1`, [
        original.id,
      ]),
    )
    expect(problemsOf(await verify())).toEqual([
      { chain: OSLO, seq: 3, id: original.id, problem: 'hash-mismatch' },
    ])
    await tamper(t, (c) =>
      c.query('update audit_log set payload = $2::jsonb where id = $1', [original.id, original.payload_text]),
    )
    expect((await verify()).ok).toBe(true)
  })

  it('finds an edit whose hash was recomputed: the next row no longer links to it', async () => {
    const original = await row(OSLO, 2)
    const next = await row(OSLO, 3)
    await tamper(t, (c) =>
      c
        .query(
          `update audit_log set payload = jsonb_set(payload, '{userName}', '"Noen Andre"') where id = $1;`,
          [original.id],
        )
        .then(() =>
          c.query(
            `update audit_log set hash = encode(sha256(convert_to(prev_hash || '|' || seq || '|' || payload::text, 'UTF8')), 'hex')
            where id = $1`,
            [original.id],
          ),
        ),
    )
    expect(problemsOf(await verify())).toEqual([{ chain: OSLO, seq: 3, id: next.id, problem: 'broken-link' }])
    await tamper(t, (c) =>
      c.query('update audit_log set payload = $2::jsonb, hash = $3 where id = $1', [
        original.id,
        original.payload_text,
        original.hash,
      ]),
    )
    expect((await verify()).ok).toBe(true)
  })

  it('finds a deleted middle row: a gap at its seq, also across batch boundaries', async () => {
    const deleted = await row(BERGEN, 2)
    await tamper(t, (c) => c.query('delete from audit_log where id = $1', [deleted.id]))
    for (const batchSize of [5000, 1, 2]) {
      expect(problemsOf(await verify({ batchSize }))).toEqual([
        { chain: BERGEN, seq: 2, id: null, problem: 'gap' },
      ])
    }
    await tamper(t, (c) => reinsert(c, deleted))
    expect((await verify()).ok).toBe(true)
  })

  it('finds deleted rows at the end of a chain through its head', async () => {
    const last = await row(OSLO, 5)
    const before = await row(OSLO, 4)
    await tamper(t, (c) => c.query('delete from audit_log where id = any($1)', [[last.id, before.id]]))
    const result = await verify()
    expect(problemsOf(result)).toEqual([{ chain: OSLO, seq: 4, id: null, problem: 'head-mismatch' }])
    expect(result.problems[0]?.detail).toContain('head says seq 5, last row is seq 3')
    await tamper(t, async (c) => {
      await reinsert(c, before)
      await reinsert(c, last)
    })
    expect((await verify()).ok).toBe(true)
  })

  it('finds a chain emptied entirely, and an edited head', async () => {
    const rows = [await row('-', 1), await row('-', 2)]
    await tamper(t, (c) => c.query(`delete from audit_log where chain = '-'`))
    expect(problemsOf(await verify())).toEqual([{ chain: '-', seq: 1, id: null, problem: 'head-mismatch' }])
    await tamper(t, async (c) => {
      for (const r of rows) await reinsert(c, r)
    })
    const last = await row(BERGEN, 4)
    await asOwner(t, (c) =>
      c.query(`update audit_chain_heads set hash = repeat('f', 64) where chain = $1`, [BERGEN]),
    )
    expect(problemsOf(await verify())).toEqual([
      { chain: BERGEN, seq: 4, id: last.id, problem: 'head-mismatch' },
    ])
    await asOwner(t, (c) =>
      c.query('update audit_chain_heads set hash = $2 where chain = $1', [BERGEN, last.hash]),
    )
    expect((await verify()).ok).toBe(true)
  })

  it('finds an occurred_at moved outside the hashed payload', async () => {
    const r = await row(BERGEN, 3)
    await tamper(t, (c) =>
      c.query(`update audit_log set occurred_at = occurred_at - interval '1 day' where id = $1`, [r.id]),
    )
    expect(problemsOf(await verify())).toEqual([
      { chain: BERGEN, seq: 3, id: r.id, problem: 'time-mismatch' },
    ])
    await tamper(t, (c) =>
      c.query('update audit_log set occurred_at = $2 where id = $1', [r.id, r.occurred_at]),
    )
    expect((await verify()).ok).toBe(true)
  })
})

describe('formatVerification', () => {
  it('summarises a clean log', () => {
    expect(formatVerification({ ok: true, chains: 3, rows: 11, problems: [], truncated: false })).toBe(
      'Sikkerhetsloggen er uendret / audit log intact: 3 kjeder/chains, 11 rader/rows.\n',
    )
  })

  it('lists each problem with chain, seq and row', () => {
    const text = formatVerification({
      ok: false,
      chains: 2,
      rows: 9,
      truncated: false,
      problems: [
        { chain: '4601', seq: 2, id: null, problem: 'gap', detail: 'seq 2 missing' },
        { chain: '-', seq: 3, id: 17, problem: 'hash-mismatch', detail: 'content does not match its hash' },
      ],
    })
    expect(text).toBe(
      'SIKKERHETSLOGGEN ER ENDRET / AUDIT LOG TAMPERED: 2 problem(er) i/in 2 kjeder/chains, 9 rader/rows.\n' +
        '  kjede/chain 4601 seq 2: gap — rad slettet / row deleted (seq 2 missing)\n' +
        '  kjede/chain - (nasjonal/national) seq 3 id 17: hash-mismatch — rad endret / row edited (content does not match its hash)\n',
    )
  })
})
