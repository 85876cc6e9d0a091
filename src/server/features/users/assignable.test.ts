import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUser } from '../../test/factories'
import { type CaseworkFixture, caseworkFixture, createCase } from '../cases/casework.fixtures'

let f: CaseworkFixture
beforeAll(async () => {
  f = await caseworkFixture()
  // Has roles in Oslo only as a report user and in Bergen as a tracer: assignable in Bergen only.
  await buildUser(f.t.db.db, {
    name: 'Aase Begge',
    roles: [
      { role: 'report', kommune: '0301' },
      { role: 'tracer', kommune: '4601' },
    ],
  })
})
afterAll(() => f.t.close())

describe('GET /api/users/assignable', () => {
  it('401 without login, 403 for a report user', async () => {
    expect((await f.anon({ url: '/api/users/assignable' })).statusCode).toBe(401)
    expect((await f.osloReport.inject({ url: '/api/users/assignable' })).statusCode).toBe(403)
  })

  it("lists the active municipality's tracers and administrators by name, nobody else", async () => {
    const oslo = await f.oslo.inject({ url: '/api/users/assignable' })
    expect(oslo.statusCode).toBe(200)
    expect(oslo.json()).toEqual({
      items: [
        { id: f.osloAdmin.user.id, name: 'Ada Admin' },
        { id: f.oslo2.user.id, name: 'Per Sporer' },
        { id: f.oslo.user.id, name: 'Tora Sporer' },
      ],
    })
    const bergen = (await f.bergen.inject({ url: '/api/users/assignable' })).json()
    expect(bergen.items.map((u: { name: string }) => u.name)).toEqual(['Aase Begge', 'Berit Bergen'])
  })

  it('every listed user is accepted as assignee of a case; a Bergen user is not', async () => {
    const c = await createCase(f.oslo)
    const res = await f.oslo.inject({
      method: 'PUT',
      url: `/api/cases/${c.id}/assignee`,
      payload: { userId: f.oslo2.user.id, version: 1 },
    })
    expect(res.json().assignedTo).toEqual({ id: f.oslo2.user.id, name: 'Per Sporer' })
    const foreign = await f.oslo.inject({
      method: 'PUT',
      url: `/api/cases/${c.id}/assignee`,
      payload: { userId: f.bergen.user.id, version: 2 },
    })
    expect(foreign.statusCode).toBe(400)
  })
})
