import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { classifySearch } from './cases.list'
import {
  addContact,
  auditRows,
  type CaseworkFixture,
  caseworkFixture,
  createCase,
  day,
  fieldErrors,
  newPerson,
} from './casework.fixtures'

let f: CaseworkFixture
const ids: Record<string, string> = {}
const idOf = (items: { id: string }[]) => items.map((i) => i.id)

beforeAll(async () => {
  f = await caseworkFixture()
  // Created oldest first, so the default order (newest first) is e, d, c, b, a.
  const a = await createCase(f.oslo, {
    person: newPerson({ firstName: 'Astrid', lastName: 'Ødegård', phone: '+47 912 34 567' }),
    testDate: day(-10),
    onsetDate: day(-11),
    exposureSetting: 'school',
  })
  const b = await createCase(f.oslo, {
    testDate: day(-3),
    assignedTo: f.oslo.user.id,
    exposureSetting: 'school',
  })
  const c = await createCase(f.oslo, { probable: true, testDate: null, onsetDate: day(-2) })
  const d = await createCase(f.oslo, {
    person: newPerson({ firstName: 'Bjørn Astrid', lastName: 'Dahl' }),
    testDate: day(-6),
    onsetDate: day(-7),
    assignedTo: f.oslo2.user.id,
    interviewStatus: 'done',
  })
  const e = await createCase(f.oslo, { testDate: day(-1), onsetDate: day(-1) })
  await f.oslo.inject({ method: 'POST', url: `/api/cases/${e.id}/close`, payload: { version: 1 } })
  await createCase(f.bergen, { person: newPerson({ firstName: 'Astrid', lastName: 'Bergensen' }) })
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, d: d.id, e: e.id, aNationalId: a.person.nationalId })
  await addContact(f.oslo, a.id)
  await addContact(f.oslo, a.id)
})
afterAll(() => f.t.close())

const list = (query: string, who = f.oslo) => who.inject({ url: `/api/cases?${query}` })

describe('GET /api/cases', () => {
  it('401 without a session; 400 for bad filters and a tampered cursor', async () => {
    expect((await f.anon({ url: '/api/cases' })).statusCode).toBe(401)
    const bad = await list('status=maybe&testDateFrom=2021-13-01&sort=name&assignedTo=someone&limit=500')
    expect(Object.keys(fieldErrors(bad.json())).sort()).toEqual([
      'querystring.assignedTo',
      'querystring.limit',
      'querystring.sort',
      'querystring.status',
      'querystring.testDateFrom',
    ])
    const cursor = await list('cursor=bm90LWEtY3Vyc29y')
    expect(fieldErrors(cursor.json())).toEqual({
      'querystring.cursor': 'Ugyldig sidemarkør – last listen på nytt',
    })
  })

  it('lists only own municipality, newest first, with person summary (no address) and counts', async () => {
    const res = await list('')
    expect(res.statusCode).toBe(200)
    const { items, nextCursor } = res.json()
    expect(idOf(items)).toEqual([ids.e, ids.d, ids.c, ids.b, ids.a])
    expect(nextCursor).toBeNull()
    const a = items[4]
    expect(a).toMatchObject({ contactCount: 2, exposureSetting: 'school', status: 'open' })
    expect(Object.keys(a.person).sort()).toEqual([
      'birthDate',
      'firstName',
      'id',
      'kommune',
      'lastName',
      'nationalId',
      'phone',
    ])
    expect(items[1].assignedTo).toEqual({ id: f.oslo2.user.id, name: 'Per Sporer' })
    const bergen = await list('', f.bergen)
    expect(bergen.json().items).toHaveLength(1)
    expect(bergen.json().items[0].person.firstName).toBe('Astrid')
  })

  it('filters by status, assignee (me, none, id), interview status, test dates and setting', async () => {
    const q = async (query: string) => idOf((await list(query)).json().items)
    expect(await q('status=closed')).toEqual([ids.e])
    expect(await q('assignedTo=me')).toEqual([ids.b])
    expect(await q(`assignedTo=${f.oslo2.user.id}`)).toEqual([ids.d])
    expect(await q('assignedTo=none&status=open')).toEqual([ids.c, ids.a])
    expect(await q('interviewStatus=done')).toEqual([ids.d])
    expect(await q(`testDateFrom=${day(-6)}&testDateTo=${day(-2)}`)).toEqual([ids.d, ids.b])
    expect(await q('exposureSetting=school')).toEqual([ids.b, ids.a])
  })

  it('sorts by test date both ways, cases without a test date last', async () => {
    const q = async (query: string) => idOf((await list(query)).json().items)
    expect(await q('sort=-testDate')).toEqual([ids.e, ids.b, ids.d, ids.a, ids.c])
    expect(await q('sort=testDate')).toEqual([ids.a, ids.d, ids.b, ids.e, ids.c])
  })

  it('pages with an opaque keyset cursor, in every sort, without gaps or repeats', async () => {
    for (const sort of ['-createdAt', 'createdAt', '-testDate', 'testDate']) {
      const all = idOf((await list(`sort=${sort}`)).json().items)
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const res = await list(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        const body: { items: { id: string }[]; nextCursor: string | null } = res.json()
        expect(body.items.length).toBeLessThanOrEqual(2)
        seen.push(...idOf(body.items))
        cursor = body.nextCursor
      } while (cursor)
      expect(seen).toEqual(all)
    }
  })

  it('searches by name words, exact national id and phone; never across municipalities', async () => {
    const q = async (text: string, who = f.oslo) =>
      idOf((await list(`q=${encodeURIComponent(text)}`, who)).json().items)
    expect(await q('astrid')).toEqual([ids.d, ids.a])
    expect(await q('Astrid ødegård')).toEqual([ids.a])
    expect(await q(ids.aNationalId!)).toEqual([ids.a])
    expect(await q('+47 912 34 567')).toEqual([ids.a])
    expect(await q(ids.aNationalId!, f.bergen)).toEqual([])
    expect((await q('astrid', f.bergen)).length).toBe(1)
  })

  it('audits each list and search with its filters, not the persons found', async () => {
    await list('status=open&assignedTo=me')
    await list('q=astrid')
    const rows = await auditRows(f, '0301', {})
    const lastList = rows.filter((r) => r.action === 'case.list').at(-1)
    expect(lastList?.payload.details).toMatchObject({
      filters: { status: 'open', assignedTo: 'me', sort: '-createdAt' },
      results: 1,
    })
    expect(lastList?.person_id).toBeNull()
    const search = rows.filter((r) => r.action === 'case.search').at(-1)
    expect(search?.payload.details).toMatchObject({ searchKind: 'name', q: 'astrid', results: 2 })
  })
})

describe('classifySearch', () => {
  it.each([
    ['  ', undefined],
    ['010180 12345', { kind: 'nationalId', value: '01018012345' }],
    ['Kari  Nord', { kind: 'name', words: ['kari', 'nord'] }],
    ['50%', { kind: 'name', words: ['50%'] }],
  ])('%j', (input, expected) => {
    expect(classifySearch(input)).toEqual(expected)
  })

  it('tries a phone number as typed, compact, digits only and with/without +47', () => {
    expect(classifySearch('+47 912 34 567')).toEqual({
      kind: 'phone',
      values: ['+47 912 34 567', '+4791234567', '4791234567', '91234567', '+4791234567'].filter(
        (v, i, a) => a.indexOf(v) === i,
      ),
    })
  })
})

describe('GET /api/cases/{id}/household-suggestions', () => {
  it('suggests persons at the same address who are not yet contacts; nothing for a protected address', async () => {
    const address = { street: 'Storgata 1', postcode: '0155', place: 'Oslo' }
    const c = await createCase(f.oslo, { person: newPerson(address) })
    const mate = await f.oslo.inject({
      method: 'POST',
      url: '/api/persons',
      payload: newPerson({ ...address, street: 'storgata 1' }),
    })
    const already = await addContact(f.oslo, c.id, { person: newPerson(address) })
    await f.oslo.inject({
      method: 'POST',
      url: '/api/persons',
      payload: newPerson({ ...address, postcode: '0156' }),
    })
    await f.bergen.inject({ method: 'POST', url: '/api/persons', payload: newPerson(address) })
    const url = `/api/cases/${c.id}/household-suggestions`
    expect((await f.anon({ url })).statusCode).toBe(401)
    expect((await f.bergen.inject({ url })).statusCode).toBe(404)
    const res = await f.oslo.inject({ url })
    expect(res.statusCode).toBe(200)
    expect(idOf(res.json().items)).toEqual([mate.json().person.id])
    expect(idOf(res.json().items)).not.toContain(already.personId)
    expect(res.json().items[0]).not.toHaveProperty('street')

    const hidden = await createCase(f.oslo, {
      person: newPerson({ ...address, protectedAddress: 'fortrolig' }),
    })
    const none = await f.oslo.inject({ url: `/api/cases/${hidden.id}/household-suggestions` })
    expect(none.json()).toEqual({ items: [] })
  })

  it('is audited as a person search on the case', async () => {
    const rows = await auditRows(f, '0301', { action: 'person.search' })
    expect(rows.at(-1)?.payload.details).toMatchObject({ kind: 'household-suggestions', results: 1 })
  })
})
