import ExcelJS from 'exceljs'
import { IMPORT_FIELDS, type ImportRecordType, RECORD_TYPE_SHEETS } from '../../../../shared/api/imports'
import { syntheticNationalId } from '../../../seed/synthetic-id'

/**
 * Import fixtures, made here rather than committed (run `npx tsx
 * src/server/features/imports/__fixtures__/write.ts` to get them as files). Dates are fixed in
 * 2021, so every fixture stays valid whatever today is. National ids are synthetic (Tenor).
 */
export const nid = (birth: string, n = 0) => syntheticNationalId(birth, n)

/** A well-formed ordinary fødselsnummer (month without +80): refused in the test environment. */
export function realLookingId(): string {
  const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
  const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
  const check = (ds: number[], w: number[]) => {
    const k = 11 - (w.reduce((a, x, i) => a + x * ds[i]!, 0) % 11)
    return k === 11 ? 0 : k
  }
  for (let ind = 100; ind < 500; ind++) {
    const ds = [...`010180${ind}`].map(Number)
    const k1 = check(ds, w1)
    if (k1 === 10) continue
    const k2 = check([...ds, k1], w2)
    if (k2 === 10) continue
    return `010180${ind}${k1}${k2}`
  }
  throw new Error('no id')
}

const headersOf = (type: ImportRecordType) => IMPORT_FIELDS[type].map((f) => f.header)

/** Windows-1252 encoded CSV with `;`, dd.mm.yyyy dates and æøå in names and places. */
export function windows1252Csv(): Buffer {
  const lines = [
    'Ekstern ID;Fødselsnummer;Fornavn;Etternavn;Fødselsdato;Telefon;Adresse;Postnummer;Poststed;Testdato;Testtype;Symptomer;Symptomstart;Smittested;Merknad',
    `K-1;${nid('1985-03-01')};Åse;Æsøy;01.03.1985;91234567;Storgata 1;0155;Oslo;04.03.2021;PCR;ja;02.03.2021;Husstand;Første tilfelle`,
    `K-2;${nid('1990-07-15')};Øystein;Bråten;15.07.1990;+47 92345678;Kjølåsveien 2;0688;Oslo;2021-03-05;Antigen;nei;;Arbeidsplass;`,
    `K-3;;Bjørn;Løvås;12.12.1975;;"Sørli; 3";0450;Oslo;06.03.2021;selvtest;Ja;05.03.2021;ukjent;"Merknad med ""sitat"""`,
    ';;;;;;;;;;;;;;',
    '',
  ]
  return latin1(lines.join('\r\n'))
}

/** Text as Windows-1252 bytes (every character used here is in Latin-1). */
export function latin1(text: string): Buffer {
  return Buffer.from(text, 'latin1')
}

type Rows = Record<string, unknown>[]

/** An XLSX written by exceljs like Excel would: real dates, numbers that lost leading zeros. */
export async function workbook(
  sheets: Partial<Record<ImportRecordType, Rows>>,
  extra?: (wb: ExcelJS.Workbook) => void,
) {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('Veiledning').addRow(['Fylles ut av kommunen'])
  for (const [type, rows] of Object.entries(sheets) as [ImportRecordType, Rows][]) {
    const ws = wb.addWorksheet(RECORD_TYPE_SHEETS[type])
    const headers = headersOf(type)
    ws.addRow(headers)
    const fields = IMPORT_FIELDS[type].map((f) => f.field)
    for (const r of rows) ws.addRow(fields.map((f) => (r[f] === undefined ? null : r[f])))
    // Trailing empty rows and a column with a header but nothing else, as in real sheets.
    ws.addRow([])
    ws.addRow([null, null])
  }
  extra?.(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`)

/** A realistic workbook: two cases, contacts (by external id and by national id), an event and participants. */
export async function fullWorkbook() {
  return workbook({
    cases: [
      {
        externalId: 'T1',
        nationalId: nid('1980-01-05'),
        firstName: 'Kari',
        lastName: 'Nordmann',
        phone: 41234567,
        testDate: d('2021-03-10'),
        testType: 'PCR',
        symptomatic: 'Ja',
        onsetDate: d('2021-03-08'),
        exposureSetting: 'Arbeidsplass',
        interviewStatus: 'Ferdig',
      },
      {
        externalId: 'T2',
        nationalId: nid('1975-11-20'),
        firstName: 'Ola',
        lastName: 'Hansen',
        testDate: 44267, // Excel serial for 2021-03-12
        testType: 'antigen',
        symptomatic: 'nei',
      },
    ],
    contacts: [
      {
        caseRef: 'T1',
        nationalId: nid('2010-06-01'),
        firstName: 'Lise',
        lastName: 'Nordmann',
        relation: 'Husstand',
        lastExposure: d('2021-03-09'),
        household: 'ja',
      },
      {
        caseRef: nid('1975-11-20'),
        firstName: 'Per',
        lastName: 'Uten-Id',
        birthDate: '12.12.1999',
        relation: 'Kollega',
        lastExposure: '11.03.2021',
      },
    ],
    events: [
      {
        externalId: 'H1',
        name: 'Korøvelse',
        exposureSetting: 'Organisert fritidsaktivitet',
        location: 'Kulturhuset',
        startsAt: '05.03.2021 18:00',
        endsAt: '05.03.2021 20:30',
        outbreak: 'Ja',
      },
    ],
    participants: [
      {
        eventRef: 'H1',
        nationalId: nid('1980-01-05'),
        firstName: 'Kari',
        lastName: 'Nordmann',
        role: 'Tilfelle',
      },
      {
        eventRef: 'H1',
        nationalId: nid('1968-02-02'),
        firstName: 'Siri',
        lastName: 'Sang',
        role: 'Deltaker',
        exposureAt: '05.03.2021 19:00',
      },
    ],
  })
}

/**
 * Twenty-five kinds of bad rows, each on its own row of the Tilfeller sheet (row n+1 = kind n), plus
 * one good row at the end. The expected message fragment is the second element.
 */
export const BAD_ROWS: [string, Record<string, unknown>, string, string][] = [
  ['missing first name', { firstName: '' }, 'Fornavn', 'Fornavn må fylles ut'],
  ['missing last name', { lastName: '' }, 'Etternavn', 'Etternavn må fylles ut'],
  ['id with letters', { nationalId: '0101AB12345' }, 'Fødselsnummer', 'kan bare inneholde siffer'],
  ['id too short', { nationalId: '123456789' }, 'Fødselsnummer', 'må ha 11 siffer'],
  ['id bad checksum', { nationalId: '01818012346' }, 'Fødselsnummer', ''],
  ['real (non-synthetic) id in test mode', { nationalId: realLookingId() }, 'Fødselsnummer', 'syntetiske'],
  ['impossible date', { testDate: '31.02.2021' }, 'Testdato', 'finnes ikke'],
  ['not a date', { testDate: 'i går' }, 'Testdato', 'er ikke en dato'],
  ['future test date', { testDate: '01.01.2099' }, 'Testdato', 'fram i tid'],
  ['no test date, not probable', { testDate: null }, 'Testdato', 'Fyll ut testdato'],
  ['result before test', { resultDate: '01.03.2021' }, 'Svardato', 'før testdato'],
  ['onset long after test', { onsetDate: '30.04.2021' }, 'Symptomstart', 'mer enn 14 dager'],
  ['unknown test type', { testType: 'Blodprøve' }, 'Testtype', 'Velg testtype'],
  ['unknown exposure setting', { exposureSetting: 'Månen' }, 'Smittested', 'Velg et smittested'],
  ['bad yes/no', { symptomatic: 'kanskje' }, 'Symptomer', 'ikke ja eller nei'],
  ['bad e-mail', { email: 'ikke-epost' }, 'E-post', 'Ugyldig e-postadresse'],
  ['bad postcode', { postcode: '12' }, 'Postnummer', 'fire siffer'],
  ['bad phone', { phone: 'ring meg' }, 'Telefon', 'Telefonnummeret'],
  ['unknown interview status', { interviewStatus: 'Snart' }, 'Intervjustatus', 'intervjustatus'],
  [
    'infection after onset',
    { likelyInfectionDate: '09.03.2021', onsetDate: '05.03.2021' },
    'Sannsynlig smittedato',
    'etter symptomstart',
  ],
  // What saving would refuse, caught in the dry run.
  ['unknown residence kommune', { residenceKommune: '9999' }, 'Bostedskommune (nummer)', 'Ukjent kommune'],
  ['unknown bydel', { residenceBydel: '030199' }, 'Bydel', 'Ukjent bydel'],
  [
    'bydel of another kommune',
    { residenceKommune: '4601', residenceBydel: 'Frogner' },
    'Bydel',
    'ligger ikke i kommunen 4601',
  ],
  [
    'birth date contradicts the id',
    { birthDate: '02.01.1970' },
    'Fødselsdato',
    'stemmer ikke med fødselsnummeret',
  ],
  [
    'neither id nor birth date',
    { nationalId: null },
    'Fødselsnummer',
    'Fyll ut fødselsnummer eller fødselsdato',
  ],
]

export async function badRowsWorkbook() {
  const base = (i: number) => ({
    nationalId: nid('1970-01-01', i + 1),
    firstName: `Feil${i + 1}`,
    lastName: 'Radsen',
    testDate: '08.03.2021',
    testType: 'PCR',
  })
  const rows: Rows = BAD_ROWS.map(([, patch], i) => ({ ...base(i), ...patch }))
  rows.push({ ...base(50), firstName: 'Gyldig' })
  return workbook({ cases: rows })
}

/** A CSV of `n` case rows (UTF-8 with BOM, `;`), for the large-file test and the benchmark. */
export function largeCsv(n: number): Buffer {
  const header =
    'Ekstern ID;Fødselsnummer;Fornavn;Etternavn;Testdato;Testtype;Symptomer;Symptomstart;Smittested'
  const parts = [`\ufeff${header}`]
  const start = Date.UTC(1950, 0, 1)
  for (let i = 0; i < n; i++) {
    const birth = new Date(start + (i % 20000) * 86_400_000).toISOString().slice(0, 10)
    const id = nid(birth, Math.floor(i / 20000))
    parts.push(
      `S-${i};${id};Fornavn${i};Etternavnsen;0${1 + (i % 9)}.03.2021;PCR;ja;0${1 + (i % 9)}.03.2021;Husstand`,
    )
  }
  return Buffer.from(`${parts.join('\n')}\n`, 'utf8')
}
