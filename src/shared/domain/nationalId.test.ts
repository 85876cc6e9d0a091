import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  checkNationalId,
  formatNationalId,
  maskNationalId,
  type NationalIdType,
  validateNationalId,
} from './nationalId'
import { centuryOf, k1Remainder } from './nationalIdBirthDate'

// Source: shared/data/fnr-test-vectors.csv (Skatteetaten + navikt/fnrvalidator vectors), copied
// unchanged; see __fixtures__/README.md.
type Vector = { id: string; valid: boolean; kind: string; rules: string; synthetic: boolean; note: string }

function readVectors(): Vector[] {
  const text = readFileSync(new URL('./__fixtures__/fnr-test-vectors.csv', import.meta.url), 'utf8')
  const [header, ...lines] = text.trim().split('\n')
  expect(header).toBe('"id","valid","kind","rules","synthetic","note"')
  return lines.map((line) => {
    const fields = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '')
    expect(fields).toHaveLength(6)
    const [id = '', valid, kind = '', rules = '', synthetic, note = ''] = fields
    return { id, valid: valid === 'true', kind, rules, synthetic: synthetic === 'true', note }
  })
}

const vectors = readVectors()
const validVectors = vectors.filter((v) => v.valid)
const KIND_TO_TYPE: Record<string, NationalIdType> = {
  fnr: 'fnr',
  dnr: 'dnr',
  hnr: 'hnr',
  tnr: 'tnr',
  'dnr-and-hnr': 'dnr-hnr',
  'dnr-and-tnr': 'dnr-tnr',
}

/** Builds a structurally valid number from ddmmyy by trying individnumre in [from, to]. */
function makeId(ddmmyy: string, from: number, to: number, k1Rest = 0): string {
  for (let ind = from; ind <= to; ind++) {
    const nine = ddmmyy + String(ind).padStart(3, '0')
    const d = [...nine].map(Number)
    const s1 = [3, 7, 6, 1, 8, 9, 4, 5, 2].reduce((sum, w, i) => sum + w * (d[i] ?? 0), 0)
    const k1 = (((k1Rest - s1) % 11) + 11) % 11
    if (k1 === 10) continue
    const s2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2].reduce((sum, w, i) => sum + w * ([...d, k1][i] ?? 0), 0)
    const k2 = (11 - (s2 % 11)) % 11
    if (k2 === 10) continue
    return `${nine}${k1}${k2}`
  }
  throw new Error(`no valid number for ${ddmmyy} in ${from}–${to}`)
}

describe('fnr-test-vectors.csv, structure only (checkNationalId)', () => {
  it('has all 39 rows', () => {
    expect(vectors).toHaveLength(39)
  })

  it.each(vectors)('$id → valid=$valid ($kind, rules $rules)', (v) => {
    const result = checkNationalId(v.id)
    expect(result.ok, v.note).toBe(v.valid)
    if (result.ok) {
      expect(result.idType).toBe(KIND_TO_TYPE[v.kind])
      expect(result.synthetic).toBe(v.synthetic)
      expect(result.id).toBe(v.id)
    } else if (v.kind === 'malformed') {
      expect(['length', 'letters']).toContain(result.reason)
    } else {
      expect(['checksum', 'date']).toContain(result.reason)
    }
  })

  it('gives a birth date also for the rows that need the 2032 rule (latest century not in the future)', () => {
    const rows = validVectors.filter((v) => v.rules === '2032')
    expect(rows).toHaveLength(4)
    for (const v of rows) {
      const r = checkNationalId(v.id)
      expect(r.ok && r.birthDate, v.id).toMatch(/^(19|20)\d\d-\d\d-\d\d$/)
    }
  })
})

describe('fnr-test-vectors.csv, environment policy (validateNationalId)', () => {
  const plusForty = ['hnr', 'dnr-and-hnr']

  it.each(validVectors)('test environment: $id ($kind)', (v) => {
    const result = validateNationalId(v.id, { testEnvironment: true })
    if (v.synthetic || plusForty.includes(v.kind)) {
      expect(result).toMatchObject({ ok: true, synthetic: true })
    } else {
      expect(result).toMatchObject({ ok: false, reason: 'not-synthetic' })
    }
  })

  it.each(validVectors)('production: $id ($kind)', (v) => {
    const result = validateNationalId(v.id, { testEnvironment: false })
    if (v.synthetic) {
      expect(result).toMatchObject({ ok: false, reason: 'synthetic-in-production' })
    } else {
      expect(result).toMatchObject({ ok: true, synthetic: false, idType: KIND_TO_TYPE[v.kind] })
    }
  })

  it.each(vectors.filter((v) => !v.valid))('invalid in both environments: $id', (v) => {
    const structural = checkNationalId(v.id)
    expect(validateNationalId(v.id, { testEnvironment: true })).toEqual(structural)
    expect(validateNationalId(v.id, { testEnvironment: false })).toEqual(structural)
  })
})

describe('reasons and Norwegian messages', () => {
  it.each([
    ['', 'length', 'Fødselsnummeret må ha 11 siffer'],
    ['1234567890', 'length', 'Fødselsnummeret må ha 11 siffer'],
    ['123456789101', 'length', 'Fødselsnummeret må ha 11 siffer'],
    ['1234567891A', 'letters', 'Fødselsnummeret kan bare inneholde siffer'],
    ['038515-98730', 'letters', 'Fødselsnummeret kan bare inneholde siffer'],
    ['13097248023', 'checksum', 'Kontrollsifrene stemmer ikke – sjekk at nummeret er skrevet riktig'],
    ['29020105729', 'date', 'Datoen i fødselsnummeret finnes ikke'],
    ['32127248022', 'date', 'Datoen i fødselsnummeret finnes ikke'],
  ])('%j → %s', (input, reason, message) => {
    expect(checkNationalId(input)).toEqual({ ok: false, reason, message })
  })

  it('explains the environment refusals', () => {
    expect(validateNationalId('20036914700', { testEnvironment: true })).toEqual({
      ok: false,
      reason: 'not-synthetic',
      message:
        'I testmiljøet kan bare syntetiske fødselsnumre brukes (Tenor: måned + 80, eller NAV: måned + 40)',
    })
    expect(validateNationalId('03851598730', { testEnvironment: false })).toMatchObject({
      ok: false,
      reason: 'synthetic-in-production',
      message: expect.stringContaining('syntetisk testnummer'),
    })
  })

  it.each(['038515 98730', ' 03851598730 ', '038515\u00a098730', '038 515 987 30'])(
    'strips whitespace in %j',
    (input) => {
      expect(validateNationalId(input, { testEnvironment: true })).toEqual({
        ok: true,
        id: '03851598730',
        idType: 'tnr',
        synthetic: true,
        birthDate: '2015-05-03',
      })
    },
  )
})

describe('birth date', () => {
  it.each([
    ['20036914700', '1969-03-20'], // individnummer 147 → 1900s
    ['03851598730', '2015-05-03'], // Tenor: month − 80; 987 with yy 15 → 2000s
    ['10915596784', '1955-11-10'], // Tenor; 967 with yy 55 → 1940–1999 series
    ['53097248016', '1972-09-13'], // D-nummer: day − 40
    ['13527248013', '1972-12-13'], // H-nummer: month − 40
    ['68467038838', '1970-06-28'], // D + H
    ['50846202355', '1962-04-10'], // D + Tenor
    ['29422059278', '2020-02-29'], // Dolly leap day
    ['29020073150', '2000-02-29'], // 731 with yy 00 → 2000, a leap year
    ['15021951940', '2019-02-15'],
    ['02013299997', '2032-01-02'], // Skatteetaten's 2032 example; remainder 0 fits the table
    ['30108299920', '1982-10-30'], // 999 with yy 82 → 1940–1999 series
    // 2032 rule (remainder 1–3): the individnummer says nothing about the century, so the latest
    // century that does not put the birth in the future (issue 17).
    ['06819048027', '1990-01-06'], // Tenor, remainder ≠ 0: the example
    ['30108299939', '1982-10-30'], // remainder 1
    ['55102499947', '2024-10-15'], // remainder 2
    ['41819077906', '1990-01-01'], // remainder 1, D + Tenor
    ['41819077302', '1990-01-01'], // Tenor D-nummer for 01.01.90 with individnummer 773: outside the table
  ])('%s → %s', (id, expected) => {
    expect(checkNationalId(id)).toMatchObject({ ok: true, birthDate: expected })
  })

  it.each([
    ['150160', 500, 749, '1860-01-15'], // 500–749 with yy ≥ 54 → 1800s
    ['150154', 500, 749, '1854-01-15'],
    ['150110', 500, 749, '2010-01-15'], // 500–749 with yy < 40 → 2000s
    ['150139', 750, 899, '2039-01-15'],
    ['150170', 900, 999, '1970-01-15'], // 900–999 with yy ≥ 40 → 1900s
    ['150170', 0, 499, '1970-01-15'],
    ['150160', 750, 899, '1960-01-15'], // never issued under 1964 rules: latest past century
    ['150145', 500, 749, '1945-01-15'], // never issued under 1964 rules: latest past century
    ['290200', 0, 499, '2000-02-29'], // 29.02.1900 did not exist: 2000 was a leap year
  ])('%s with individnummer %i–%i → %s', (ddmmyy, from, to, expected) => {
    const id = makeId(ddmmyy, from, to)
    expect(checkNationalId(id)).toMatchObject({ ok: true, birthDate: expected })
  })

  it('gives a birth date for every number that only the 2032 rule accepts', () => {
    for (const rest of [1, 2, 3]) {
      const id = makeId('150170', 100, 499, rest)
      expect(k1Remainder(id)).toBe(rest)
      expect(checkNationalId(id)).toMatchObject({ ok: true, idType: 'fnr', birthDate: '1970-01-15' })
      const young = makeId('150120', 100, 499, rest)
      expect(checkNationalId(young)).toMatchObject({ ok: true, birthDate: '2020-01-15' })
    }
  })

  it('century table', () => {
    expect(centuryOf({ individnummer: 0, yy: 99 })).toBe(1900)
    expect(centuryOf({ individnummer: 499, yy: 0 })).toBe(1900)
    expect(centuryOf({ individnummer: 749, yy: 54 })).toBe(1800)
    expect(centuryOf({ individnummer: 749, yy: 53 })).toBeNull()
    expect(centuryOf({ individnummer: 999, yy: 39 })).toBe(2000)
    expect(centuryOf({ individnummer: 899, yy: 40 })).toBeNull()
    expect(centuryOf({ individnummer: 900, yy: 40 })).toBe(1900)
  })

  it('never exposes anything that could be read as sex', () => {
    const result = checkNationalId('20036914700')
    expect(Object.keys(result).sort()).toEqual(['birthDate', 'id', 'idType', 'ok', 'synthetic'])
  })
})

describe('formatNationalId and maskNationalId', () => {
  it.each([
    ['03851598730', '038515 98730'],
    ['038515 98730', '038515 98730'],
    [' 0385 1598 730', '038515 98730'],
    ['12345', '12345'],
  ])('format %j → %j', (input, expected) => {
    expect(formatNationalId(input)).toBe(expected)
  })

  it.each([
    ['03851598730', '038515*****'],
    ['038515 98730', '038515*****'],
    ['123456789101', '123456******'],
    ['1234', '1234'],
  ])('mask %j → %j', (input, expected) => {
    expect(maskNationalId(input)).toBe(expected)
  })
})
