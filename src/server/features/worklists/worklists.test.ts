import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import type { LoggedIn } from '../../test/factories'
import {
  addContact,
  auditRows,
  type CaseworkFixture,
  caseworkFixture,
  createCase,
  day,
  fieldErrors,
} from '../cases/casework.fixtures'

let f: CaseworkFixture
const ids: Record<string, string> = {}

beforeAll(async () => {
  f = await caseworkFixture()
  const mine = await createCase(f.oslo, { assignedTo: f.oslo.user.id })
  const mineDone = await createCase(f.oslo, { assignedTo: f.oslo.user.id, interviewStatus: 'done' })
  const unassigned = await createCase(f.oslo, { interviewStatus: 'in_progress' })
  const closed = await createCase(f.oslo)
  await f.oslo.inject({ method: 'POST', url: `/api/cases/${closed.id}/close`, payload: { version: 1 } })
  const others = await createCase(f.oslo, { assignedTo: f.oslo2.user.id })
  const notNotified = await addContact(f.oslo, mine.id)
  const notified = await addContact(f.oslo, mine.id)
  await f.oslo.inject({
    method: 'POST',
    url: `/api/contacts/${notified.contactId}/notified`,
    payload: { notifiedAt: day(0), version: 1 },
  })
  const finished = await addContact(f.oslo, mine.id)
  await f.oslo.inject({
    method: 'PATCH',
    url: `/api/contacts/${finished.contactId}`,
    payload: { version: 1, status: 'finished' },
  })
  const bergen = await createCase(f.bergen)
  await addContact(f.bergen, bergen.id)
  const m = await startMeasures(mine.id, notNotified.contactId)
  const bergenContact = await addContact(f.bergen, bergen.id)
  await measure(f.bergen, { kind: 'quarantine', contactId: bergenContact.contactId }, day(-9), day(0))
  const transfers = await sendTransfers()
  Object.assign(ids, m, transfers, {
    mine: mine.id,
    mineDone: mineDone.id,
    unassigned: unassigned.id,
    others: others.id,
    notNotified: notNotified.contactId,
  })
})
afterAll(() => f.t.close())

const dueCallIds: string[] = []

/** A measure with dates set by hand (no national rule applies today); its due calls are noted. */
async function measure(who: LoggedIn, body: Record<string, unknown>, startDate: string, endDate: string) {
  const res = await who.inject({
    method: 'POST',
    url: '/api/measures',
    payload: { ...body, override: { startDate, endDate, reason: 'Kommuneoverlegens vurdering' } },
  })
  if (res.statusCode !== 200) throw new Error(`measure: ${res.statusCode} ${res.body}`)
  return res.json() as { id: string; calls: { id: string; plannedDate: string }[] }
}

/** Oslo: a quarantine ending today and an isolation ending in five days, with their due calls. */
async function startMeasures(caseId: string, contactId: string) {
  const quarantine = await measure(f.oslo, { kind: 'quarantine', contactId }, day(-9), day(0))
  const isolation = await measure(f.oslo, { kind: 'isolation', caseId }, day(-2), day(5))
  for (const c of [...quarantine.calls, ...isolation.calls])
    if (c.plannedDate <= day(0)) dueCallIds.push(c.id)
  return { quarantine: quarantine.id, isolation: isolation.id }
}

/** Bergen sends Oslo two transfers (one already decided) and Trondheim one. */
async function sendTransfers() {
  const summary = { firstName: 'Kari', lastName: 'Flytter', birthDate: '1990-01-02', phone: null }
  return inTenant(f.t.db.db, { kommune: '4601' }, async (trx) => {
    const c = await trx.selectFrom('cases').select(['id', 'person_id']).executeTakeFirstOrThrow()
    const send = (to: string, status: 'pending' | 'accepted', message: string) =>
      trx
        .insertInto('transfers')
        .values({
          from_kommune: '4601',
          to_kommune: to,
          record_type: 'case',
          record_id: c.id,
          person_id: c.person_id,
          message,
          summary: JSON.stringify(summary),
          status,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    await send('0301', 'accepted', 'Gammel')
    await send('5001', 'pending', 'Til Trondheim')
    return { transfer: (await send('0301', 'pending', 'Bor i Oslo')).id }
  })
}

const idList = (body: { items: { id: string }[] }) => body.items.map((i) => i.id)

describe('GET /api/worklists (badge counts)', () => {
  it('401, then the count of each list in the own municipality only', async () => {
    expect((await f.anon({ url: '/api/worklists' })).statusCode).toBe(401)
    expect((await f.oslo.inject({ url: '/api/worklists' })).json()).toEqual({
      'my-cases': 2,
      'my-contacts': 0,
      'unassigned-cases': 1,
      'interviews-not-done': 3,
      'contacts-not-notified': 1,
      'followups-due': dueCallIds.length,
      'measures-ending-today': 1,
      'transfers-waiting': 1,
    })
    expect((await f.oslo2.inject({ url: '/api/worklists' })).json()['my-cases']).toBe(1)
    expect((await f.bergen.inject({ url: '/api/worklists' })).json()).toEqual({
      'my-cases': 0,
      'my-contacts': 0,
      'unassigned-cases': 1,
      'interviews-not-done': 1,
      'contacts-not-notified': 2,
      'followups-due': expect.any(Number),
      'measures-ending-today': 1,
      'transfers-waiting': 0,
    })
    expect(dueCallIds.length).toBeGreaterThan(0)
  })
})

describe('GET /api/worklists/{name}', () => {
  it('401, 400 for an unknown list', async () => {
    expect((await f.anon({ url: '/api/worklists/my-cases' })).statusCode).toBe(401)
    const res = await f.oslo.inject({ url: '/api/worklists/everything' })
    expect(fieldErrors(res.json())).toEqual({ 'params.name': 'Ukjent arbeidsliste' })
  })

  it('returns each list newest first, open cases only', async () => {
    const get = async (name: string) => (await f.oslo.inject({ url: `/api/worklists/${name}` })).json()
    const my = await get('my-cases')
    expect(my).toMatchObject({ kind: 'cases', name: 'my-cases', nextCursor: null })
    expect(idList(my)).toEqual([ids.mineDone, ids.mine])
    expect(idList(await get('unassigned-cases'))).toEqual([ids.unassigned])
    expect(idList(await get('interviews-not-done'))).toEqual([ids.others, ids.unassigned, ids.mine])
    const contacts = await get('contacts-not-notified')
    expect(contacts.kind).toBe('contacts')
    expect(idList(contacts)).toEqual([ids.notNotified])
    expect(contacts.items[0]).toMatchObject({ caseId: ids.mine, status: 'active', notifiedAt: null })
  })

  it('pages with a cursor and audits each read with the list name', async () => {
    const p1 = (await f.oslo.inject({ url: '/api/worklists/interviews-not-done?limit=2' })).json()
    expect(idList(p1)).toEqual([ids.others, ids.unassigned])
    const p2 = (
      await f.oslo.inject({ url: `/api/worklists/interviews-not-done?limit=2&cursor=${p1.nextCursor}` })
    ).json()
    expect(idList(p2)).toEqual([ids.mine])
    expect(p2.nextCursor).toBeNull()
    const rows = await auditRows(f, '0301', { action: 'worklist.read' })
    expect(rows.at(-1)?.payload.details).toEqual({ name: 'interviews-not-done', page: true, results: 1 })
  })
})

describe('worklists from measures, follow-up and transfers', () => {
  it('follow-up calls due today or earlier, oldest first, with the person and measure', async () => {
    const body = (await f.oslo.inject({ url: '/api/worklists/followups-due' })).json()
    expect(body).toMatchObject({ kind: 'followups', name: 'followups-due', nextCursor: null })
    expect([...idList(body)].sort()).toEqual([...dueCallIds].sort())
    const dates = body.items.map((i: { plannedDate: string }) => i.plannedDate)
    expect(dates).toEqual([...dates].sort())
    expect(body.items.every((i: { plannedDate: string }) => i.plannedDate <= day(0))).toBe(true)
    const first = body.items[0]
    expect(first.overdueDays).toBe(Math.round((Date.parse(day(0)) - Date.parse(first.plannedDate)) / 864e5))
    expect(body.items.find((i: { measureId: string }) => i.measureId === ids.quarantine)).toMatchObject({
      measureKind: 'quarantine',
      caseId: null,
      contactId: ids.notNotified,
      assignedTo: null,
    })
    // Paged one by one, the same calls in the same order.
    const paged: string[] = []
    let cursor: string | null = ''
    while (cursor !== null) {
      const q: string = cursor ? `&cursor=${cursor}` : ''
      const pg = (await f.oslo.inject({ url: `/api/worklists/followups-due?limit=1${q}` })).json()
      paged.push(...idList(pg))
      cursor = pg.nextCursor
    }
    expect(paged).toEqual(idList(body))
  })

  it('isolations and quarantines ending today', async () => {
    const body = (await f.oslo.inject({ url: '/api/worklists/measures-ending-today' })).json()
    expect(body).toMatchObject({ kind: 'measures', nextCursor: null })
    expect(body.items).toHaveLength(1)
    expect(body.items[0]).toMatchObject({
      id: ids.quarantine,
      kind: 'quarantine',
      status: 'active',
      contactId: ids.notNotified,
      startDate: day(-9),
      endDate: day(0),
    })
  })

  it("pending transfers to the own municipality only, with the sender's summary; audited", async () => {
    const body = (await f.oslo.inject({ url: '/api/worklists/transfers-waiting' })).json()
    expect(body).toEqual({
      kind: 'transfers',
      name: 'transfers-waiting',
      nextCursor: null,
      items: [
        {
          id: ids.transfer,
          from: { code: '4601', name: 'Bergen' },
          recordType: 'case',
          firstName: 'Kari',
          lastName: 'Flytter',
          birthDate: '1990-01-02',
          message: 'Bor i Oslo',
          createdAt: expect.any(String),
        },
      ],
    })
    expect((await f.bergen.inject({ url: '/api/worklists/transfers-waiting' })).json().items).toEqual([])
    const rows = await auditRows(f, '0301', { action: 'worklist.read' })
    expect(rows.at(-1)).toMatchObject({
      record_type: 'transfer',
      payload: { details: { name: 'transfers-waiting' } },
    })
  })

  it('400 for a cursor of the wrong kind', async () => {
    const res = await f.oslo.inject({ url: '/api/worklists/followups-due?cursor=abc' })
    expect(res.statusCode).toBe(400)
  })
})
