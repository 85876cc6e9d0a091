import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOwner } from '../../audit/test-helpers'
import { inTenant } from '../../db/tenant'
import {
  addContact,
  auditRows,
  type CaseworkFixture,
  caseworkFixture,
  createCase,
  day,
  newPerson,
} from '../cases/casework.fixtures'
import { createEvent } from '../events/events.fixtures'
import { canonical, referenceComponents, storedComponents } from './chains.fixtures'

/**
 * A hand-built graph in Oslo:
 *   A (active): case A1 (tested day -2) → contacts t1, t2; t1 became case A2 (day -1); event E1
 *               with participants t2's person and P3, both made contacts of A2.
 *   B (inactive): case B1 (day -30) → contact u1.
 *   C: case C1 (day -40) alone.
 * Bergen has a chain of its own that Oslo must never see.
 */
let f: CaseworkFixture
const g = {} as Record<'A1' | 'A2' | 'B1' | 'C1' | 'E1' | 't1' | 't2' | 'u1' | 'bergenCase', string>

beforeAll(async () => {
  f = await caseworkFixture()
  const a1 = await createCase(f.oslo, { testDate: day(-2), onsetDate: day(-3) })
  g.A1 = a1.id
  const t1 = await addContact(f.oslo, a1.id)
  const t2 = await addContact(f.oslo, a1.id)
  g.t1 = t1.contactId
  g.t2 = t2.contactId
  const conv = await f.oslo.inject({
    method: 'POST',
    url: `/api/contacts/${t1.contactId}/convert-to-case`,
    payload: { testDate: day(-1), version: 1 },
  })
  g.A2 = conv.json().id
  const e = await createEvent(f.oslo, { name: 'Hyttetur' })
  g.E1 = e.id
  await f.oslo.inject({
    method: 'POST',
    url: `/api/events/${e.id}/participants/batch`,
    payload: { rows: [{ person: { personId: t2.personId } }, { person: newPerson() }] },
  })
  const ids = (await f.oslo.inject({ url: `/api/events/${e.id}` }))
    .json()
    .participants.map((p: { id: string }) => p.id)
  const made = await f.oslo.inject({
    method: 'POST',
    url: `/api/events/${e.id}/contacts`,
    payload: { caseId: g.A2, participantIds: ids },
  })
  expect(made.statusCode, made.body).toBe(200)
  const b1 = await createCase(f.oslo, { testDate: day(-30), onsetDate: day(-31) })
  g.B1 = b1.id
  g.u1 = (await addContact(f.oslo, b1.id, { lastExposure: day(-31) })).contactId
  g.C1 = (await createCase(f.oslo, { testDate: day(-40), onsetDate: day(-41) })).id
  const bc = await createCase(f.bergen)
  await addContact(f.bergen, bc.id)
  g.bergenCase = bc.id
})
afterAll(() => f.t.close())

const list = async (qs = '') => (await f.oslo.inject({ url: `/api/chains${qs}` })).json()

describe('GET /api/chains', () => {
  it('401 without login, 400 for a bad filter', async () => {
    expect((await f.anon({ url: '/api/chains' })).statusCode).toBe(401)
    expect((await f.oslo.inject({ url: '/api/chains?active=yes' })).statusCode).toBe(400)
    expect((await f.oslo.inject({ url: '/api/chains?cursor=abc' })).statusCode).toBe(400)
  })

  it('lists the two components and the single case, newest case first, with roots', async () => {
    const res = await list()
    expect(res.items).toEqual([
      {
        id: expect.any(String),
        size: 7,
        // A1's person, t1's (who became A2), t2's (also made a contact of A2 at the event), P3's.
        persons: 4,
        cases: 2,
        contacts: 4,
        events: 1,
        newestCaseDate: day(-1),
        active: true,
        roots: [
          { caseId: g.A1, firstName: expect.any(String), lastName: expect.any(String), testDate: day(-2) },
        ],
      },
      expect.objectContaining({
        size: 2,
        persons: 2,
        cases: 1,
        contacts: 1,
        events: 0,
        newestCaseDate: day(-30),
        active: false,
        roots: [expect.objectContaining({ caseId: g.B1 })],
      }),
      expect.objectContaining({ size: 1, cases: 1, newestCaseDate: day(-40), active: false }),
    ])
    expect(res.nextCursor).toBeNull()
    expect(JSON.stringify(res)).not.toContain(g.bergenCase)
    expect((await auditRows(f, '0301', { action: 'chain.list' })).length).toBeGreaterThan(0)
  })

  it('filters active / inactive / minimum size and pages with a cursor', async () => {
    expect((await list('?active=true')).items.map((c: { size: number }) => c.size)).toEqual([7])
    expect((await list('?active=false')).items.map((c: { size: number }) => c.size)).toEqual([2, 1])
    expect((await list('?minSize=2')).items.map((c: { size: number }) => c.size)).toEqual([7, 2])
    const p1 = await list('?limit=2')
    expect(p1.items.map((c: { size: number }) => c.size)).toEqual([7, 2])
    const p2 = await list(`?limit=2&cursor=${p1.nextCursor}`)
    expect(p2.items.map((c: { size: number }) => c.size)).toEqual([1])
    expect(p2.nextCursor).toBeNull()
  })

  it('stored chain ids match components computed from scratch', async () => {
    expect(canonical(await storedComponents(f.t.db.db, '0301'))).toEqual(
      canonical(await referenceComponents(f.t.db.db, '0301')),
    )
    expect(canonical(await storedComponents(f.t.db.db, '4601'))).toEqual(
      canonical(await referenceComponents(f.t.db.db, '4601')),
    )
  })
})

describe('GET /api/chains/by-case/{caseId}', () => {
  it('401, 400, 404 for a case of another municipality', async () => {
    expect((await f.anon({ url: `/api/chains/by-case/${g.A1}` })).statusCode).toBe(401)
    expect((await f.oslo.inject({ url: '/api/chains/by-case/x' })).statusCode).toBe(400)
    expect((await f.oslo.inject({ url: `/api/chains/by-case/${g.bergenCase}` })).statusCode).toBe(404)
    expect((await f.osloReport.inject({ url: `/api/chains/by-case/${g.A1}` })).statusCode).toBe(403)
  })

  it('shows the case, the event and the contacts connected, with statuses and directions', async () => {
    const res = await f.oslo.inject({ url: `/api/chains/by-case/${g.A1}` })
    expect(res.statusCode).toBe(200)
    const v = res.json()
    expect(v).toMatchObject({ caseId: g.A1, size: 7, truncated: false })
    expect(v.nodes).toHaveLength(7)
    const node = (id: string) => v.nodes.find((n: { id: string }) => n.id === id)
    expect(node(g.A1)).toMatchObject({ kind: 'case', status: 'case-open', date: day(-2), depth: 0 })
    expect(node(g.t1)).toMatchObject({ kind: 'contact', status: 'became_case', depth: 1 })
    expect(node(g.A2)).toMatchObject({ kind: 'case', status: 'case-open', date: day(-1) })
    expect(node(g.E1)).toMatchObject({ kind: 'event', label: 'Hyttetur', status: 'event' })
    const has = (source: string, target: string) =>
      v.edges.some((e: { source: string; target: string }) => e.source === source && e.target === target)
    expect(has(g.A1, g.t1)).toBe(true)
    expect(has(g.A1, g.t2)).toBe(true)
    expect(has(g.t1, g.A2)).toBe(true)
    const eventEdges = v.edges.filter((e: { source: string }) => e.source === g.E1)
    expect(eventEdges).toHaveLength(2)
    const [read] = await auditRows(f, '0301', { action: 'chain.read', recordId: g.A1 })
    expect(read!.payload).toMatchObject({ details: { nodes: 7, personIds: expect.any(Array) } })
  })

  it('GET /api/chains/{id} opens a chain by its id (newest case) or by a case id', async () => {
    const chainId = (await list()).items[0].id
    const byChain = (await f.oslo.inject({ url: `/api/chains/${chainId}` })).json()
    expect(byChain).toMatchObject({ chainId, caseId: g.A2, size: 7 })
    expect((await f.oslo.inject({ url: `/api/chains/${g.B1}` })).json()).toMatchObject({
      caseId: g.B1,
      size: 2,
    })
    expect((await f.oslo.inject({ url: `/api/chains/${g.bergenCase}` })).statusCode).toBe(404)
  })

  it('is bounded: a chain of 601 nodes shows the case and 499 neighbours, truncated', async () => {
    const big = await createCase(f.oslo2)
    await asOwner(f.t.db, async (c) => {
      await c.query(
        `with p as (insert into persons (kommune, owner_unit, first_name, last_name)
                    select '0301', '0301', 'Stor', 'Kjede' || g from generate_series(1, 600) g returning id)
         insert into contacts (kommune, owner_unit, person_id, case_id, last_exposure)
         select '0301', '0301', p.id, $1, current_date - 2 from p`,
        [big.id],
      )
    })
    const v = (await f.oslo.inject({ url: `/api/chains/by-case/${big.id}` })).json()
    expect(v).toMatchObject({ size: 601, truncated: true })
    expect(v.nodes).toHaveLength(500)
    expect(v.edges).toHaveLength(499)
    expect(v.nodes[0]).toMatchObject({ id: big.id, depth: 0 })
  })
})

describe('chain maintenance', () => {
  it('splits a chain when the edge holding it together goes, and merges when persons merge', async () => {
    const e = await createEvent(f.oslo, { name: 'Delt middag' })
    const c1 = await createCase(f.oslo)
    const c2 = await createCase(f.oslo)
    const res = await f.oslo.inject({
      method: 'POST',
      url: `/api/events/${e.id}/participants/batch`,
      payload: {
        rows: [
          { person: { personId: c1.person.id }, role: 'case' },
          { person: { personId: c2.person.id }, role: 'case' },
        ],
      },
    })
    const [, p2] = res.json().items
    const chainOf = async (caseId: string) =>
      (await f.oslo.inject({ url: `/api/chains/by-case/${caseId}` })).json() as {
        chainId: string
        size: number
      }
    expect((await chainOf(c1.id)).size).toBe(3)
    expect((await chainOf(c1.id)).chainId).toBe((await chainOf(c2.id)).chainId)
    await f.oslo.inject({
      method: 'DELETE',
      url: `/api/events/${e.id}/participants/${p2.participantId}?version=1`,
    })
    expect((await chainOf(c1.id)).size).toBe(2)
    expect((await chainOf(c2.id)).size).toBe(1)
    expect(canonical(await storedComponents(f.t.db.db, '0301'))).toEqual(
      canonical(await referenceComponents(f.t.db.db, '0301')),
    )

    // Two registrations of one person: merging them joins the case of one and the contact of the other.
    const solo = await createCase(f.oslo)
    const other = await createCase(f.oslo)
    const t = await addContact(f.oslo, other.id, {
      person: newPerson({ nationalId: null, birthDate: '1990-01-01', confirmNew: true }),
    })
    const before = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('persons')
        .select(['id', 'version'])
        .where('id', 'in', [solo.person.id, t.personId])
        .execute(),
    )
    const v = (id: string) => before.find((p) => p.id === id)!.version
    const merge = await f.oslo.inject({
      method: 'POST',
      url: '/api/persons/merge',
      payload: {
        survivorId: solo.person.id,
        mergedId: t.personId,
        survivorVersion: v(solo.person.id),
        mergedVersion: v(t.personId),
      },
    })
    expect(merge.statusCode, merge.body).toBe(200)
    expect((await chainOf(solo.id)).chainId).toBe((await chainOf(other.id)).chainId)
    expect(canonical(await storedComponents(f.t.db.db, '0301'))).toEqual(
      canonical(await referenceComponents(f.t.db.db, '0301')),
    )
  })
})

describe('chains that began at an event (issue 26)', () => {
  it('names the earliest case as the first case when every case came from the event', async () => {
    const e = await createEvent(f.oslo, { name: 'Konfirmasjon' })
    const c = await createCase(f.oslo, { testDate: day(-3), onsetDate: day(-4) })
    await asOwner(f.t.db, (client) =>
      client.query('update cases set source_event_id = $1 where id = $2', [e.id, c.id]),
    )
    const item = (await list()).items.find(
      (x: { cases: number; events: number; roots: { caseId: string }[] }) =>
        x.roots.some((r) => r.caseId === c.id),
    )
    expect(item).toMatchObject({ size: 2, persons: 1, cases: 1, events: 1 })
  })
})
