import { FREG_PERSON_STATUSES, type FregPerson, type FregPersonStatus } from '../../../shared/api/freg'
import { type FregDocument, fregDocument, type Matrikkeladresse, type Vegadresse } from './freg.document'

type ProtectionLevel = FregPerson['protectedAddress']

/** The document did not have the shape Skatteetaten documents (or lacked a name or id). */
export class FregDocumentError extends Error {}

/**
 * Maps a FREG person document to Smittespor's person fields, taking the `erGjeldende` version of
 * every element. A protected address (adressebeskyttelse, or an address graded other than
 * `ugradert`) is reduced to its level: the address and its kommune never leave this function.
 */
export function mapFregDocument(raw: unknown): FregPerson {
  const parsed = fregDocument.safeParse(raw)
  if (!parsed.success) throw new FregDocumentError('FREG document has an unexpected shape')
  const doc = parsed.data
  const id = current(doc.identifikasjonsnummer)
  const name = current(doc.navn)
  if (!id || !name?.etternavn || !(name.fornavn || name.mellomnavn))
    throw new FregDocumentError('FREG document lacks a current id or name')

  const bosted = current(doc.bostedsadresse)
  const opphold = bosted ? undefined : current(doc.oppholdsadresse)
  const protection = strictest(
    protectionLevel(current(doc.adressebeskyttelse)?.graderingsnivaa),
    protectionLevel(bosted?.adressegradering),
    protectionLevel(opphold?.adressegradering),
  )
  const located = protection === 'none' ? locate(bosted, opphold) : null
  return {
    nationalId: id.foedselsEllerDNummer,
    idType: id.identifikatortype?.toLowerCase() === 'dnummer' ? 'dnr' : 'fnr',
    firstName: displayName([name.fornavn, name.mellomnavn]),
    lastName: displayName([name.etternavn]),
    birthDate: isoDateOrNull(current(doc.foedsel)?.foedselsdato),
    sex: sexOf(current(doc.kjoenn)?.kjoenn),
    status: statusOf(current(doc.status)?.status),
    deathDate: isoDateOrNull(current(doc.doedsfall)?.doedsdato),
    protectedAddress: protection,
    address: located?.address ?? null,
    residenceKommune: located?.kommune ?? null,
    unknownResidence:
      protection === 'none' && !!bosted?.ukjentBosted && !bosted.vegadresse && !bosted.matrikkeladresse,
  }
}

type Version = { erGjeldende?: boolean | undefined; gyldighetstidspunkt?: string | undefined }

/**
 * The current version: the one marked `erGjeldende`. Should a list ever mark several, the one
 * valid from the latest time wins; a list with none marked has no current value.
 */
export function current<T extends Version>(list: readonly T[] | undefined): T | undefined {
  const marked = (list ?? []).filter((v) => v.erGjeldende === true)
  return marked.sort((a, b) => (b.gyldighetstidspunkt ?? '').localeCompare(a.gyldighetstidspunkt ?? ''))[0]
}

const LEVELS: Record<string, ProtectionLevel> = {
  ugradert: 'none',
  fortrolig: 'fortrolig',
  strengtfortrolig: 'strengt_fortrolig',
  strengtfortroligutland: 'strengt_fortrolig_utland',
  // Postal addresses of strengt fortrolig persons are replaced by a client address.
  klientadresse: 'strengt_fortrolig',
}
const RANK: Record<ProtectionLevel, number> = {
  none: 0,
  fortrolig: 1,
  strengt_fortrolig: 2,
  strengt_fortrolig_utland: 3,
}

/** Case-insensitive (the documentation shows both `ugradert` and `UGRADERT`); unknown grades count as strengt fortrolig. */
export function protectionLevel(grade: string | null | undefined): ProtectionLevel {
  if (!grade) return 'none'
  return LEVELS[grade.replace(/[\s_-]/g, '').toLowerCase()] ?? 'strengt_fortrolig'
}

const strictest = (...levels: ProtectionLevel[]) =>
  levels.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'none' as ProtectionLevel)

type Address = NonNullable<FregDocument['bostedsadresse']>[number]

function locate(bosted: Address | undefined, opphold: Address | undefined) {
  const source = bosted ?? opphold
  if (!source) return null
  const kind = bosted ? ('bosted' as const) : ('opphold' as const)
  const validFrom = source.gyldighetstidspunkt ?? null
  if (source.vegadresse) {
    const v = source.vegadresse
    return { address: { ...street(v), kind, validFrom }, kommune: kommuneCode(v.kommunenummer) }
  }
  if (source.matrikkeladresse) {
    const m = source.matrikkeladresse
    const kommune = kommuneCode(m.kommunenummer ?? m.matrikkelnummer?.kommunenummer)
    return { address: { ...cadastral(m), kind, validFrom }, kommune }
  }
  if (source.ukjentBosted) return { address: null, kommune: kommuneCode(source.ukjentBosted.bostedskommune) }
  return null
}

function street(v: Vegadresse) {
  const number = [v.adressenummer?.husnummer, v.adressenummer?.husbokstav].filter(
    (p) => p != null && p !== '',
  )
  const line = [v.adressenavn, number.join('')].filter(Boolean).join(' ')
  return { street: line || null, ...post(v.poststed) }
}

/** A matrikkel address has no street: its farm name (tilleggsnavn) or gnr/bnr stands in. */
function cadastral(m: Matrikkeladresse) {
  const n = m.matrikkelnummer
  const numbers =
    n?.gaardsnummer != null && n.bruksnummer != null ? `gnr. ${n.gaardsnummer} bnr. ${n.bruksnummer}` : null
  return { street: m.adressetilleggsnavn || numbers, ...post(m.poststed) }
}

function post(p: Vegadresse['poststed']) {
  return {
    postcode: p?.postnummer && /^\d{4}$/.test(p.postnummer) ? p.postnummer : null,
    place: p?.poststedsnavn ? displayName([p.poststedsnavn]) : null,
  }
}

const kommuneCode = (code: string | null | undefined) => (code && /^\d{4}$/.test(code) ? code : null)

function sexOf(kjoenn: string | null | undefined): FregPerson['sex'] {
  const k = kjoenn?.toLowerCase()
  if (k === 'kvinne') return 'female'
  if (k === 'mann') return 'male'
  return kjoenn ? 'unknown' : null
}

function statusOf(status: string | null | undefined): FregPersonStatus {
  const match = FREG_PERSON_STATUSES.find((s) => s.toLowerCase() === status?.toLowerCase())
  return match ?? 'ukjent'
}

function isoDateOrNull(value: string | null | undefined): string | null {
  const d = value?.slice(0, 10)
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null
}

/**
 * FREG stores names in capitals ("KARI NORDMANN"); the register shows them as written by people.
 * Names that already mix cases are kept as they are.
 */
export function displayName(parts: readonly (string | null | undefined)[]): string {
  const joined = parts
    .filter((p): p is string => !!p?.trim())
    .join(' ')
    .trim()
  if (joined !== joined.toUpperCase()) return joined
  return joined
    .toLowerCase()
    .replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
}
