import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../shared/api/roles'
import { inTenant } from '../db/tenant'
import { createTestDatabase } from '../test/database'
import { type AuditEvent, audit } from './audit'
import { auditCsv } from './audit.csv'
import { type AuditEntry, innsynReport, searchAuditLog } from './audit.queries'
import { type TestDb, testCtx } from './test-helpers'

let t: TestDb
const OSLO = '0301'
const BERGEN = '4601'
type User = { userId: string; name: string; roles: Role[] }
const kari: User = { userId: 'u-kari', name: 'Kari Testesen', roles: ['tracer'] }
const per: User = { userId: 'u-per', name: 'Per Prøvesen', roles: ['admin', 'tracer'] }
const ola: User = { userId: 'u-ola', name: 'Ola Utenfor', roles: ['tracer'] }

// Each call is its own transaction, a few ms apart, so occurred_at differs between calls.
async function record(kommune: string, user: User, ...events: AuditEvent[]) {
  await inTenant(t.db, { kommune, userId: user.userId }, async (trx) => {
    for (const e of events) await audit(trx, testCtx(kommune, user), e)
  })
  await new Promise((r) => setTimeout(r, 5))
}

let start: Date
let middle: Date
beforeAll(async () => {
  t = await createTestDatabase()
  start = new Date(Date.now() - 1000)
  await record(OSLO, kari, { action: 'person.search', details: { q: 'Nordmann' } })
  await record(OSLO, kari, { action: 'person.read', recordType: 'person', recordId: 'p-1', personId: 'p-1' })
  await record(OSLO, per, {
    action: 'person.update',
    recordType: 'person',
    recordId: 'p-1',
    personId: 'p-1',
    changes: [{ field: 'phone', before: null, after: '99999999' }],
  })
  middle = new Date()
  await new Promise((r) => setTimeout(r, 5))
  await record(OSLO, ola, {
    action: 'person.read',
    personId: 'p-1',
    outcome: 'denied',
  })
  await record(OSLO, per, {
    action: 'person.read',
    recordType: 'person',
    recordId: 'p-1',
    personId: 'p-1',
    basis: 'break-glass',
    reason: 'Akutt utbrudd',
  })
  // Three events in one transaction share occurred_at: paging must break ties on id.
  await record(
    OSLO,
    kari,
    { action: 'case.read', recordType: 'case', recordId: 'c-1', personId: 'p-2' },
    { action: 'personal.settings', recordType: 'user' },
    { action: 'export.linelist' },
  )
  await record(BERGEN, kari, { action: 'person.read', personId: 'p-1' })
})
afterAll(() => t.close())

const inOslo = <T>(fn: Parameters<typeof inTenant<T>>[2]) => inTenant(t.db, { kommune: OSLO }, fn)

describe('searchAuditLog', () => {
  it('pages newest first without duplicates or holes, including ties on time', async () => {
    const all = await inOslo((trx) => searchAuditLog(trx, { kommune: OSLO, limit: 200 }))
    expect(all.items).toHaveLength(8)
    expect(all.nextCursor).toBeNull()
    const seen: AuditEntry[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page = await inOslo((trx) => searchAuditLog(trx, { kommune: OSLO, limit: 3, cursor }))
      seen.push(...page.items)
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen.map((e) => e.id)).toEqual(all.items.map((e) => e.id))
    expect(seen.map((e) => e.action).slice(0, 3)).toEqual([
      'export.linelist',
      'personal.settings',
      'case.read',
    ])
    const times = seen.map((e) => e.occurredAt.getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('filters by user, person, action prefix and time range', async () => {
    const search = (f: Omit<Parameters<typeof searchAuditLog>[1], 'kommune'>) =>
      inOslo((trx) => searchAuditLog(trx, { kommune: OSLO, ...f })).then((p) =>
        p.items.map((e) => `${e.userId}:${e.action}`),
      )
    expect(await search({ userId: 'u-per' })).toEqual(['u-per:person.read', 'u-per:person.update'])
    expect(await search({ personId: 'p-2' })).toEqual(['u-kari:case.read'])
    expect(await search({ actionPrefix: 'person' })).toEqual([
      'u-per:person.read',
      'u-ola:person.read',
      'u-per:person.update',
      'u-kari:person.read',
      'u-kari:person.search',
    ])
    expect(await search({ actionPrefix: 'person.read' })).toHaveLength(3)
    expect(await search({ actionPrefix: 'person_' })).toEqual([])
    expect(await search({ from: start, to: middle })).toEqual([
      'u-per:person.update',
      'u-kari:person.read',
      'u-kari:person.search',
    ])
    expect(await search({ from: middle, actionPrefix: 'person' })).toHaveLength(2)
  })

  it('returns the stored fields', async () => {
    const page = await inOslo((trx) => searchAuditLog(trx, { kommune: OSLO, userId: 'u-per', limit: 1 }))
    expect(page.items[0]).toMatchObject({
      kommune: OSLO,
      userName: 'Per Prøvesen',
      roles: ['admin', 'tracer'],
      basis: 'break-glass',
      reason: 'Akutt utbrudd',
      outcome: 'ok',
      ip: '192.0.2.10',
    })
    expect(page.items[0]?.occurredAt).toBeInstanceOf(Date)
    expect(page.nextCursor).not.toBeNull()
  })

  it('never returns another municipality, even when asked for it', async () => {
    const page = await inOslo((trx) => searchAuditLog(trx, { kommune: BERGEN }))
    expect(page.items).toEqual([])
    const bergen = await inTenant(t.db, { kommune: BERGEN }, (trx) =>
      searchAuditLog(trx, { kommune: BERGEN }),
    )
    expect(bergen.items.map((e) => e.kommune)).toEqual([BERGEN])
  })

  it('clamps the page size to 200 and rejects a forged cursor', async () => {
    const page = await inOslo((trx) => searchAuditLog(trx, { kommune: OSLO, limit: 10_000 }))
    expect(page.items).toHaveLength(8)
    await expect(
      inOslo((trx) => searchAuditLog(trx, { kommune: OSLO, cursor: 'not-a-cursor' })),
    ).rejects.toThrow('Noen felt har ugyldige verdier')
  })

  it('exports a page as CSV', async () => {
    const page = await inOslo((trx) => searchAuditLog(trx, { kommune: OSLO, userId: 'u-per' }))
    const lines = auditCsv(page.items).split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[1]).toContain(';Per Prøvesen;Administrator, Kommunebruker (smittesporer);0301;person.read;')
    expect(lines[2]).toContain(';phone: – → 99999999;3')
  })
})

describe('innsynReport', () => {
  it('lists who read or changed a person, oldest first, without denied attempts', async () => {
    const rows = await inOslo((trx) => innsynReport(trx, OSLO, 'p-1'))
    expect(rows.map((r) => [r.userName, r.action, r.basis, r.reason])).toEqual([
      ['Kari Testesen', 'person.read', 'normal', null],
      ['Per Prøvesen', 'person.update', 'normal', null],
      ['Per Prøvesen', 'person.read', 'break-glass', 'Akutt utbrudd'],
    ])
    expect(rows[1]?.roles).toEqual(['admin', 'tracer'])
    expect(rows[0]?.occurredAt.getTime()).toBeLessThan(rows[2]!.occurredAt.getTime())
  })

  it('includes denied attempts on request, and only the own municipality', async () => {
    const rows = await inOslo((trx) => innsynReport(trx, OSLO, 'p-1', { includeDenied: true }))
    expect(rows.map((r) => `${r.userName}:${r.outcome}`)).toEqual([
      'Kari Testesen:ok',
      'Per Prøvesen:ok',
      'Ola Utenfor:denied',
      'Per Prøvesen:ok',
    ])
    const bergen = await inTenant(t.db, { kommune: BERGEN }, (trx) => innsynReport(trx, BERGEN, 'p-1'))
    expect(bergen).toHaveLength(1)
  })
})
