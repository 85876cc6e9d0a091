import { createHash } from 'node:crypto'
import { z } from 'zod'
import { caseCreate } from '../../../shared/api/cases'
import { contactCreate } from '../../../shared/api/contacts'
import { eventCreate, participantCreate } from '../../../shared/api/events'
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportIssue,
  type ImportRecordType,
} from '../../../shared/api/imports'
import { caseDateErrors, futureDateError } from '../../../shared/domain/caseDates'
import { checkNationalId as idStructure, validateNationalId } from '../../../shared/domain/nationalId'
import {
  type Parsed,
  parseBoolean,
  parseCode,
  parseDate,
  parseDateTime,
  parseNationalId,
  parseText,
} from './imports.cells'
import { refused } from './imports.file'
import type { Cell } from './imports.read'

/**
 * One row of a sheet turned into the API shape a tracer's form would send, checked with the
 * same zod schemas and domain rules as manual entry. Pure: database checks (already imported,
 * known person, open case, references) come after, in imports.validate.ts.
 */
export interface CheckedRow {
  data: Record<string, unknown> | null
  issues: ImportIssue[]
  key: string
  externalId: string | null
  /** The cell texts in header order, for the report. */
  raw: string[]
}

/** Events and participants: the events feature's own schemas, plus the outbreak flag of the sheet. */
export const eventImport = eventCreate
  .extend({ outbreak: z.boolean() })
  .refine((e) => !e.startsAt || !e.endsAt || e.endsAt >= e.startsAt, {
    path: ['endsAt'],
    message: 'Slutt kan ikke være før start',
  })

export const participantImport = participantCreate

const PERSON_FIELDS = new Set([
  'nationalId',
  'firstName',
  'lastName',
  'birthDate',
  'sex',
  'phone',
  'email',
  'street',
  'postcode',
  'place',
  'residenceKommune',
  'residenceBydel',
  'workplaceName',
  'confirmNew',
])

export interface RowContext {
  recordType: ImportRecordType
  headers: string[]
  /** Field per column (aligned with headers). */
  columns: (string | null)[]
  testEnvironment: boolean
  today: string
  kind: 'xlsx' | 'csv'
  /** The org register's kommune and bydel codes (what saving a residence refers to). */
  known?: KnownCodes
}

/** Codes and lower-case names of municipalities and city districts (org_units). */
export interface KnownCodes {
  kommuner: Map<string, string>
  kommuneByName: Map<string, string>
  /** bydel code → its kommune code */
  bydeler: Map<string, string>
  /** lower-case name → bydel codes (names repeat between cities) */
  bydelByName: Map<string, string[]>
}

export function knownCodes(
  units: { code: string; kind: string; name: string; short_name: string; kommune_code: string | null }[],
) {
  const k: KnownCodes = {
    kommuner: new Map(),
    kommuneByName: new Map(),
    bydeler: new Map(),
    bydelByName: new Map(),
  }
  for (const u of units) {
    // «Oslo - Oslove»: the short name and each language's name are accepted.
    const names = new Set([u.short_name, ...u.name.split(' - ')].map((n) => n.trim().toLowerCase()))
    if (u.kind === 'kommune') {
      k.kommuner.set(u.code, u.name)
      for (const n of names) k.kommuneByName.set(n, u.code)
    } else if (u.kind === 'bydel') {
      k.bydeler.set(u.code, u.kommune_code ?? '')
      for (const n of names) k.bydelByName.set(n, [...(k.bydelByName.get(n) ?? []), u.code])
    }
  }
  return k
}

function parseCell(f: ImportField, cell: Cell): Parsed<unknown> {
  switch (f.kind) {
    case 'date':
      return parseDate(cell)
    case 'datetime':
      return parseDateTime(cell)
    case 'boolean':
      return parseBoolean(cell)
    case 'code':
      return { value: parseCode(f.codes!, cell) }
    case 'nationalId':
      return { value: parseNationalId(cell) }
    default:
      return { value: parseText(cell) }
  }
}

/** Checks one row; never throws for bad data (a CSV formula refuses the file, as in XLSX). */
export function checkRow(ctx: RowContext, cells: Cell[], rowNumber: number): CheckedRow {
  const defs = new Map(IMPORT_FIELDS[ctx.recordType].map((f) => [f.field, f]))
  const issues: ImportIssue[] = []
  const values: Record<string, unknown> = {}
  const columnOf = (field: string) => {
    const i = ctx.columns.indexOf(field)
    return i >= 0 ? (ctx.headers[i] ?? null) : null
  }
  const error = (field: string | null, message: string) =>
    issues.push({ column: field ? columnOf(field) : null, field, severity: 'error', message })
  ctx.columns.forEach((field, i) => {
    const def = field ? defs.get(field) : undefined
    const cell = cells[i] ?? { text: '' }
    if (ctx.kind === 'csv' && /^\s*=/.test(cell.text))
      throw refused(
        'formula',
        `Rad ${rowNumber}, kolonne «${ctx.headers[i]}» inneholder en formel (${cell.text.slice(0, 20)}…). Formler tas ikke imot.`,
      )
    if (!def) return
    const parsed = parseCell(def, cell)
    if ('error' in parsed) error(def.field, parsed.error)
    else values[def.field] = parsed.value
  })
  for (const def of defs.values())
    if (
      def.required &&
      (values[def.field] === null || values[def.field] === undefined) &&
      !hasIssue(issues, def.field)
    )
      error(def.field, `${def.header} må fylles ut`)
  if (ctx.recordType !== 'events') checkPerson(ctx, values, issues, error)
  const built = buildAndValidate(ctx, values, error)
  const externalId = (values.externalId as string | null | undefined) ?? null
  return {
    data: issues.some((i) => i.severity === 'error') ? null : (built ?? null),
    issues,
    key: externalId ? `ext:${externalId}` : `hash:${contentHash(values)}`,
    externalId,
    raw: ctx.headers.map((_, i) => cells[i]?.text ?? ''),
  }
}

const hasIssue = (issues: ImportIssue[], field: string) => issues.some((i) => i.field === field)

/** Same content → same key, however the cells were formatted (dates, spacing, case of codes). */
export function contentHash(values: Record<string, unknown>): string {
  const keys = Object.keys(values).sort()
  const canonical = JSON.stringify(keys.map((k) => [k, values[k] ?? null]))
  return createHash('sha256').update(canonical).digest('hex')
}

type ErrorFn = (field: string | null, message: string) => void

function personOf(values: Record<string, unknown>) {
  const person: Record<string, unknown> = {}
  for (const k of PERSON_FIELDS) if (values[k] !== undefined && values[k] !== null) person[k] = values[k]
  return person
}

function zodIssues(err: z.ZodError, error: ErrorFn) {
  for (const issue of err.issues) {
    const field = [...issue.path].reverse().find((p) => typeof p === 'string') as string | undefined
    error(field ?? null, issue.message)
  }
}

function checkNationalId(ctx: RowContext, values: Record<string, unknown>, error: ErrorFn) {
  const id = values.nationalId as string | null | undefined
  if (!id) return
  const r = validateNationalId(id, { testEnvironment: ctx.testEnvironment })
  if (!r.ok) error('nationalId', r.message)
}

/**
 * What saving a person would refuse, checked here so the row is caught in the dry run: residence
 * codes the register knows (a name is turned into its code), a birth date that agrees with the
 * national id, and enough to identify the person (a name and a national id or birth date).
 */
function checkPerson(
  ctx: RowContext,
  values: Record<string, unknown>,
  issues: ImportIssue[],
  error: ErrorFn,
) {
  const known = ctx.known
  const kommune = values.residenceKommune as string | null | undefined
  if (kommune && known) {
    const code = /^\d{3,4}$/.test(kommune)
      ? kommune.padStart(4, '0')
      : known.kommuneByName.get(kommune.toLowerCase())
    if (!code || !known.kommuner.has(code)) error('residenceKommune', `Ukjent kommune «${kommune}»`)
    else values.residenceKommune = code
  }
  const bydel = values.residenceBydel as string | null | undefined
  if (bydel && known) {
    const inKommune = hasIssue(issues, 'residenceKommune') ? null : (values.residenceKommune as string | null)
    let code: string | undefined
    if (/^\d{5,6}$/.test(bydel)) code = bydel.padStart(6, '0')
    else {
      const named = known.bydelByName.get(bydel.toLowerCase()) ?? []
      code = named.find((b) => !inKommune || known.bydeler.get(b) === inKommune) ?? named[0]
    }
    const of = code ? known.bydeler.get(code) : undefined
    if (!code || of === undefined) error('residenceBydel', `Ukjent bydel «${bydel}»`)
    else if (inKommune && of !== inKommune)
      error('residenceBydel', `Bydelen «${bydel}» ligger ikke i kommunen ${inKommune}`)
    else {
      values.residenceBydel = code
      if (!values.residenceKommune && !hasIssue(issues, 'residenceKommune')) values.residenceKommune = of
    }
  }
  const nationalId = values.nationalId as string | null | undefined
  const birthDate = values.birthDate as string | null | undefined
  if (nationalId && birthDate) {
    const id = idStructure(nationalId)
    if (id.ok && id.birthDate && id.birthDate !== birthDate)
      error(
        'birthDate',
        `Fødselsdatoen stemmer ikke med fødselsnummeret (som gir ${formatDate(id.birthDate)})`,
      )
  }
  if (!nationalId && !birthDate && !hasIssue(issues, 'birthDate') && !hasIssue(issues, 'nationalId')) {
    const field =
      ctx.columns.includes('nationalId') || !ctx.columns.includes('birthDate') ? 'nationalId' : 'birthDate'
    error(field, 'Fyll ut fødselsnummer eller fødselsdato, så personen kan identifiseres')
  }
}

const formatDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`

function buildAndValidate(ctx: RowContext, values: Record<string, unknown>, error: ErrorFn) {
  const person = personOf(values)
  const pick = (...fields: string[]) =>
    Object.fromEntries(
      fields.filter((f) => values[f] !== undefined && values[f] !== null).map((f) => [f, values[f]]),
    )
  switch (ctx.recordType) {
    case 'cases': {
      const input = {
        person,
        ...pick(
          'testDate',
          'testType',
          'resultDate',
          'symptomatic',
          'onsetDate',
          'symptoms',
          'likelyInfectionDate',
          'infectionSource',
          'exposureSetting',
          'travelHistory',
          'interviewStatus',
          'notes',
        ),
        probable: values.probable === true,
        hospitalised: values.hospitalised === true,
      }
      checkNationalId(ctx, values, error)
      const r = caseCreate.safeParse(input)
      if (!r.success) return zodIssues(r.error, error)
      for (const e of caseDateErrors(r.data, ctx.today)) error(e.field, e.message)
      return r.data as Record<string, unknown>
    }
    case 'contacts': {
      checkNationalId(ctx, values, error)
      const input = {
        person,
        ...pick('relation', 'exposureSetting', 'lastExposure', 'notes'),
        household: values.household === true,
      }
      const r = contactCreate.safeParse(input)
      if (!r.success) return zodIssues(r.error, error)
      const future = futureDateError(r.data.lastExposure, ctx.today, 'Siste eksponering')
      if (future) error('lastExposure', future)
      return { ...r.data, caseRef: values.caseRef }
    }
    case 'events': {
      const r = eventImport.safeParse({
        name: values.name ?? '',
        exposureSetting: values.exposureSetting,
        ...Object.fromEntries(
          ['location', 'address', 'startsAt', 'endsAt', 'organiserName', 'organiserPhone', 'description'].map(
            (f) => [f, values[f] ?? null],
          ),
        ),
        outbreak: values.outbreak === true,
      })
      if (!r.success) return zodIssues(r.error, error)
      return r.data as Record<string, unknown>
    }
    case 'participants': {
      checkNationalId(ctx, values, error)
      const r = participantImport.safeParse({
        person,
        role: values.role,
        exposureAt: values.exposureAt ?? null,
      })
      if (!r.success) return zodIssues(r.error, error)
      return { ...r.data, eventRef: values.eventRef }
    }
  }
}
