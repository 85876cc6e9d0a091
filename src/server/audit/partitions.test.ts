import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../db/tenant'
import { createTestDatabase } from '../test/database'
import { audit } from './audit'
import { maintainAuditPartitions } from './partitions'
import { asOwner, type TestDb, testCtx } from './test-helpers'
import { verifyAuditChains } from './verify'

/**
 * The audit log in month partitions (migration 0031): one chain runs across partitions and
 * verifies; dropping whole months past the retention keeps the rest verifiable from the anchor.
 */
let t: TestDb
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(() => t?.close())

const monthsAgo = (n: number) => {
  const d = new Date()
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 10, 12, 0, 0))
}
const verify = () => asOwner(t, (c) => verifyAuditChains(c))

describe('audit log partitions', () => {
  it('a chain written over three months verifies across their partitions', async () => {
    const old = [monthsAgo(132), monthsAgo(132), monthsAgo(131)]
    await asOwner(t, async (c) => {
      await c.query('select audit_ensure_partitions($1::date, 2)', [old[0]!.toISOString().slice(0, 10)])
      let prev = '0'.repeat(64)
      for (const [i, at] of old.entries()) {
        const r = await c.query(
          `insert into audit_log (seq, occurred_at, payload, prev_hash, hash)
           select $1::bigint, $2::timestamptz, p, $3::text, encode(sha256(convert_to($3::text || '|' || $1::bigint::text || '|' || p::text, 'UTF8')), 'hex')
             from (select jsonb_build_object('action', 'test.old', 'kommune', '0301', 'occurredAt',
                   to_char($2::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) p) x
           returning hash`,
          [i + 1, at.toISOString(), prev],
        )
        prev = r.rows[0].hash
      }
      await c.query(`insert into audit_chain_heads (chain, seq, hash) values ('0301', 3, $1)`, [prev])
    })
    await inTenant(t.db, { kommune: '0301' }, (trx) => audit(trx, testCtx('0301'), { action: 'test.now' }))
    const parts = await asOwner(t, (c) =>
      c.query(
        `select tableoid::regclass::text as part, count(*)::int as n from audit_log group by 1 order by 1`,
      ),
    )
    expect(parts.rows).toHaveLength(3)
    expect(parts.rows.every((r) => /^audit_log_y\d{4}m\d{2}$/.test(r.part))).toBe(true)
    expect(await verify()).toMatchObject({ ok: true, rows: 4 })
  })

  it('drops the months past the retention whole, and the rest still verifies from the anchor', async () => {
    await expect(maintainAuditPartitions(t.db, 60)).rejects.toThrow(/120 months/)
    const result = await maintainAuditPartitions(t.db, 120)
    expect(result.dropped).toHaveLength(2)
    expect(await verify()).toMatchObject({ ok: true, rows: 1 })
    // The next rows are appended as before and verify too.
    await inTenant(t.db, { kommune: '0301' }, (trx) => audit(trx, testCtx('0301'), { action: 'test.after' }))
    expect(await verify()).toMatchObject({ ok: true, rows: 2 })
  })

  it('a tampered anchor breaks the chain', async () => {
    await asOwner(t, (c) =>
      c.query(`update audit_chain_anchors set hash = repeat('f', 64) where chain = '0301'`),
    )
    const r = await verify()
    expect(r.ok).toBe(false)
    expect(r.problems[0]).toMatchObject({ chain: '0301', seq: 4, problem: 'broken-link' })
  })

  it('keeps partitions ready for the coming months, with no rights of their own for the app', async () => {
    await maintainAuditPartitions(t.db, 120)
    const rows = await asOwner(t, (c) =>
      c.query(`select c.relname, has_table_privilege('smittespor_app', c.oid, 'SELECT') as app_reads
                 from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'audit_log'::regclass and c.relname ~ '^audit_log_y'`),
    )
    expect(rows.rows.length).toBeGreaterThanOrEqual(3)
    expect(rows.rows.some((r) => r.app_reads)).toBe(false)
  })
})
