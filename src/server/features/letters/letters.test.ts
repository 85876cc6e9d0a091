import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatNorwegianDate } from '../../../shared/domain/dates'
import { inTenant } from '../../db/tenant'
import { flat, pdfTags, pdfText } from '../../pdf/pdf-text'
import { auditRows, createCase, day, fieldErrors, newPerson } from '../cases/casework.fixtures'
import { type MeasuresFixture, measuresFixture, quarantinedContact } from '../measures/measures.fixtures'

let f: MeasuresFixture
let measure: { id: string; person: { id: string; firstName: string; lastName: string } }

beforeAll(async () => {
  f = await measuresFixture()
  await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
    trx
      .insertInto('kommune_settings')
      .values({
        kommune_code: '0301',
        contact_name: 'Smittesporingsteamet',
        contact_phone: '21 80 21 80',
        contact_email: 'smitte@oslo.example',
      })
      .execute(),
  )
  const c = await createCase(f.oslo)
  measure = (await quarantinedContact(f.oslo, c.id, day(-3))).measure
})
afterAll(() => f.t.close())

const letter = (id: string, language: string, who = f.oslo) =>
  who.inject({ method: 'POST', url: `/api/measures/${id}/letters`, payload: { language } })

async function download(docId: string) {
  const res = await f.oslo.inject({ url: `/api/documents/${docId}/content` })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toBe('application/pdf')
  return flat(await pdfText(res.rawPayload))
}

describe('POST /api/measures/{id}/letters', () => {
  it('401, 400, 404 across municipalities', async () => {
    expect(
      (
        await f.anon({
          method: 'POST',
          url: `/api/measures/${measure.id}/letters`,
          payload: { language: 'nb' },
        })
      ).statusCode,
    ).toBe(401)
    expect(fieldErrors((await letter(measure.id, 'se')).json())).toEqual({ 'body.language': 'Velg språk' })
    expect((await letter(measure.id, 'nb', f.bergen)).statusCode).toBe(404)
    expect((await f.bergen.inject({ url: `/api/documents/${crypto.randomUUID()}/content` })).statusCode).toBe(
      404,
    )
  })

  it('makes the quarantine notice in bokmål with the computed dates, stored on the person and audited', async () => {
    const res = await letter(measure.id, 'nb')
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc).toMatchObject({
      personId: measure.person.id,
      measureId: measure.id,
      kind: 'quarantine-notice',
      language: 'nb',
      title: 'Melding om smittekarantene',
      filename: `karantene-${day(-3)}-nb.pdf`,
      createdBy: { name: 'Tora Sporer' },
    })
    const text = await download(doc.id)
    expect(text).toContain('Oslo kommune Dato:')
    expect(text).toContain(`Til: ${measure.person.firstName} ${measure.person.lastName}`)
    expect(text).toContain(
      `Perioden gjelder fra og med ${formatNorwegianDate(day(-3))} til og med ${formatNorwegianDate(day(7))}.`,
    )
    expect(text).toContain('karantene i 10 døgn etter siste nærkontakt')
    expect(text).toContain(`negativ test tatt tidligst døgn 7 (${formatNorwegianDate(day(4))})`)
    expect(text).toContain('Smittesporingsteamet, telefon 21 80 21 80, e-post smitte@oslo.example')
    const listed = (await f.oslo.inject({ url: `/api/measures/${measure.id}` })).json().documents
    expect(listed.map((d: { id: string }) => d.id)).toEqual([doc.id])
    expect((await auditRows(f, '0301', { action: 'document.create', recordId: doc.id }))[0]?.person_id).toBe(
      measure.person.id,
    )
    expect(await auditRows(f, '0301', { action: 'document.read', recordId: doc.id })).toHaveLength(1)
  })

  it.each([
    ['nn', 'Perioden gjeld frå og med', 'Reglane som galdt'],
    ['en', 'The period runs from', 'Notice of quarantine'],
  ])('in %s', async (language, period, other) => {
    const doc = (await letter(measure.id, language)).json()
    const text = await download(doc.id)
    expect(text).toContain(period)
    expect(text).toContain(other)
    expect(text).toContain(formatNorwegianDate(day(7)))
  })

  it('shows an ordinary address, never a protected one', async () => {
    const open = await createCase(f.oslo, {
      person: newPerson({ street: 'Storgata 1', postcode: '0155', place: 'Oslo' }),
    })
    const iso = (
      await f.oslo.inject({
        method: 'POST',
        url: '/api/measures',
        payload: { kind: 'isolation', caseId: open.id },
      })
    ).json()
    const withAddress = await download((await letter(iso.id, 'nb')).json().id)
    expect(withAddress).toContain('Storgata 1')
    expect(withAddress).toContain('Melding om isolasjon')

    const hidden = await createCase(f.oslo, {
      person: newPerson({
        street: 'Hemmeligveien 7',
        postcode: '0160',
        place: 'Oslo',
        protectedAddress: 'strengt_fortrolig',
      }),
    })
    const m = (
      await f.oslo.inject({
        method: 'POST',
        url: '/api/measures',
        payload: { kind: 'isolation', caseId: hidden.id },
      })
    ).json()
    const text = await download((await letter(m.id, 'nb')).json().id)
    expect(text).toContain('Melding om isolasjon')
    expect(text).not.toContain('Hemmeligveien')
    expect(text).not.toContain('0160')
  })

  it("prints every Norwegian and Sámi letter of a name, in a tagged PDF in the letter's language", async () => {
    const c = await createCase(f.oslo, {
      person: newPerson({ firstName: 'Áile', lastName: 'Čáhppes-Ŋuolja', street: 'Đárjjoš ŧ žš ǯ ǥ ǩ 3' }),
    })
    const m = (
      await f.oslo.inject({
        method: 'POST',
        url: '/api/measures',
        payload: { kind: 'isolation', caseId: c.id },
      })
    ).json()
    const doc = (await letter(m.id, 'nn')).json()
    const res = await f.oslo.inject({ url: `/api/documents/${doc.id}/content` })
    const text = flat(await pdfText(res.rawPayload))
    expect(text).toContain('Til: Áile Čáhppes-Ŋuolja')
    expect(text).toContain('Đárjjoš ŧ žš ǯ ǥ ǩ 3')
    const tags = await pdfTags(res.rawPayload)
    expect(tags).toMatchObject({ marked: true, lang: 'nn-NO', title: 'Melding om isolasjon' })
    expect(tags.structure.slice(0, 2)).toEqual(['Document', 'P'])
    expect(tags.structure).toContain('H1')
    expect(tags.structure).toContain('H2')
    expect(tags.fonts.every((name) => name.includes('NotoSans'))).toBe(true)
  })
})
