import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import { flat, pdfText } from '../../pdf/pdf-text'
import { addContact, createCase, day } from '../cases/casework.fixtures'
import { type MeasuresFixture, measuresFixture, quarantinedContact } from '../measures/measures.fixtures'
import { HIDDEN } from './innsyn-export.service'

/** Access request (innsyn, GDPR art. 15): everything stored about one person, JSON and PDF, audited. */
let f: MeasuresFixture
let caseId: string
let personId: string
let contactPersonId: string

beforeAll(async () => {
  f = await measuresFixture()
  const c = await createCase(f.oslo, {
    person: {
      firstName: 'Åse',
      lastName: 'Ødegård',
      nationalId: (await import('../../seed/synthetic-id')).randomSyntheticId(),
      street: 'Hemmelig vei 1',
      postcode: '0150',
      place: 'Oslo',
      protectedAddress: 'fortrolig',
    },
    notes: '<script>alert(1)</script>',
  })
  caseId = c.id
  personId = c.person.id
  const q = await quarantinedContact(f.oslo, caseId, day(-1))
  contactPersonId = q.contact.personId
  await addContact(f.oslo, caseId)
})
afterAll(() => f.t.close())

const url = (id: string, pdf = false) => `/api/persons/${id}/innsyn-export${pdf ? '.pdf' : ''}`

describe('GET /api/persons/:id/innsyn-export', () => {
  it('401 anonymous, 400 bad id, 403 tracer, 404 another municipality', async () => {
    expect((await f.anon({ url: url(personId) })).statusCode).toBe(401)
    expect((await f.osloAdmin.inject({ url: url('nope') })).statusCode).toBe(400)
    expect((await f.oslo.inject({ url: url(personId) })).statusCode).toBe(403)
    const bergenAdmin = await (await import('../../test/factories')).loginAs(
      f.t.app,
      await (await import('../../test/factories')).buildUser(f.t.db.db, {
        roles: [{ role: 'admin', kommune: '4601' }],
      }),
    )
    expect((await bergenAdmin.inject({ url: url(personId) })).statusCode).toBe(404)
  })

  it('exports the person, cases, measures and access log as JSON, without the protected address', async () => {
    await f.oslo.inject({ url: `/api/persons/${personId}` })
    const res = await f.osloAdmin.inject({ url: url(personId) })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="innsyn-data-0301-\d{4}-\d\d-\d\d\.json"$/,
    )
    const data = res.json()
    expect(data.person).toMatchObject({
      id: personId,
      first_name: 'Åse',
      last_name: 'Ødegård',
      street: HIDDEN,
    })
    expect(res.body).not.toContain('Hemmelig vei')
    expect(data.cases).toHaveLength(1)
    expect(data.cases[0]).toMatchObject({ id: caseId, notes: '<script>alert(1)</script>' })
    expect(data.accessLog.some((r: { action: string; userName: string }) => r.action === 'person.read')).toBe(
      true,
    )

    const contact = (await f.osloAdmin.inject({ url: url(contactPersonId) })).json()
    expect(contact.contacts).toHaveLength(1)
    expect(contact.measures).toHaveLength(1)
    expect(contact.measures[0].kind).toBe('quarantine')

    const audit = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      trx.selectFrom('audit_log').select('payload').where('action', '=', 'person.innsyn-export').execute(),
    )
    expect(audit[0]!.payload).toMatchObject({
      personId,
      userId: f.osloAdmin.user.id,
      details: { format: 'json', sections: { cases: 1 } },
    })
  })

  it('exports the same as a PDF', async () => {
    const res = await f.osloAdmin.inject({ url: url(personId, true) })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    const text = flat(await pdfText(res.rawPayload))
    expect(text).toContain('Innsyn – opplysninger om deg')
    expect(text).toContain('first_name: Åse')
    expect(text).toContain('Smittetilfeller (1)')
    expect(text).not.toContain('Hemmelig vei')
  })
})
