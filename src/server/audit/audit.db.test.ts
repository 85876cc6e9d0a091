import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inSavepoint } from '../db/savepoint'
import { inTenant } from '../db/tenant'
import { createTestDatabase } from '../test/database'
import { audit } from './audit'
import { asOwner, type TestDb, testCtx } from './test-helpers'
import { auditRowHash, GENESIS_HASH, verifyAuditChains } from './verify'

let t: TestDb
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(() => t.close())

const OSLO = '0301'
const BERGEN = '4601'

async function chainRows(chain: string) {
  return asOwner(t, async (c) => {
    const res = await c.query(
      `select id, seq, prev_hash, hash, payload::text as payload_text, payload, kommune, user_id,
              person_id, action, record_type, record_id, occurred_at
         from audit_log where chain = $1 order by seq`,
      [chain],
    )
    return res.rows
  })
}

describe('audit()', () => {
  it('appends chained rows in the tenant transaction, with the fields of the request', async () => {
    await inTenant(t.db, { kommune: OSLO, userId: 'u-kari' }, async (trx) => {
      await audit(trx, testCtx(OSLO), {
        action: 'person.read',
        recordType: 'person',
        recordId: 'p-1',
        personId: 'p-1',
      })
      await audit(trx, testCtx(OSLO), { action: 'person.search', details: { query: 'Ås' } })
      await audit(trx, testCtx(OSLO), {
        action: 'case.update',
        recordType: 'case',
        recordId: 'c-1',
        personId: 'p-1',
        basis: 'break-glass',
        reason: 'Akutt smittesporing',
        changes: [{ field: 'status', before: 'open', after: 'closed' }],
      })
    })
    const rows = await chainRows(OSLO)
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3])
    expect(rows[0].prev_hash).toBe(GENESIS_HASH)
    expect(rows[1].prev_hash).toBe(rows[0].hash)
    expect(rows[2].prev_hash).toBe(rows[1].hash)
    for (const r of rows) expect(r.hash).toBe(auditRowHash(r.prev_hash, Number(r.seq), r.payload_text))
    expect(rows[0]).toMatchObject({
      kommune: OSLO,
      user_id: 'u-kari',
      person_id: 'p-1',
      action: 'person.read',
      record_type: 'person',
      record_id: 'p-1',
    })
    expect(rows[2].payload).toEqual({
      occurredAt: rows[2].occurred_at.toISOString(),
      action: 'case.update',
      kommune: OSLO,
      userId: 'u-kari',
      userName: 'Kari Testesen',
      roles: ['tracer'],
      sessionId: 'sess-1',
      recordType: 'case',
      recordId: 'c-1',
      personId: 'p-1',
      basis: 'break-glass',
      reason: 'Akutt smittesporing',
      outcome: 'ok',
      ip: '192.0.2.10',
      requestId: 'req-1',
      changes: [{ field: 'status', before: 'open', after: 'closed' }],
    })
    expect(rows[1].payload.details).toEqual({ query: 'Ås' })
  })

  it('writes national actions and failed logins to the national chain', async () => {
    await inTenant(t.db, { kommune: null }, async (trx) => {
      await audit(
        trx,
        { actor: null, requestId: 'req-2', ip: '198.51.100.7' },
        {
          action: 'login.failed',
          outcome: 'failed',
        },
      )
      await audit(trx, testCtx(null), {
        action: 'kommune.activate',
        recordType: 'org_unit',
        recordId: BERGEN,
      })
    })
    const rows = await chainRows('-')
    expect(rows.map((r) => [Number(r.seq), r.kommune, r.action, r.user_id])).toEqual([
      [1, null, 'login.failed', null],
      [2, null, 'kommune.activate', 'u-kari'],
    ])
    expect(rows[0].payload).toMatchObject({
      userName: null,
      roles: [],
      outcome: 'failed',
      ip: '198.51.100.7',
    })
  })

  it('leaves nothing behind when the operation rolls back', async () => {
    const before = await chainRows(OSLO)
    await expect(
      inTenant(t.db, { kommune: OSLO }, async (trx) => {
        await audit(trx, testCtx(OSLO), { action: 'case.create', recordType: 'case', recordId: 'c-lost' })
        throw new Error('validation failed after the audit call')
      }),
    ).rejects.toThrow('validation failed')
    const after = await chainRows(OSLO)
    expect(after).toHaveLength(before.length)
    expect(after.some((r) => r.record_id === 'c-lost')).toBe(false)
    // The head was rolled back too: the next append continues without a gap.
    await inTenant(t.db, { kommune: OSLO }, (trx) => audit(trx, testCtx(OSLO), { action: 'case.read' }))
    const next = await chainRows(OSLO)
    expect(next.map((r) => Number(r.seq))).toEqual([...before.map((r) => Number(r.seq)), before.length + 1])
  })

  it('appends the waiting rows with the commit, text with quotes and backslashes intact', async () => {
    const tricky = `O'Brien \\ "sitat" ; commit; -- æøå \u2028`
    const before = await chainRows(OSLO)
    await inTenant(t.db, { kommune: OSLO }, async (trx) => {
      await audit(trx, testCtx(OSLO), { action: 'person.search', details: { query: tricky } })
      // Deferred to the commit: not in the log yet inside the transaction.
      const inside = await sql<{ n: number }>`select count(*)::int as n from audit_log
        where payload -> 'details' ->> 'query' = ${tricky}`.execute(trx)
      expect(inside.rows[0]!.n).toBe(0)
      await audit(trx, testCtx(OSLO), { action: 'person.read', recordType: 'person', recordId: 'p-1' })
    })
    const after = await chainRows(OSLO)
    expect(after.slice(before.length).map((r) => [r.action, r.payload.details?.query])).toEqual([
      ['person.search', tricky],
      ['person.read', undefined],
    ])
    expect(await asOwner(t, (c) => verifyAuditChains(c))).toMatchObject({ ok: true })
  })

  it('drops the rows of work undone by a savepoint rollback, keeps the rest', async () => {
    const before = await chainRows(OSLO)
    await inTenant(t.db, { kommune: OSLO }, async (trx) => {
      await audit(trx, testCtx(OSLO), { action: 'case.read', recordId: 'kept-1' })
      await expect(
        inSavepoint(trx, 'row_one', async () => {
          await audit(trx, testCtx(OSLO), { action: 'case.create', recordId: 'undone' })
          throw new Error('row failed')
        }),
      ).rejects.toThrow('row failed')
      await inSavepoint(trx, 'row_two', () =>
        audit(trx, testCtx(OSLO), { action: 'case.create', recordId: 'kept-2' }),
      )
    })
    const added = (await chainRows(OSLO)).slice(before.length).map((r) => r.record_id)
    expect(added).toEqual(['kept-1', 'kept-2'])
  })

  it('refuses a break-glass without reason, and invalid values, also when called directly', async () => {
    await expect(
      inTenant(t.db, { kommune: OSLO }, (trx) =>
        audit(trx, testCtx(OSLO), { action: 'person.read', basis: 'break-glass', reason: '  ' }),
      ),
    ).rejects.toThrow('break-glass requires a reason')
    const direct = (payload: object) =>
      sql`select audit_append(${JSON.stringify(payload)}::jsonb)`.execute(t.db)
    await expect(direct({ action: 'x.read', basis: 'break-glass' })).rejects.toThrow(/requires a reason/)
    await expect(direct({ action: 'x.read', outcome: 'maybe' })).rejects.toThrow(/invalid outcome/)
    await expect(direct({ action: 'x.read', kommune: '-' })).rejects.toThrow(/invalid kommune/)
    await expect(direct({ kommune: OSLO })).rejects.toThrow(/action is required/)
  })

  it('takes the time from the database, not from the caller', async () => {
    await sql`select audit_append(${JSON.stringify({ action: 'x.read', kommune: BERGEN, occurredAt: '2000-01-01T00:00:00.000Z' })}::jsonb)`.execute(
      t.db,
    )
    const [row] = await chainRows(BERGEN)
    expect(row.payload.occurredAt).not.toBe('2000-01-01T00:00:00.000Z')
    expect(Math.abs(Date.parse(row.payload.occurredAt) - Date.now())).toBeLessThan(60_000)
  })
})

describe('append-only', () => {
  it('the app role may not insert, update, delete or truncate the log, nor touch the heads', async () => {
    const denied = /permission denied/
    await expect(
      sql`insert into audit_log (seq, occurred_at, payload, prev_hash, hash) values (99, now(), '{"action":"x"}', '', '')`.execute(
        t.db,
      ),
    ).rejects.toThrow(denied)
    await expect(sql`update audit_log set prev_hash = 'x'`.execute(t.db)).rejects.toThrow(denied)
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(denied)
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(denied)
    await expect(sql`select * from audit_chain_heads`.execute(t.db)).rejects.toThrow(denied)
    await expect(sql`update audit_chain_heads set seq = 0`.execute(t.db)).rejects.toThrow(denied)
  })

  it('not even the owner may update, delete or truncate (trigger)', async () => {
    await asOwner(t, async (c) => {
      await expect(c.query(`update audit_log set prev_hash = 'x' where chain = '0301'`)).rejects.toThrow(
        'audit_log is append-only',
      )
      await expect(c.query(`delete from audit_log where chain = '0301'`)).rejects.toThrow(
        'audit_log is append-only',
      )
      await expect(c.query('truncate audit_log')).rejects.toThrow('audit_log is append-only')
    })
    expect((await chainRows(OSLO)).length).toBeGreaterThan(0)
  })
})

describe('row-level security', () => {
  it('a tenant sees only its own municipality, a national transaction sees nothing', async () => {
    await inTenant(t.db, { kommune: BERGEN }, (trx) => audit(trx, testCtx(BERGEN), { action: 'person.read' }))
    const oslo = await inTenant(t.db, { kommune: OSLO }, (trx) =>
      trx.selectFrom('audit_log').select(['kommune', 'chain']).execute(),
    )
    expect(oslo.length).toBeGreaterThan(0)
    expect(new Set(oslo.map((r) => r.kommune))).toEqual(new Set([OSLO]))
    const bergen = await inTenant(t.db, { kommune: BERGEN }, (trx) =>
      trx.selectFrom('audit_log').select('kommune').execute(),
    )
    expect(new Set(bergen.map((r) => r.kommune))).toEqual(new Set([BERGEN]))
    const national = await inTenant(t.db, { kommune: null }, (trx) =>
      trx.selectFrom('audit_log').select('id').execute(),
    )
    expect(national).toEqual([])
    // Outside any tenant transaction the app role sees nothing either.
    expect(await t.db.selectFrom('audit_log').select('id').execute()).toEqual([])
  })
})

describe('concurrency', () => {
  it.runIf(!!process.env.TEST_DATABASE_URL)(
    'parallel transactions in one chain get a gap-free seq and a valid chain (PostgreSQL)',
    async () => {
      const KOMMUNE = '5001'
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          inTenant(t.db, { kommune: KOMMUNE }, async (trx) => {
            for (let j = 0; j < 5; j++) {
              await audit(trx, testCtx(KOMMUNE), { action: 'person.read', recordId: `${i}-${j}` })
              await new Promise((r) => setTimeout(r, Math.random() * 5))
            }
          }),
        ),
      )
      const rows = await chainRows(KOMMUNE)
      expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
      expect(new Set(rows.map((r) => r.record_id)).size).toBe(40)
      const result = await asOwner(t, (c) => verifyAuditChains(c))
      expect(result.problems).toEqual([])
    },
  )
})
