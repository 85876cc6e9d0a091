import { FREG_IDS, type FregFixtureName } from './fixture-ids'

/**
 * Synthetic Folkeregister persons in the shape of Skatteetaten's documented person document
 * (`offentlig-med-hjemmel`, `part=person-basis`): every element a list of versions with
 * `erGjeldende`, `gyldighetstidspunkt`, `ajourholdstidspunkt`, `kilde` and `aarsak`. Names are
 * invented in Tenor's style (capitals, ordinary words), ids are Tenor-synthetic.
 */
type Doc = Record<string, unknown[]>

/** Version metadata: valid from `from` (yyyy-mm-dd), current unless said otherwise. */
function v(from: string, erGjeldende = true, extra: Record<string, unknown> = {}) {
  return {
    ajourholdstidspunkt: `${from}T09:30:00+01:00`,
    erGjeldende,
    kilde: 'Folkeregisteret',
    aarsak: 'Patch',
    gyldighetstidspunkt: `${from}T00:00:00+01:00`,
    ...(erGjeldende ? {} : { opphoerstidspunkt: `${from}T23:59:59+01:00` }),
    ...extra,
  }
}

function idElement(id: string, type: 'foedselsnummer' | 'dNummer', from: string) {
  return { ...v(from), status: 'iBruk', foedselsEllerDNummer: id, identifikatortype: type }
}

function vegadresse(a: {
  street: string
  number: number
  letter?: string
  kommune: string
  postcode: string
  place: string
}) {
  return {
    adressekode: '12345',
    adressenavn: a.street,
    adressenummer: { husnummer: String(a.number), ...(a.letter ? { husbokstav: a.letter } : {}) },
    bruksenhetsnummer: 'H0101',
    bruksenhetstype: 'bolig',
    kommunenummer: a.kommune,
    poststed: { poststedsnavn: a.place, postnummer: a.postcode },
  }
}

interface Basics {
  id: string
  idType?: 'foedselsnummer' | 'dNummer'
  born: string
  first: string
  middle?: string
  last: string
  sex: 'kvinne' | 'mann'
  status: string
}

function person(p: Basics, rest: Doc = {}): Doc {
  return {
    identifikasjonsnummer: [idElement(p.id, p.idType ?? 'foedselsnummer', p.born)],
    status: [{ ...v(p.born), status: p.status }],
    kjoenn: [{ ...v(p.born), kjoenn: p.sex }],
    foedsel: [{ ...v(p.born), foedselsdato: p.born, foedselsaar: p.born.slice(0, 4), foedeland: 'NOR' }],
    navn: [
      { ...v(p.born), fornavn: p.first, ...(p.middle ? { mellomnavn: p.middle } : {}), etternavn: p.last },
    ],
    adressebeskyttelse: [],
    ...rest,
  }
}

const osloHome = vegadresse({
  street: 'Storgata',
  number: 12,
  letter: 'B',
  kommune: '0301',
  postcode: '0184',
  place: 'OSLO',
})

export const FREG_FIXTURES: Record<Exclude<FregFixtureName, 'serverError' | 'slow' | 'unknown'>, Doc> = {
  ordinary: person(
    {
      id: FREG_IDS.ordinary,
      born: '1985-04-12',
      first: 'LYSEBLÅ',
      last: 'SJØHEST',
      sex: 'kvinne',
      status: 'bosatt',
    },
    {
      bostedsadresse: [
        { ...v('2019-05-31'), vegadresse: osloHome, adressegradering: 'ugradert', flyttedato: '2019-05-31' },
      ],
    },
  ),
  dNumber: person(
    {
      id: FREG_IDS.dNumber,
      idType: 'dNummer',
      born: '1990-07-03',
      first: 'ROLIG',
      last: 'TRAKTOR',
      sex: 'mann',
      status: 'midlertidig',
    },
    {
      oppholdsadresse: [
        {
          ...v('2023-01-09'),
          vegadresse: vegadresse({
            street: 'Strandkaien',
            number: 3,
            kommune: '4601',
            postcode: '5013',
            place: 'BERGEN',
          }),
          adressegradering: 'ugradert',
        },
      ],
    },
  ),
  strengtFortrolig: person(
    {
      id: FREG_IDS.strengtFortrolig,
      born: '1979-02-27',
      first: 'STILLE',
      last: 'UGLE',
      sex: 'kvinne',
      status: 'bosatt',
    },
    // Folkeregisteret does not hand out a strengt fortrolig address: only the protection level.
    { adressebeskyttelse: [{ ...v('2020-02-01'), graderingsnivaa: 'strengtFortrolig' }] },
  ),
  fortrolig: person(
    {
      id: FREG_IDS.fortrolig,
      born: '1992-10-09',
      first: 'SKJULT',
      last: 'REV',
      sex: 'mann',
      status: 'bosatt',
    },
    {
      adressebeskyttelse: [{ ...v('2021-06-01'), graderingsnivaa: 'fortrolig' }],
      bostedsadresse: [
        {
          ...v('2021-06-01'),
          vegadresse: vegadresse({
            street: 'Hemmeligveien',
            number: 7,
            kommune: '0301',
            postcode: '0678',
            place: 'OSLO',
          }),
          adressegradering: 'fortrolig',
        },
      ],
    },
  ),
  deceased: person(
    {
      id: FREG_IDS.deceased,
      born: '1931-01-20',
      first: 'GAMMEL',
      middle: 'TRÆR',
      last: 'EIK',
      sex: 'mann',
      status: 'doed',
    },
    {
      doedsfall: [{ ...v('2021-03-14'), doedsdato: '2021-03-14' }],
      bostedsadresse: [
        {
          ...v('1990-01-01'),
          vegadresse: vegadresse({
            street: 'Kirkeveien',
            number: 101,
            kommune: '0301',
            postcode: '0361',
            place: 'OSLO',
          }),
          adressegradering: 'ugradert',
        },
      ],
    },
  ),
  emigrated: person(
    {
      id: FREG_IDS.emigrated,
      born: '1988-08-08',
      first: 'REISEGLAD',
      last: 'PINGVIN',
      sex: 'kvinne',
      status: 'utflyttet',
    },
    {
      status: [
        { ...v('1988-08-08', false), status: 'bosatt' },
        { ...v('2022-09-01'), status: 'utflyttet', aarsak: 'Utflytting' },
      ],
      bostedsadresse: [
        {
          ...v('2015-02-01', false),
          vegadresse: vegadresse({
            street: 'Bryggen',
            number: 5,
            kommune: '4601',
            postcode: '5003',
            place: 'BERGEN',
          }),
          adressegradering: 'ugradert',
        },
      ],
    },
  ),
  unknownResidence: person(
    {
      id: FREG_IDS.unknownResidence,
      born: '1975-12-01',
      first: 'VANDRENDE',
      last: 'ALBATROSS',
      sex: 'mann',
      status: 'bosatt',
    },
    {
      bostedsadresse: [
        { ...v('2023-04-01'), ukjentBosted: { bostedskommune: '4601' }, adressegradering: 'ugradert' },
      ],
    },
  ),
  addressHistory: person(
    {
      id: FREG_IDS.addressHistory,
      born: '1995-06-15',
      first: 'FLYTTENDE',
      last: 'MAUR',
      sex: 'kvinne',
      status: 'bosatt',
    },
    {
      navn: [
        { ...v('1995-06-15', false), fornavn: 'FLYTTENDE', etternavn: 'BIE' },
        { ...v('2020-08-22'), fornavn: 'FLYTTENDE', etternavn: 'MAUR', aarsak: 'Navneendring' },
      ],
      bostedsadresse: [
        {
          ...v('2010-08-01', false),
          matrikkeladresse: {
            kommunenummer: '4601',
            matrikkelnummer: { kommunenummer: '4601', gaardsnummer: 12, bruksnummer: 27, festenummer: 0 },
            undernummer: 0,
            adressetilleggsnavn: 'NORDRE HAUG',
            poststed: { poststedsnavn: 'BERGEN', postnummer: '5089' },
          },
          adressegradering: 'ugradert',
        },
        {
          ...v('2015-09-01', false),
          vegadresse: vegadresse({
            street: 'Markveien',
            number: 35,
            kommune: '0301',
            postcode: '0554',
            place: 'OSLO',
          }),
          adressegradering: 'ugradert',
        },
        {
          ...v('2022-01-15'),
          vegadresse: vegadresse({
            street: 'Thorvald Meyers gate',
            number: 70,
            letter: 'A',
            kommune: '0301',
            postcode: '0552',
            place: 'OSLO',
          }),
          adressegradering: 'ugradert',
          flyttedato: '2022-01-15',
        },
      ],
    },
  ),
  cadastral: person(
    {
      id: FREG_IDS.cadastral,
      born: '1968-03-30',
      first: 'STØDIG',
      last: 'FJELLREV',
      sex: 'mann',
      status: 'bosatt',
    },
    {
      bostedsadresse: [
        {
          ...v('2001-05-01'),
          matrikkeladresse: {
            kommunenummer: '4601',
            matrikkelnummer: { kommunenummer: '4601', gaardsnummer: 98, bruksnummer: 4, festenummer: 0 },
            undernummer: 0,
            poststed: { poststedsnavn: 'BERGEN', postnummer: '5098' },
          },
          adressegradering: 'ugradert',
        },
      ],
    },
  ),
  flaky: person(
    {
      id: FREG_IDS.flaky,
      born: '1962-03-03',
      first: 'USTØ',
      last: 'FORBINDELSE',
      sex: 'kvinne',
      status: 'bosatt',
    },
    { bostedsadresse: [{ ...v('2018-03-01'), vegadresse: osloHome, adressegradering: 'ugradert' }] },
  ),
}

/** What each fixture shows, for the demo's list of test persons. */
export const FREG_FIXTURE_LABELS: Record<FregFixtureName, string> = {
  ordinary: 'Vanlig person, bosatt i Oslo',
  dNumber: 'D-nummer, midlertidig oppholdsadresse i Bergen',
  strengtFortrolig: 'Strengt fortrolig adresse',
  fortrolig: 'Fortrolig adresse',
  deceased: 'Død',
  emigrated: 'Utflyttet',
  unknownResidence: 'Ukjent bosted (Bergen)',
  addressHistory: 'Flyttet flere ganger, byttet etternavn',
  cadastral: 'Matrikkeladresse (gårds- og bruksnummer)',
  serverError: 'Folkeregisteret svarer med feil',
  slow: 'Folkeregisteret svarer for sent',
  flaky: 'Feil første gang, deretter svar',
  unknown: 'Finnes ikke i Folkeregisteret',
}
