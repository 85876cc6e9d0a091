import { idnr } from '@navikt/fnrvalidator'
import { birthDateOf, type DateOffsets } from './nationalIdBirthDate'

/**
 * Norwegian national identity numbers (fødselsnummer, D-nummer, H-nummer and synthetic test
 * numbers). Check digits and dates are checked by @navikt/fnrvalidator 2.2, which accepts the 1964
 * and the 2032 check-digit rules in parallel (k1 remainder 0–3, SPEC §3.1) and treats yy = 00 as a
 * leap year. Sex is never derived (SPEC §3.1, and meaningless for 2032-style numbers).
 */

/**
 * - fnr: fødselsnummer (plain date)
 * - dnr: D-nummer (day + 40)
 * - hnr: month + 40 — a health-sector H-nummer or a NAV Dolly synthetic number; the digits cannot
 *   tell the two apart
 * - tnr: month + 80 — Skatteetaten Tenor / Test-Norge synthetic number
 * - dnr-hnr, dnr-tnr: a D-nummer with the H/Dolly or Tenor month offset as well
 */
export type NationalIdType = 'fnr' | 'dnr' | 'hnr' | 'tnr' | 'dnr-hnr' | 'dnr-tnr'

export type NationalIdFailure = {
  ok: false
  reason: 'length' | 'letters' | 'checksum' | 'date' | 'not-synthetic' | 'synthetic-in-production'
  message: string
}

export type NationalIdStructure = {
  ok: true
  /** The 11 digits without spaces. */
  id: string
  idType: NationalIdType
  /** See `checkNationalId` and `validateNationalId` for what this means in each. */
  synthetic: boolean
  /** 'yyyy-mm-dd', or null when the century cannot be known for sure (see nationalIdBirthDate.ts). */
  birthDate: string | null
}

export type NationalIdResult = NationalIdStructure | NationalIdFailure

const MESSAGES = {
  length: 'Fødselsnummeret må ha 11 siffer',
  letters: 'Fødselsnummeret kan bare inneholde siffer',
  checksum: 'Kontrollsifrene stemmer ikke – sjekk at nummeret er skrevet riktig',
  date: 'Datoen i fødselsnummeret finnes ikke',
  'not-synthetic':
    'I testmiljøet kan bare syntetiske fødselsnumre brukes (Tenor: måned + 80, eller NAV: måned + 40)',
  'synthetic-in-production':
    'Dette er et syntetisk testnummer (Tenor: måned + 80) og kan ikke brukes i produksjon',
} as const satisfies Record<NationalIdFailure['reason'], string>

const TYPES = {
  fnr: { idType: 'fnr', dayOffset: 0, monthOffset: 0 },
  dnr: { idType: 'dnr', dayOffset: 40, monthOffset: 0 },
  hnr: { idType: 'hnr', dayOffset: 0, monthOffset: 40 },
  tnr: { idType: 'tnr', dayOffset: 0, monthOffset: 80 },
  'dnr-and-hnr': { idType: 'dnr-hnr', dayOffset: 40, monthOffset: 40 },
  'dnr-and-tnr': { idType: 'dnr-tnr', dayOffset: 40, monthOffset: 80 },
} as const satisfies Record<string, DateOffsets & { idType: NationalIdType }>

/** Types that carry the Tenor month + 80 marker, i.e. are synthetic by construction. */
const TENOR_TYPES: readonly NationalIdType[] = ['tnr', 'dnr-tnr']
/** Types accepted in the test environment (SPEC §2): Tenor + 80 and NAV Dolly + 40. */
const TEST_ENVIRONMENT_TYPES: readonly NationalIdType[] = ['tnr', 'dnr-tnr', 'hnr', 'dnr-hnr']

/** Removes every kind of whitespace: people type "038515 98730" or paste with a no-break space. */
export function normalizeNationalId(input: string): string {
  return input.replace(/\s/g, '')
}

/**
 * Structure only, no environment policy: is this a well-formed number (any type, synthetic or
 * not), which type, and its birth date. `synthetic` is true only for the Tenor month + 80 marker;
 * Dolly month + 40 numbers are false here because they look exactly like real H-numbers.
 * Use `validateNationalId` for anything a user typed.
 */
export function checkNationalId(input: string): NationalIdResult {
  const id = normalizeNationalId(input)
  if (/[^0-9]/.test(id)) return fail('letters')
  if (id.length !== 11) return fail('length')
  const result = idnr(id)
  if (result.status === 'invalid') {
    // Report the date first: it tells the user which part to look at. A typo elsewhere only
    // breaks the check digits.
    return fail(result.reasons.includes('invalid date') ? 'date' : 'checksum')
  }
  const type = TYPES[result.type]
  return {
    ok: true,
    id,
    idType: type.idType,
    synthetic: TENOR_TYPES.includes(type.idType),
    birthDate: birthDateOf(id, type),
  }
}

/**
 * Validates a national id typed by a user and applies the environment policy:
 * - test environment (`APP_ENV=test`, SPEC §2): only synthetic numbers — Tenor (month + 80) and
 *   NAV Dolly (month + 40, which includes H-numbers: they cannot be told apart, and in a test
 *   environment they are taken as Dolly) — so real data cannot be entered by mistake;
 *   `synthetic` is then always true.
 * - production: Tenor numbers are refused (they never belong to a real person); fødselsnummer,
 *   D-nummer and H-nummer are accepted and `synthetic` is false.
 */
export function validateNationalId(input: string, opts: { testEnvironment: boolean }): NationalIdResult {
  const checked = checkNationalId(input)
  if (!checked.ok) return checked
  if (opts.testEnvironment) {
    return TEST_ENVIRONMENT_TYPES.includes(checked.idType)
      ? { ...checked, synthetic: true }
      : fail('not-synthetic')
  }
  return checked.synthetic ? fail('synthetic-in-production') : checked
}

/** "03851598730" → "038515 98730" (birth-date part, space, personnummer). Other input is returned normalised. */
export function formatNationalId(input: string): string {
  const id = normalizeNationalId(input)
  return /^\d{11}$/.test(id) ? `${id.slice(0, 6)} ${id.slice(6)}` : id
}

/**
 * "03851598730" → "038515*****": keeps the date part, hides the personnummer, for lists and
 * logs where the full number is not needed. Anything after the sixth character is hidden, so
 * even a mistyped number never shows its tail.
 */
export function maskNationalId(input: string): string {
  const id = normalizeNationalId(input)
  return id.slice(0, 6) + '*'.repeat(Math.max(0, id.length - 6))
}

function fail(reason: NationalIdFailure['reason']): NationalIdFailure {
  return { ok: false, reason, message: MESSAGES[reason] }
}
