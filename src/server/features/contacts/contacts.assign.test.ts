import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addContact,
  auditRows,
  type CaseworkFixture,
  caseworkFixture,
  createCase,
  fieldErrors,
} from '../cases/casework.fixtures'

let f: CaseworkFixture
beforeAll(async () => {
  f = await caseworkFixture()
})
afterAll(() => f.t.close())

/** A case with one contact in Oslo; returns the contact id. */
async function contactId() {
  const c = await createCase(f.oslo)
  return (await addContact(f.oslo, c.id)).contactId
}

describe('PUT /api/contacts/{id}/assignee', () => {
  it('401 without a session, 400 per field, 404 across municipalities, 403 for a report user', async () => {
    const id = await contactId()
    const url = `/api/contacts/${id}/assignee`
    expect((await f.anon({ method: 'PUT', url, payload: {} })).statusCode).toBe(401)
    const bad = await f.oslo.inject({ method: 'PUT', url, payload: { userId: 'me', version: 0 } })
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(fieldErrors(bad.json())).sort()).toEqual(['body.userId', 'body.version'])
    const foreign = await f.bergen.inject({
      method: 'PUT',
      url,
      payload: { userId: f.bergen.user.id, version: 1 },
    })
    expect(foreign.statusCode).toBe(404)
    const report = await f.osloReport.inject({
      method: 'PUT',
      url,
      payload: { userId: f.oslo.user.id, version: 1 },
    })
    expect(report.statusCode).toBe(403)
  })

  it('400 for a user without a case-work role in this municipality', async () => {
    const url = `/api/contacts/${await contactId()}/assignee`
    for (const who of [f.bergen, f.osloReport]) {
      const res = await f.oslo.inject({ method: 'PUT', url, payload: { userId: who.user.id, version: 1 } })
      expect(res.statusCode).toBe(400)
      expect(fieldErrors(res.json())).toEqual({
        'body.userId': 'Brukeren har ingen smittesporingsrolle i denne kommunen',
      })
    }
  })

  it('assigns and unassigns with the version, audited field by field', async () => {
    const id = await contactId()
    const url = `/api/contacts/${id}/assignee`
    const ok = await f.oslo.inject({
      method: 'PUT',
      url,
      payload: { userId: f.osloAdmin.user.id, version: 1 },
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({
      version: 2,
      assignedTo: { id: f.osloAdmin.user.id, name: 'Ada Admin' },
    })
    const read = (await f.oslo.inject({ url: `/api/contacts/${id}` })).json()
    expect(read.assignedTo).toEqual({ id: f.osloAdmin.user.id, name: 'Ada Admin' })
    const none = await f.oslo.inject({ method: 'PUT', url, payload: { userId: null, version: 2 } })
    expect(none.json()).toMatchObject({ version: 3, assignedTo: null })
    const rows = await auditRows(f, '0301', { action: 'contact.assign', recordId: id })
    expect(rows.map((r) => (r.payload as { changes: unknown }).changes)).toEqual([
      [{ field: 'assignedTo', before: null, after: f.osloAdmin.user.id }],
      [{ field: 'assignedTo', before: f.osloAdmin.user.id, after: null }],
    ])
  })

  it('409 with the contact as it is now when the version is stale; nothing is changed', async () => {
    const id = await contactId()
    const url = `/api/contacts/${id}/assignee`
    await f.oslo2.inject({ method: 'PUT', url, payload: { userId: f.oslo2.user.id, version: 1 } })
    const stale = await f.oslo.inject({ method: 'PUT', url, payload: { userId: f.oslo.user.id, version: 1 } })
    expect(stale.statusCode).toBe(409)
    expect(stale.json()).toMatchObject({
      code: 'conflict',
      current: { id, version: 2, assignedTo: { id: f.oslo2.user.id, name: 'Per Sporer' } },
    })
    const read = (await f.oslo.inject({ url: `/api/contacts/${id}` })).json()
    expect(read).toMatchObject({ version: 2, assignedTo: { id: f.oslo2.user.id } })
  })

  it("the case page lists each contact's assignee", async () => {
    const c = await createCase(f.oslo)
    const { contactId: id } = await addContact(f.oslo, c.id)
    await f.oslo.inject({
      method: 'PUT',
      url: `/api/contacts/${id}/assignee`,
      payload: { userId: f.oslo.user.id, version: 1 },
    })
    const detail = (await f.oslo.inject({ url: `/api/cases/${c.id}` })).json()
    expect(detail.contacts).toEqual([
      expect.objectContaining({ id, assignedTo: { id: f.oslo.user.id, name: 'Tora Sporer' } }),
    ])
  })

  it('"my contacts" lists the active contacts assigned to the user, with its badge count', async () => {
    const mine = await contactId()
    const finished = await contactId()
    const others = await contactId()
    const put = (id: string, userId: string) =>
      f.oslo.inject({ method: 'PUT', url: `/api/contacts/${id}/assignee`, payload: { userId, version: 1 } })
    await put(mine, f.oslo.user.id)
    await put(finished, f.oslo.user.id)
    await put(others, f.oslo2.user.id)
    await f.oslo.inject({
      method: 'PATCH',
      url: `/api/contacts/${finished}`,
      payload: { status: 'finished', version: 2 },
    })
    const list = await f.oslo.inject({ url: '/api/worklists/my-contacts' })
    expect(list.statusCode).toBe(200)
    expect(list.json()).toMatchObject({ kind: 'contacts', name: 'my-contacts', nextCursor: null })
    // Newest first; an earlier test in this file assigned one more contact to this user.
    const items = list.json().items as { id: string; assignedTo: unknown }[]
    expect(items.map((i) => i.id)).toHaveLength(2)
    expect(items[0]).toMatchObject({ id: mine, assignedTo: { id: f.oslo.user.id, name: 'Tora Sporer' } })
    expect(items.map((i) => i.id)).not.toContain(finished)
    expect((await f.oslo.inject({ url: '/api/worklists' })).json()['my-contacts']).toBe(2)
    const theirs = (await f.oslo2.inject({ url: '/api/worklists/my-contacts' })).json()
    expect(theirs.items.map((i: { id: string }) => i.id)).toContain(others)
    expect(theirs.items.map((i: { id: string }) => i.id)).not.toContain(mine)
    expect((await f.bergen.inject({ url: '/api/worklists/my-contacts' })).json().items).toEqual([])
  })
})
