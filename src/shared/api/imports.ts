import { z } from 'zod'
import { uuid } from './codes'

/**
 * Import of earlier registrations from XLSX/CSV (SPEC §6). A run goes upload → mapping → dry run
 * (validate) → commit; the background steps report progress on the run.
 */

export const IMPORT_LIMITS = {
  /** Bytes of the uploaded file. */
  maxBytes: 20 * 1024 * 1024,
  /** Data rows over all sheets (header rows not counted). */
  maxRows: 100_000,
  /** Columns of one sheet. */
  maxColumns: 100,
  /** Unpacked size of an XLSX (a zip bomb is refused before it is read). */
  maxUnpackedBytes: 400 * 1024 * 1024,
} as const

export const RECORD_TYPES = ['cases', 'contacts', 'events', 'participants'] as const
export const importRecordType = z.enum(RECORD_TYPES)
export type ImportRecordType = z.infer<typeof importRecordType>

/** The template's sheet name for each record type (also used to recognise sheets). */
export const RECORD_TYPE_SHEETS: Record<ImportRecordType, string> = {
  cases: 'Tilfeller',
  contacts: 'Nærkontakter',
  events: 'Hendelser',
  participants: 'Deltakere',
}

export type FieldKind =
  | 'text'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'nationalId'
  | 'code'
  | 'externalId'
  | 'reference'

/** One importable field: its template header, other headers that mean the same, and its kind. */
export interface ImportField {
  field: string
  header: string
  aliases?: readonly string[]
  kind: FieldKind
  required?: boolean
  /** For 'code': the code list name in IMPORT_CODE_LISTS. */
  codes?: string
  /** Shown in the template's instructions sheet. */
  help?: string
}

const person: ImportField[] = [
  {
    field: 'nationalId',
    header: 'Fødselsnummer',
    aliases: ['fnr', 'fødselsnr', 'personnummer', 'd-nummer', 'fødselsnummer/d-nummer', 'fodselsnummer'],
    kind: 'nationalId',
    help: '11 siffer (fødselsnummer eller D-nummer). Tom hvis personen ikke har norsk id.',
  },
  { field: 'firstName', header: 'Fornavn', aliases: ['fornavn og mellomnavn'], kind: 'text', required: true },
  { field: 'lastName', header: 'Etternavn', kind: 'text', required: true },
  { field: 'birthDate', header: 'Fødselsdato', aliases: ['født', 'f.dato', 'fødselsdag'], kind: 'date' },
  { field: 'sex', header: 'Kjønn', kind: 'code', codes: 'sex' },
  {
    field: 'phone',
    header: 'Telefon',
    aliases: ['mobil', 'mobilnummer', 'telefonnummer', 'tlf', 'tlf.'],
    kind: 'text',
  },
  { field: 'email', header: 'E-post', aliases: ['epost', 'e-postadresse'], kind: 'text' },
  { field: 'street', header: 'Adresse', aliases: ['gateadresse', 'bostedsadresse'], kind: 'text' },
  { field: 'postcode', header: 'Postnummer', aliases: ['postnr'], kind: 'text' },
  { field: 'place', header: 'Poststed', kind: 'text' },
  {
    field: 'residenceKommune',
    header: 'Bostedskommune (nummer)',
    aliases: ['bostedskommune', 'bostedskommunenummer', 'kommunenummer', 'kommunenr', 'bosted'],
    kind: 'text',
    help: 'Kommunenummer (4 siffer) eller kommunens navn.',
  },
  {
    field: 'residenceBydel',
    header: 'Bydel',
    aliases: ['bydelsnummer', 'bydel (nummer)', 'bydelsnr'],
    kind: 'text',
    help: 'Bydelsnummer (6 siffer) eller bydelens navn (Oslo, Bergen, Stavanger, Trondheim).',
  },
  {
    field: 'workplaceName',
    header: 'Arbeidssted/skole',
    aliases: ['arbeidssted', 'skole', 'barnehage'],
    kind: 'text',
  },
  {
    field: 'confirmNew',
    header: 'Bekreft ny person',
    kind: 'boolean',
    help: 'Ja: personen er ny selv om en lignende person (navn, fødselsdato, telefon) finnes fra før.',
  },
]

const externalId: ImportField = {
  field: 'externalId',
  header: 'Ekstern ID',
  aliases: ['id', 'løpenummer', 'lopenummer', 'radnummer'],
  kind: 'externalId',
  help: 'Valgfri. Et nummer som er unikt i deres gamle liste; brukes så samme rad aldri importeres to ganger.',
}

export const IMPORT_FIELDS: Record<ImportRecordType, readonly ImportField[]> = {
  cases: [
    externalId,
    ...person,
    { field: 'probable', header: 'Sannsynlig tilfelle', kind: 'boolean' },
    {
      field: 'testDate',
      header: 'Testdato',
      aliases: ['prøvedato', 'prøvetakingsdato', 'prøvetaking', 'dato prøvetaking', 'positiv test', 'testet'],
      kind: 'date',
    },
    { field: 'testType', header: 'Testtype', kind: 'code', codes: 'testType' },
    {
      field: 'resultDate',
      header: 'Svardato',
      aliases: ['prøvesvar', 'dato for svar', 'svar'],
      kind: 'date',
    },
    { field: 'symptomatic', header: 'Symptomer', aliases: ['symptomatisk'], kind: 'boolean' },
    {
      field: 'onsetDate',
      header: 'Symptomstart',
      aliases: ['symptomdebut', 'sykdomsdebut', 'debut', 'første symptomdag', 'dato symptomdebut'],
      kind: 'date',
    },
    { field: 'symptoms', header: 'Symptombeskrivelse', aliases: ['beskrivelse av symptomer'], kind: 'text' },
    { field: 'likelyInfectionDate', header: 'Sannsynlig smittedato', aliases: ['smittedato'], kind: 'date' },
    {
      field: 'infectionSource',
      header: 'Smittekilde',
      aliases: ['smittevei'],
      kind: 'code',
      codes: 'infectionSource',
    },
    {
      field: 'exposureSetting',
      header: 'Smittested',
      aliases: ['smittearena', 'smittested (arena)', 'smittekontekst'],
      kind: 'code',
      codes: 'exposureSetting',
    },
    { field: 'travelHistory', header: 'Reise', aliases: ['reisehistorikk'], kind: 'text' },
    {
      field: 'hospitalised',
      header: 'Innlagt',
      aliases: ['innlagt sykehus', 'sykehusinnleggelse'],
      kind: 'boolean',
    },
    { field: 'interviewStatus', header: 'Intervjustatus', kind: 'code', codes: 'interviewStatus' },
    { field: 'notes', header: 'Merknad', aliases: ['kommentar', 'notat'], kind: 'text' },
  ],
  contacts: [
    externalId,
    {
      field: 'caseRef',
      header: 'Indekstilfelle',
      aliases: ['indeks', 'smittet av', 'indekstilfelle (ekstern id eller fødselsnummer)'],
      kind: 'reference',
      required: true,
      help: 'Ekstern ID fra arket Tilfeller, eller indekstilfellets fødselsnummer.',
    },
    ...person,
    {
      field: 'relation',
      header: 'Relasjon',
      aliases: ['relasjon til indeks', 'forhold'],
      kind: 'code',
      codes: 'relation',
    },
    {
      field: 'exposureSetting',
      header: 'Smittested',
      aliases: ['smittearena'],
      kind: 'code',
      codes: 'exposureSetting',
    },
    {
      field: 'lastExposure',
      header: 'Siste eksponering',
      aliases: [
        'siste nærkontakt',
        'sist eksponert',
        'eksponeringsdato',
        'dato siste kontakt',
        'siste kontakt',
      ],
      kind: 'date',
    },
    {
      field: 'household',
      header: 'Husstandsmedlem',
      aliases: ['husstand', 'samme husstand', 'bor sammen'],
      kind: 'boolean',
    },
    { field: 'notes', header: 'Merknad', aliases: ['kommentar', 'notat'], kind: 'text' },
  ],
  events: [
    { ...externalId, required: true, help: 'Påkrevd: deltakere viser til hendelsen med denne.' },
    {
      field: 'name',
      header: 'Navn på hendelse',
      aliases: ['navn', 'hendelse'],
      kind: 'text',
      required: true,
    },
    {
      field: 'exposureSetting',
      header: 'Smittested',
      kind: 'code',
      codes: 'exposureSetting',
      required: true,
    },
    { field: 'location', header: 'Sted', kind: 'text' },
    { field: 'address', header: 'Adresse', kind: 'text' },
    { field: 'startsAt', header: 'Start', aliases: ['fra', 'dato'], kind: 'datetime' },
    { field: 'endsAt', header: 'Slutt', aliases: ['til'], kind: 'datetime' },
    { field: 'organiserName', header: 'Arrangør', kind: 'text' },
    { field: 'organiserPhone', header: 'Arrangørens telefon', kind: 'text' },
    { field: 'description', header: 'Beskrivelse', kind: 'text' },
    { field: 'outbreak', header: 'Utbrudd', kind: 'boolean' },
  ],
  participants: [
    externalId,
    {
      field: 'eventRef',
      header: 'Hendelse (ekstern ID)',
      aliases: ['hendelse'],
      kind: 'reference',
      required: true,
    },
    ...person,
    { field: 'role', header: 'Rolle', kind: 'code', codes: 'participantRole', required: true },
    { field: 'exposureAt', header: 'Eksponert', aliases: ['eksponeringstidspunkt'], kind: 'datetime' },
  ],
}

/** Accepted cell values of each code list: the code itself or its Norwegian label. */
export const IMPORT_CODE_LISTS: Record<string, Record<string, string>> = {
  sex: { kvinne: 'female', k: 'female', mann: 'male', m: 'male', annet: 'other', ukjent: 'unknown' },
  testType: { pcr: 'pcr', antigen: 'antigen', hurtigtest: 'antigen', selvtest: 'self' },
  infectionSource: {
    'kjent nærkontakt': 'contact',
    nærkontakt: 'contact',
    hendelse: 'event',
    'hendelse / utbrudd': 'event',
    utbrudd: 'event',
    reise: 'travel',
    ukjent: 'unknown',
  },
  exposureSetting: {
    husstand: 'household',
    barnehage: 'kindergarten',
    skole: 'school',
    'skole (1.-12. trinn)': 'school',
    'universitet eller høyskole': 'university',
    arbeidsplass: 'workplace',
    helseinstitusjon: 'health_institution',
    arrangement: 'event',
    'organisert fritidsaktivitet': 'organised_leisure',
    reise: 'travel',
    ukjent: 'unknown',
  },
  interviewStatus: { 'ikke startet': 'not_started', pågår: 'in_progress', ferdig: 'done' },
  relation: {
    husstand: 'household',
    partner: 'partner',
    familie: 'family',
    kollega: 'colleague',
    klassekamerat: 'classmate',
    venn: 'friend',
    helsetjeneste: 'health_care',
    annet: 'other',
  },
  participantRole: { tilfelle: 'case', indekstilfelle: 'case', nærkontakt: 'contact', deltaker: 'attendee' },
}

/** The labels the template offers in its drop-down lists (first label of each code). */
export function templateChoices(list: string): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const [label, code] of Object.entries(IMPORT_CODE_LISTS[list] ?? {})) {
    if (seen.has(code)) continue
    seen.add(code)
    out.push(label.charAt(0).toUpperCase() + label.slice(1))
  }
  return out
}

export const importState = z.enum([
  'uploaded',
  'validate_queued',
  'validating',
  'validated',
  'commit_queued',
  'committing',
  'committed',
  'failed',
  'refused',
  'cancelled',
])
export type ImportState = z.infer<typeof importState>

export const importMode = z.enum(['strict', 'valid_only'])
export type ImportMode = z.infer<typeof importMode>

export const importSheet = z.object({
  name: z.string(),
  headers: z.array(z.string()),
  /** Guessed from the sheet name or headers; null = not imported (e.g. the instructions sheet). */
  recordType: importRecordType.nullable(),
})

export const sheetMapping = z.object({
  name: z.string().max(200),
  recordType: importRecordType.nullable(),
  /** One entry per header: the field it fills, or null to ignore the column. */
  columns: z.array(z.string().max(50).nullable()).max(200),
})
export type SheetMapping = z.infer<typeof sheetMapping>

export const mappingBody = z.object({
  sheets: z.array(sheetMapping).min(1).max(20),
  /** Remember these header → field choices for the municipality's next import. */
  save: z.boolean().default(true),
  /** Also save the whole mapping under this name, to be picked again for a later file. */
  saveAs: z.string().trim().min(1, 'Gi koblingen et navn').max(100).optional(),
})

/** A named mapping of the municipality. */
export const mappingPreset = z.object({
  id: z.string(),
  name: z.string(),
  recordTypes: z.array(importRecordType),
  updatedAt: z.string(),
})
export const mappingPresetList = z.object({ items: z.array(mappingPreset) })
export const applyPresetBody = z.object({ presetId: uuid })

export const importCounts = z.object({
  rows: z.number().int().optional(),
  valid: z.number().int().optional(),
  errors: z.number().int().optional(),
  warnings: z.number().int().optional(),
  duplicates: z.number().int().optional(),
  imported: z.number().int().optional(),
  personsCreated: z.number().int().optional(),
  personsMatched: z.number().int().optional(),
  cases: z.number().int().optional(),
  contacts: z.number().int().optional(),
  events: z.number().int().optional(),
  participants: z.number().int().optional(),
  failedAtCommit: z.number().int().optional(),
})
export type ImportCounts = z.infer<typeof importCounts>

export const importRun = z.object({
  id: z.string(),
  fileName: z.string(),
  fileKind: z.enum(['xlsx', 'csv']),
  fileSize: z.number().int(),
  fileSha256: z.string(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  state: importState,
  mode: importMode.nullable(),
  progressRows: z.number().int(),
  totalRows: z.number().int().nullable(),
  counts: importCounts,
  error: z.string().nullable(),
  sheets: z.array(importSheet),
  mapping: z.array(sheetMapping),
  /** Columns of the imported sheets that fill no field (shown as warnings in the dry run). */
  columnWarnings: z.array(z.object({ sheet: z.string(), column: z.string(), message: z.string() })),
  /** The running (or last) step's own progress: rows to do, speed, and an estimate of time left. */
  progress: z.object({
    total: z.number().int().nullable(),
    rowsPerSecond: z.number().nullable(),
    secondsLeft: z.number().int().nullable(),
  }),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  validatedAt: z.string().nullable(),
  committedAt: z.string().nullable(),
})
export type ImportRun = z.infer<typeof importRun>

export const importRunList = z.object({
  items: z.array(importRun.omit({ sheets: true, mapping: true, columnWarnings: true, progress: true })),
})

export const importIdParam = z.object({ id: uuid })
export const commitBody = z.object({ mode: importMode })

export const rowStatus = z.enum(['valid', 'error', 'duplicate', 'imported'])
export const importIssue = z.object({
  /** The file's column header, or null for a problem with the whole row. */
  column: z.string().nullable(),
  field: z.string().nullable(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
})
export type ImportIssue = z.infer<typeof importIssue>

export const importRowsQuery = z.object({
  status: rowStatus.optional(),
  /** Only rows with at least one issue (errors or warnings). */
  withIssues: z.coerce.boolean().optional(),
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
export const importRowView = z.object({
  recordType: importRecordType,
  sheet: z.string(),
  rowNumber: z.number().int(),
  status: rowStatus,
  issues: z.array(importIssue),
  recordId: z.string().nullable(),
  /** Sequence for paging (`after`). */
  seq: z.number().int(),
})
export const importRowPage = z.object({
  items: z.array(importRowView),
  nextAfter: z.number().int().nullable(),
})
