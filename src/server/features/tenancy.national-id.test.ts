import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../db/tenant'
import { flat, pdfText } from '../pdf/pdf-text'
import { buildUser, loginAs } from '../test/factories'
import { type CaseworkFixture, caseworkFixture, createCase, day } from './cases/casework.fixtures'
import { latin1 } from './imports/__fixtures__/fixtures'
import { allRows, commit, uploadAndValidate } from './imports/imports.test-helpers'

/**
 * "Bergen knows the national id of Oslo's person" (issue 17). National ids are not secret, so
 * knowing one must give Bergen the shared identity only (names, birth date) and the notice that
 * Oslo also follows the person up — never Oslo's phone numbers, e-mail, address, workplace or
 * notes, on any route that takes or returns person data, and Bergen must not change them.
 */

const OSLO_DETAILS = {
  phone: '41234599',
  phone2: '41234598',
  email: 'oslo.hemmelig@example.no',
  street: 'Hemmeligveien 7',
  postcode: '0150',
  place: 'Oslohemmelig',
  workplaceName: 'Osloarbeid AS',
  preferredLanguage: 'polsk-oslo',
  notes: 'OSLO-NOTAT: ringer helst etter kl 16',
}
const MARKERS = Object.values(OSLO_DETAILS).filter((v) => v !== '0150')

function expectNoOsloDetails(body: string) {
  for (const m of MARKERS) expect(body).not.toContain(m)
}

let f: CaseworkFixture
let oslo: { id: string; nationalId: string; firstName: string; lastName: string }
const person = () => ({ nationalId: oslo.nationalId, firstName: 'Skrevet', lastName: 'Avbergen' })

beforeAll(async () => {
  f = await caseworkFixture()
  const c = await createCase(f.oslo, {
    person: { firstName: 'Olga', lastName: 'Oslodottir', nationalId: '06819048027', ...OSLO_DETAILS },
  })
  oslo = c.person
})
afterAll(() => f.t.close())

async function osloView() {
  const res = await f.oslo.inject({ url: `/api/persons/${oslo.id}` })
  expect(res.statusCode).toBe(200)
  return res.json()
}

describe("Bergen knows the national id of Oslo's person", () => {
  it('POST /api/persons links the identity, keeps what Bergen typed, says Oslo also follows up', async () => {
    const res = await f.bergen.inject({
      method: 'POST',
      url: '/api/persons',
      payload: { ...person(), phone: '92222222' },
    })
    expect(res.statusCode, res.body).toBe(200)
    expectNoOsloDetails(res.body)
    const p = res.json().person
    expect(p).toMatchObject({
      id: oslo.id,
      linked: true,
      nationalId: oslo.nationalId,
      firstName: 'Olga',
      lastName: 'Oslodottir',
      phone: '92222222',
      email: null,
      street: null,
      notes: null,
      followedBy: [{ kommune: '0301', kommuneName: 'Oslo', owner: true }],
    })
  })

  it('GET and PATCH see and change only Bergen’s own details', async () => {
    const get = await f.bergen.inject({ url: `/api/persons/${oslo.id}` })
    expect(get.statusCode).toBe(200)
    expectNoOsloDetails(get.body)
    const patch = await f.bergen.inject({
      method: 'PATCH',
      url: `/api/persons/${oslo.id}`,
      payload: { version: get.json().version, phone: '93333333', notes: 'Bergen-notat', street: 'Bryggen 1' },
    })
    expect(patch.statusCode, patch.body).toBe(200)
    expectNoOsloDetails(patch.body)
    expect(patch.json()).toMatchObject({ phone: '93333333', notes: 'Bergen-notat', street: 'Bryggen 1' })
    const o = await osloView()
    expect(o).toMatchObject({ ...OSLO_DETAILS, linked: false })
    expect(o.followedBy).toEqual([{ kommune: '4601', kommuneName: 'Bergen', owner: false }])
  })

  it('the contact grid: a contact row with the id gets Bergen’s details only', async () => {
    const c = await createCase(f.bergen)
    const res = await f.bergen.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/contacts`,
      payload: { person: person(), relation: 'friend', lastExposure: day(-2) },
    })
    expect(res.statusCode, res.body).toBe(201)
    expectNoOsloDetails(res.body)
    const contact = await f.bergen.inject({ url: `/api/contacts/${res.json().items[0].contactId}` })
    expect(contact.statusCode).toBe(200)
    expectNoOsloDetails(contact.body)
    const list = await f.bergen.inject({ url: `/api/cases/${c.id}` })
    expectNoOsloDetails(list.body)
  })

  it('event participants', async () => {
    const ev = await inTenant(f.t.db.db, { kommune: '4601' }, (trx) =>
      trx
        .insertInto('events')
        .values({ kommune: '4601', owner_unit: '4601', name: 'Konsert', exposure_setting: 'event' })
        .returning('id')
        .executeTakeFirstOrThrow(),
    )
    const res = await f.bergen.inject({
      method: 'POST',
      url: `/api/events/${ev.id}/participants`,
      payload: { person: person(), exposureAt: new Date(Date.now() - 86_400_000).toISOString() },
    })
    expect(res.statusCode, res.body).toBe(201)
    expectNoOsloDetails(res.body)
    const list = await f.bergen.inject({ url: `/api/events/${ev.id}/participants` })
    expectNoOsloDetails(list.body)
  })

  it('import: a row with the id never brings Oslo’s details', async () => {
    const [y, m, d] = day(-2).split('-')
    const csv = latin1(
      [
        'Ekstern ID;Fødselsnummer;Fornavn;Etternavn;Fødselsdato;Telefon;Adresse;Postnummer;Poststed;Testdato;Testtype;Symptomer;Symptomstart;Smittested;Merknad',
        `B-1;${oslo.nationalId};Skrevet;Avbergen;;94444444;;;;${d}.${m}.${y};PCR;nei;;ukjent;`,
        '',
      ].join('\r\n'),
    )
    const run = await uploadAndValidate(f.t.app, f.bergen, 'bergen.csv', csv)
    const done = await commit(f.t.app, f.bergen, run.id)
    expect(done.body.state, JSON.stringify(done.body)).toBe('committed')
    expectNoOsloDetails(JSON.stringify(await allRows(f.bergen, run.id)))
    expectNoOsloDetails((await f.bergen.inject({ url: `/api/persons/${oslo.id}` })).body)
  })

  it('merge: Bergen cannot merge Oslo’s person into its own', async () => {
    const own = await f.bergen.inject({
      method: 'POST',
      url: '/api/persons',
      payload: { firstName: 'Olga', lastName: 'Oslodottir', birthDate: '1990-01-06', confirmNew: true },
    })
    expect(own.statusCode, own.body).toBe(200)
    const res = await f.bergen.inject({
      method: 'POST',
      url: '/api/persons/merge',
      payload: {
        survivorId: own.json().person.id,
        mergedId: oslo.id,
        survivorVersion: own.json().person.version,
        mergedVersion: 1,
        choices: {},
      },
    })
    expect([404, 422]).toContain(res.statusCode)
    expectNoOsloDetails(res.body)
    const dup = await f.bergen.inject({ url: '/api/persons/duplicates' })
    expectNoOsloDetails(dup.body)
  })

  it('exports of the line list', async () => {
    for (const types of ['cases', 'contacts']) {
      const res = await f.bergen.inject({ url: `/api/exports/line-list?format=csv&types=${types}` })
      expect(res.statusCode, res.body).toBe(200)
      expectNoOsloDetails(res.rawPayload.toString('utf8'))
    }
  })

  it('letters: Bergen’s notice is addressed from Bergen’s details', async () => {
    const c = await createCase(f.bergen)
    const contact = await f.bergen.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/contacts`,
      payload: { person: person(), relation: 'friend', lastExposure: day(-1) },
    })
    const m = await f.bergen.inject({
      method: 'POST',
      url: '/api/measures',
      payload: {
        kind: 'quarantine',
        contactId: contact.json().items[0].contactId,
        override: { startDate: day(-1), endDate: day(9), reason: 'Kommuneoverlegens vurdering' },
      },
    })
    expect(m.statusCode, m.body).toBe(200)
    const letter = await f.bergen.inject({
      method: 'POST',
      url: `/api/measures/${m.json().id}/letters`,
      payload: { language: 'nb' },
    })
    expect(letter.statusCode, letter.body).toBe(200)
    const pdf = await f.bergen.inject({ url: `/api/documents/${letter.json().id}/content` })
    const text = flat(await pdfText(pdf.rawPayload))
    expect(text).toContain('Bryggen 1')
    expectNoOsloDetails(text)
  })

  it('innsyn: Bergen’s access report holds Bergen’s details only', async () => {
    const admin = await loginAs(
      f.t.app,
      await buildUser(f.t.db.db, { name: 'Bjørn Admin', roles: [{ role: 'admin', kommune: '4601' }] }),
    )
    const res = await admin.inject({ url: `/api/persons/${oslo.id}/innsyn-export` })
    expect(res.statusCode, res.body).toBe(200)
    expectNoOsloDetails(res.body)
    expect(res.body).toContain('Bergen-notat')
  })

  it('left Oslo’s details exactly as Oslo registered them', async () => {
    expect(await osloView()).toMatchObject(OSLO_DETAILS)
  })
})
