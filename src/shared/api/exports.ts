import { z } from 'zod'
import { isoDate } from './codes'

/** Export of the municipality's line list (SPEC §6): chosen record types, columns and filters. */
export const EXPORT_TYPES = ['cases', 'contacts', 'events', 'measures'] as const
export const exportType = z.enum(EXPORT_TYPES)
export type ExportType = z.infer<typeof exportType>

/**
 * Most rows (all chosen types together) one line-list export may hold: the file is built in
 * memory, so a larger selection is refused (422 `export-too-large`) and must be narrowed by filter.
 */
export const EXPORT_MAX_ROWS = 100_000

export const EXPORT_TYPE_LABELS: Record<ExportType, string> = {
  cases: 'Tilfeller',
  contacts: 'Nærkontakter',
  events: 'Hendelser',
  measures: 'Tiltak',
}

export type ExportColumnKind = 'text' | 'date' | 'datetime' | 'boolean' | 'number'

/** Columns per type: key, Norwegian header, kind. Address columns are blank for protected addresses. */
export const EXPORT_COLUMNS: Record<
  ExportType,
  readonly { key: string; header: string; kind: ExportColumnKind }[]
> = {
  cases: [
    { key: 'id', header: 'Tilfelle-ID', kind: 'text' },
    { key: 'nationalId', header: 'Fødselsnummer', kind: 'text' },
    { key: 'firstName', header: 'Fornavn', kind: 'text' },
    { key: 'lastName', header: 'Etternavn', kind: 'text' },
    { key: 'birthDate', header: 'Fødselsdato', kind: 'date' },
    { key: 'phone', header: 'Telefon', kind: 'text' },
    { key: 'street', header: 'Adresse', kind: 'text' },
    { key: 'postcode', header: 'Postnummer', kind: 'text' },
    { key: 'place', header: 'Poststed', kind: 'text' },
    { key: 'testDate', header: 'Testdato', kind: 'date' },
    { key: 'testType', header: 'Testtype', kind: 'text' },
    { key: 'symptomatic', header: 'Symptomer', kind: 'boolean' },
    { key: 'onsetDate', header: 'Symptomstart', kind: 'date' },
    { key: 'exposureSetting', header: 'Smittested', kind: 'text' },
    { key: 'infectionSource', header: 'Smittekilde', kind: 'text' },
    { key: 'interviewStatus', header: 'Intervjustatus', kind: 'text' },
    { key: 'status', header: 'Status', kind: 'text' },
    { key: 'contactCount', header: 'Antall nærkontakter', kind: 'number' },
    { key: 'createdAt', header: 'Registrert', kind: 'datetime' },
  ],
  contacts: [
    { key: 'id', header: 'Nærkontakt-ID', kind: 'text' },
    { key: 'caseId', header: 'Tilfelle-ID', kind: 'text' },
    { key: 'nationalId', header: 'Fødselsnummer', kind: 'text' },
    { key: 'firstName', header: 'Fornavn', kind: 'text' },
    { key: 'lastName', header: 'Etternavn', kind: 'text' },
    { key: 'birthDate', header: 'Fødselsdato', kind: 'date' },
    { key: 'phone', header: 'Telefon', kind: 'text' },
    { key: 'street', header: 'Adresse', kind: 'text' },
    { key: 'postcode', header: 'Postnummer', kind: 'text' },
    { key: 'place', header: 'Poststed', kind: 'text' },
    { key: 'relation', header: 'Relasjon', kind: 'text' },
    { key: 'exposureSetting', header: 'Smittested', kind: 'text' },
    { key: 'lastExposure', header: 'Siste eksponering', kind: 'date' },
    { key: 'household', header: 'Husstandsmedlem', kind: 'boolean' },
    { key: 'notifiedAt', header: 'Varslet', kind: 'date' },
    { key: 'status', header: 'Status', kind: 'text' },
    { key: 'createdAt', header: 'Registrert', kind: 'datetime' },
  ],
  events: [
    { key: 'id', header: 'Hendelse-ID', kind: 'text' },
    { key: 'name', header: 'Navn', kind: 'text' },
    { key: 'exposureSetting', header: 'Smittested', kind: 'text' },
    { key: 'location', header: 'Sted', kind: 'text' },
    { key: 'startsAt', header: 'Start', kind: 'datetime' },
    { key: 'endsAt', header: 'Slutt', kind: 'datetime' },
    { key: 'outbreak', header: 'Utbrudd', kind: 'boolean' },
    { key: 'status', header: 'Status', kind: 'text' },
    { key: 'participantCount', header: 'Antall deltakere', kind: 'number' },
    { key: 'createdAt', header: 'Registrert', kind: 'datetime' },
  ],
  measures: [
    { key: 'id', header: 'Tiltak-ID', kind: 'text' },
    { key: 'kind', header: 'Type', kind: 'text' },
    { key: 'nationalId', header: 'Fødselsnummer', kind: 'text' },
    { key: 'firstName', header: 'Fornavn', kind: 'text' },
    { key: 'lastName', header: 'Etternavn', kind: 'text' },
    { key: 'startDate', header: 'Start', kind: 'date' },
    { key: 'endDate', header: 'Slutt', kind: 'date' },
    { key: 'status', header: 'Status', kind: 'text' },
    { key: 'createdAt', header: 'Registrert', kind: 'datetime' },
  ],
}

const commaList = z
  .string()
  .max(2000)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )

/**
 * GET /api/exports/line-list: `types=cases,contacts`, `columns=cases.firstName,cases.testDate,…`
 * (default: all columns of the chosen types), `from`/`to` on the registration date, `status`.
 */
export const exportQuery = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  types: commaList.pipe(z.array(exportType).min(1, 'Velg minst én type')).default(['cases']),
  columns: commaList.pipe(z.array(z.string().regex(/^[a-z]+\.[A-Za-z]+$/, 'Ugyldig kolonne'))).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: z.string().max(20).optional(),
})
export type ExportQuery = z.input<typeof exportQuery>
