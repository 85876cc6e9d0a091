import { describe, expect, it } from 'vitest'
import { FREG_FIXTURES, FREG_IDS } from '../../fakes/freg'
import { current, displayName, FregDocumentError, mapFregDocument, protectionLevel } from './freg.mapper'

/**
 * Contract tests: the mapper against documents in the shape Skatteetaten documents for
 * `offentlig-med-hjemmel/api/v1/personer/{id}?part=person-basis` (the fake's fixtures, plus the
 * variants below written from the documented field names).
 */
describe('mapFregDocument on the fixture persons', () => {
  it('ordinary person: names, birth date, sex, status, vegadresse with kommune', () => {
    expect(mapFregDocument(FREG_FIXTURES.ordinary)).toEqual({
      nationalId: FREG_IDS.ordinary,
      idType: 'fnr',
      firstName: 'Lyseblå',
      lastName: 'Sjøhest',
      birthDate: '1985-04-12',
      sex: 'female',
      status: 'bosatt',
      deathDate: null,
      protectedAddress: 'none',
      address: {
        street: 'Storgata 12B',
        postcode: '0184',
        place: 'Oslo',
        kind: 'bosted',
        validFrom: '2019-05-31T00:00:00+01:00',
      },
      residenceKommune: '0301',
      unknownResidence: false,
    })
  })

  it('D-nummer: id type dnr, and the oppholdsadresse when there is no bostedsadresse', () => {
    const p = mapFregDocument(FREG_FIXTURES.dNumber)
    expect(p).toMatchObject({
      nationalId: FREG_IDS.dNumber,
      idType: 'dnr',
      status: 'midlertidig',
      sex: 'male',
    })
    expect(p.address).toMatchObject({
      street: 'Strandkaien 3',
      postcode: '5013',
      place: 'Bergen',
      kind: 'opphold',
    })
    expect(p.residenceKommune).toBe('4601')
  })

  it('strengt fortrolig: only the level, no address and no kommune', () => {
    const p = mapFregDocument(FREG_FIXTURES.strengtFortrolig)
    expect(p.protectedAddress).toBe('strengt_fortrolig')
    expect(p.address).toBeNull()
    expect(p.residenceKommune).toBeNull()
  })

  it('fortrolig: a delivered address is dropped, whatever its grade says', () => {
    const p = mapFregDocument(FREG_FIXTURES.fortrolig)
    expect(p.protectedAddress).toBe('fortrolig')
    expect(p.address).toBeNull()
    expect(p.residenceKommune).toBeNull()
    expect(JSON.stringify(p)).not.toMatch(/Hemmeligveien|0678/)
  })

  it('deceased: status doed and the death date; middle name joins the first name', () => {
    const p = mapFregDocument(FREG_FIXTURES.deceased)
    expect(p).toMatchObject({
      status: 'doed',
      deathDate: '2021-03-14',
      firstName: 'Gammel Trær',
      lastName: 'Eik',
    })
  })

  it('emigrated: the current status wins over the old one; no current address', () => {
    const p = mapFregDocument(FREG_FIXTURES.emigrated)
    expect(p.status).toBe('utflyttet')
    expect(p.address).toBeNull()
    expect(p.residenceKommune).toBeNull()
    expect(p.unknownResidence).toBe(false)
  })

  it('unknown residence: ukjentBosted gives the kommune but no address', () => {
    const p = mapFregDocument(FREG_FIXTURES.unknownResidence)
    expect(p).toMatchObject({ address: null, residenceKommune: '4601', unknownResidence: true })
  })

  it('address history: only the erGjeldende versions of address and name are used', () => {
    const p = mapFregDocument(FREG_FIXTURES.addressHistory)
    expect(p.lastName).toBe('Maur')
    expect(p.address).toMatchObject({ street: 'Thorvald Meyers gate 70A', postcode: '0552', place: 'Oslo' })
    expect(p.residenceKommune).toBe('0301')
  })

  it('matrikkeladresse without a farm name: gnr/bnr stand in for the street', () => {
    const p = mapFregDocument(FREG_FIXTURES.cadastral)
    expect(p.address).toMatchObject({ street: 'gnr. 98 bnr. 4', postcode: '5098', place: 'Bergen' })
    expect(p.residenceKommune).toBe('4601')
  })
})

describe('mapFregDocument on documented variants', () => {
  const base = {
    identifikasjonsnummer: [
      {
        erGjeldende: true,
        status: 'iBruk',
        foedselsEllerDNummer: FREG_IDS.ordinary,
        identifikatortype: 'foedselsnummer',
      },
    ],
    navn: [{ erGjeldende: true, fornavn: 'FORSTÅELSESFULL', etternavn: 'RULLE-TRAPP' }],
  }

  it('the older matrikkeladresse shape (kommunenummer inside matrikkelnummer, coAdressenavn empty)', () => {
    const p = mapFregDocument({
      ...base,
      bostedsadresse: [
        {
          erGjeldende: true,
          gyldighetstidspunkt: '2019-05-31T00:00:00+02:00',
          matrikkeladresse: {
            bruksenhetsnummer: '',
            matrikkelnummer: { kommunenummer: '0301', gaardsnummer: 0, bruksnummer: 27, festenummer: 0 },
            undernummer: 0,
            poststed: { poststedsnavn: 'OSLO', postnummer: '1163' },
            coAdressenavn: '',
          },
          adressegradering: 'ugradert',
          flyttedato: '2019-05-31',
        },
      ],
    })
    expect(p.address).toMatchObject({ street: 'gnr. 0 bnr. 27', postcode: '1163', place: 'Oslo' })
    expect(p.residenceKommune).toBe('0301')
    expect(p.lastName).toBe('Rulle-Trapp')
  })

  it('grades in capitals (UGRADERT) and strengtFortroligUtland', () => {
    const withGrade = (g: string) =>
      mapFregDocument({
        ...base,
        adressebeskyttelse: [{ erGjeldende: true, graderingsnivaa: g }],
        bostedsadresse: [
          {
            erGjeldende: true,
            vegadresse: { adressenavn: 'Gate', adressenummer: { husnummer: '1' }, kommunenummer: '0301' },
            adressegradering: g,
          },
        ],
      })
    expect(withGrade('UGRADERT')).toMatchObject({ protectedAddress: 'none', residenceKommune: '0301' })
    expect(withGrade('strengtFortroligUtland')).toMatchObject({
      protectedAddress: 'strengt_fortrolig_utland',
      address: null,
    })
  })

  it('an address graded fortrolig protects the person even without an adressebeskyttelse element', () => {
    const p = mapFregDocument({
      ...base,
      bostedsadresse: [
        {
          erGjeldende: true,
          vegadresse: { adressenavn: 'Skjult vei', kommunenummer: '0301' },
          adressegradering: 'fortrolig',
        },
      ],
    })
    expect(p).toMatchObject({ protectedAddress: 'fortrolig', address: null, residenceKommune: null })
  })

  it('an ended protection (erGjeldende false) no longer protects', () => {
    const p = mapFregDocument({
      ...base,
      adressebeskyttelse: [{ erGjeldende: false, graderingsnivaa: 'fortrolig' }],
    })
    expect(p.protectedAddress).toBe('none')
  })

  it('unknown statuses and sexes map to ukjent/unknown; missing ones to null', () => {
    const p = mapFregDocument({
      ...base,
      status: [{ erGjeldende: true, status: 'nyStatusFraFremtiden' }],
      kjoenn: [{ erGjeldende: true, kjoenn: 'annet' }],
    })
    expect(p).toMatchObject({ status: 'ukjent', sex: 'unknown', birthDate: null })
  })

  it('ignores fields it does not know and tolerates metadata objects', () => {
    const p = mapFregDocument({
      ...base,
      sivilstand: [{ erGjeldende: true, sivilstand: 'ugift' }],
      kjoenn: [{ erGjeldende: true, kjoenn: 'mann', metadata: { opplysningsId: 'x' } }],
    })
    expect(p.sex).toBe('male')
  })

  it('refuses documents without a current id or name', () => {
    expect(() => mapFregDocument({ navn: base.navn })).toThrow(FregDocumentError)
    expect(() =>
      mapFregDocument({ ...base, navn: [{ erGjeldende: false, fornavn: 'A', etternavn: 'B' }] }),
    ).toThrow(FregDocumentError)
    expect(() => mapFregDocument('not json')).toThrow(FregDocumentError)
    expect(() => mapFregDocument({ ...base, navn: 'wrong' })).toThrow(FregDocumentError)
  })
})

describe('helpers', () => {
  it('current: the erGjeldende version; the latest if several are marked', () => {
    expect(current([{ erGjeldende: false, x: 1 }])).toBeUndefined()
    expect(
      current([
        { erGjeldende: true, gyldighetstidspunkt: '2020-01-01', x: 1 },
        { erGjeldende: true, gyldighetstidspunkt: '2022-01-01', x: 2 },
      ])?.x,
    ).toBe(2)
  })

  it.each([
    [undefined, 'none'],
    ['ugradert', 'none'],
    ['fortrolig', 'fortrolig'],
    ['STRENGT_FORTROLIG', 'strengt_fortrolig'],
    ['klientadresse', 'strengt_fortrolig'],
    ['somethingNew', 'strengt_fortrolig'],
  ] as const)('protectionLevel(%s) = %s', (grade, level) => {
    expect(protectionLevel(grade)).toBe(level)
  })

  it('displayName: capitals to name case, mixed case kept', () => {
    expect(displayName(['ÅSE-MARIE', "O'NEILL"])).toBe("Åse-Marie O'Neill")
    expect(displayName(['van der Berg'])).toBe('van der Berg')
  })
})
