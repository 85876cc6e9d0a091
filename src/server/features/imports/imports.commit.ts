import { sql } from 'kysely'
import type { z } from 'zod'
import type { caseCreate } from '../../../shared/api/cases'
import type { contactCreate } from '../../../shared/api/contacts'
import type {
  ImportCounts,
  ImportIssue,
  ImportMode,
  ImportRecordType,
  SheetMapping,
} from '../../../shared/api/imports'
import type { PersonRef } from '../../../shared/api/persons'
import { normalizeNationalId } from '../../../shared/domain/nationalId'
import { audit, diffFields, dropAuditBatch, flushAuditBatch, startAuditBatch } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inSavepoint } from '../../db/savepoint'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { assertKommuneActive } from '../../policy/kommune-active'
import { toCaseColumns } from '../cases/cases.present'
import { type CaseWithPerson, findCase, insertCase } from '../cases/cases.queries'
import { assertNoOpenCase } from '../cases/cases.service'
import { saveContactRows } from '../contacts/contacts.save'
import { resolveOwnerUnit } from '../ownership/ownership.service'
import { type NationalIdOwner, resolvePerson } from '../persons/persons.service'
import * as q from './imports.queries'
import type { participantImport } from './imports.rows'
import { summarize } from './imports.validate'
import { type Claim, workerContext } from './imports.worker-context'

/**
 * The commit (SPEC §6, §8 "crash-safe imports"): every valid row of the dry run is written in
 * ONE transaction through the same functions manual entry uses (resolvePerson, the case insert
 * with its checks, saveContactRows), with each row's key in import_keys — so the run is all or
 * nothing, a crash leaves nothing behind, and importing the same rows again creates nothing.
 * Every row is written in its own savepoint: a row that passed the dry run but fails on saving
 * (a conflict since, a constraint the dry run could not see) is rolled back alone and reported at
 * its row and column like a dry-run error; every other valid row is saved (both modes — 'strict'
 * only differs in refusing to start when the dry run found errors).
 */
export const commitHooks: { afterRow?: (n: number) => void } = {}

/** Thrown by tests to simulate the process dying mid-commit (the run is left as a crash leaves it). */
export class SimulatedCrash extends Error {}

const ORDER: ImportRecordType[] = ['cases', 'events', 'contacts', 'participants']
const PAGE = 1000

interface Commit {
  deps: AppDeps
  trx: Trx
  ctx: RequestContext
  claim: Claim
  mode: ImportMode
  counts: Required<
    Pick<
      ImportCounts,
      | 'personsCreated'
      | 'personsMatched'
      | 'cases'
      | 'contacts'
      | 'events'
      | 'participants'
      | 'failedAtCommit'
    >
  > & { duplicates: number }
  caseByRef: Map<string, string>
  eventByRef: Map<string, string>
  cases: Map<string, CaseWithPerson>
  personByName: Map<string, string>
  /** National ids of the current page, looked up at once (resolvePerson's `looked`). */
  owners: Map<string, NationalIdOwner | null>
  failed: { recordType: ImportRecordType; row: number; issues: ImportIssue[] }[]
  /** The file's header for a field of a record type (for reporting a failure at its column). */
  columnOf: (type: ImportRecordType, field: string | null) => string | null
  written: number
  /** Keys of rows written in this page, inserted together at the end of the page. */
  keys: q.ImportKey[]
}

export async function runCommit(deps: AppDeps, claim: Claim) {
  const scope = { kommune: claim.kommune, userId: claim.created_by }
  const progress = progressWriter(deps, claim)
  try {
    await inTenant(deps.db, scope, async (trx) => {
      const run = await q.findRun(trx, claim)
      if (!run) throw new Error('import run gone')
      const ctx = await workerContext(trx, claim)
      await assertKommuneActive(trx, claim.kommune)
      startAuditBatch(trx)
      const c: Commit = {
        deps,
        trx,
        ctx,
        claim,
        mode: run.mode ?? 'strict',
        counts: {
          personsCreated: 0,
          personsMatched: 0,
          cases: 0,
          contacts: 0,
          events: 0,
          participants: 0,
          failedAtCommit: 0,
          duplicates: 0,
        },
        caseByRef: new Map(),
        eventByRef: new Map(),
        cases: new Map(),
        personByName: new Map(),
        owners: new Map(),
        failed: [],
        columnOf: columnLookup(run.mapping as SheetMapping[], run.sheets as SheetHeaders[]),
        written: 0,
        keys: [],
      }
      try {
        for (const type of ORDER) await commitType(c, type, progress)
      } catch (err) {
        dropAuditBatch(trx)
        throw err
      }
      await flushAuditBatch(trx, true)
      await finishCommit(c, run.file_name, run.file_sha256)
    })
  } finally {
    await progress.settle()
  }
}

/** Progress outside the big transaction (visible while it runs on PostgreSQL), one write at a time. */
function progressWriter(deps: AppDeps, claim: Claim) {
  let inFlight: Promise<unknown> | null = null
  return {
    report(n: number) {
      if (inFlight) return
      inFlight = inTenant(deps.db, { kommune: claim.kommune, userId: claim.created_by }, (trx) =>
        q.updateRun(
          trx,
          { id: claim.id, kommune: claim.kommune, worker: claim.worker, states: ['committing'] },
          { progress_rows: n, heartbeat_at: sql`now()` as never },
        ),
      )
        .catch(() => {})
        .finally(() => {
          inFlight = null
        })
    },
    settle: async () => {
      await inFlight
    },
  }
}

async function commitType(c: Commit, type: ImportRecordType, progress: { report(n: number): void }) {
  let after = 0
  for (;;) {
    const rows = await q.validRows(c.trx, c.claim.id, c.claim.kommune, type, after, PAGE)
    // Rows imported by an earlier run (or a concurrent one) since the dry run: skipped.
    const done = await q.existingKeys(
      c.trx,
      c.claim.kommune,
      type,
      rows.map((r) => r.row_key),
    )
    c.owners = await q.ownersOfNationalIds(c.trx, nationalIdsOf(rows))
    for (const r of rows) {
      if (done.has(r.row_key)) c.counts.duplicates++
      else await commitRow(c, type, r.row_number, r.row_key, r.data as Record<string, unknown>)
      c.written++
      commitHooks.afterRow?.(c.written)
      if (c.written % 250 === 0) progress.report(c.written)
    }
    await q.insertKeys(c.trx, c.keys.splice(0))
    await flushAuditBatch(c.trx)
    if (rows.length < PAGE) return
    after = rows[rows.length - 1]!.row_number
  }
}

async function commitRow(
  c: Commit,
  type: ImportRecordType,
  row: number,
  key: string,
  data: Record<string, unknown>,
) {
  // The page's keys were checked by commitType, in this transaction: no per-row check.
  const counts = { ...c.counts }
  const names = c.personByName.size
  const keys = c.keys.length
  try {
    await inSavepoint(c.trx, 'import_row', () => writeRow(c, type, key, data, row))
  } catch (err) {
    const issues = rowFailure(
      err,
      (field) => c.columnOf(type, field),
      (field) => valueIn(data, field),
    )
    if (!issues) throw err
    // Undo what the row added to the run's own bookkeeping, as the savepoint undid its writes.
    c.counts = { ...counts, failedAtCommit: counts.failedAtCommit + 1 }
    c.keys.length = keys
    if (c.personByName.size > names)
      for (const k of [...c.personByName.keys()].slice(names)) c.personByName.delete(k)
    c.failed.push({ recordType: type, row, issues })
  }
}

export type SheetHeaders = { name: string; headers: string[] }

/** Field → the header of the column mapped to it, per record type. */
export function columnLookup(mapping: SheetMapping[], sheets: SheetHeaders[]) {
  return (type: ImportRecordType, field: string | null) => {
    if (!field) return null
    for (const m of mapping) {
      if (m.recordType !== type) continue
      const i = m.columns.indexOf(field)
      if (i >= 0) return sheets.find((s) => s.name === m.name)?.headers[i] ?? null
    }
    return null
  }
}

/** Table columns the row writes, by their field name (for constraint errors of the database). */
const COLUMN_FIELDS: Record<string, string> = {
  residence_kommune: 'residenceKommune',
  residence_bydel: 'residenceBydel',
  national_id: 'nationalId',
  birth_date: 'birthDate',
  first_name: 'firstName',
  last_name: 'lastName',
  test_date: 'testDate',
  result_date: 'resultDate',
  onset_date: 'onsetDate',
  likely_infection_date: 'likelyInfectionDate',
  last_exposure: 'lastExposure',
  exposure_setting: 'exposureSetting',
  test_type: 'testType',
  infection_source: 'infectionSource',
  interview_status: 'interviewStatus',
  starts_at: 'startsAt',
  ends_at: 'endsAt',
  exposure_at: 'exposureAt',
}

const DB_MESSAGES: Record<string, (value: string | null) => string> = {
  '23503': (v) => (v ? `«${v}» finnes ikke i registeret` : 'Viser til noe som ikke finnes'),
  '23505': () => 'Finnes allerede',
  '23514': (v) => (v ? `Ugyldig verdi «${v}»` : 'Ugyldig verdi'),
  '23502': () => 'Må fylles ut',
}

/**
 * The issues of a row that failed on saving, or null when the failure is not the row's fault
 * (the connection, a bug): then the commit fails as a whole and is retried.
 */
export function rowFailure(
  err: unknown,
  columnOf: (field: string | null) => string | null,
  fieldValue: (field: string) => string | null = () => null,
): ImportIssue[] | null {
  const issue = (field: string | null, message: string): ImportIssue => ({
    column: columnOf(field),
    field,
    severity: 'error',
    message: `Kunne ikke lagres: ${message}`,
  })
  if (err instanceof AppError) {
    if (err.status >= 500) return null
    const fieldErrors = err.extra.errors ?? []
    if (!fieldErrors.length) {
      const path = typeof err.extra.path === 'string' ? err.extra.path : null
      return [issue(path ? lastField(path) : null, err.title)]
    }
    return fieldErrors.map((e) => issue(lastField(e.path), e.message))
  }
  const db = err as { code?: unknown; column?: unknown; constraint?: unknown; detail?: unknown }
  if (typeof db?.code !== 'string' || !/^2[23]/.test(db.code)) return null
  const detail = typeof db.detail === 'string' ? db.detail : ''
  const key = /Key \(([^)]+)\)=\(([^)]*)\)/.exec(detail)
  const column =
    (typeof db.column === 'string' && db.column) ||
    key?.[1] ||
    Object.keys(COLUMN_FIELDS).find(
      (col) => typeof db.constraint === 'string' && db.constraint.includes(col),
    ) ||
    null
  const field = column ? (COLUMN_FIELDS[column] ?? null) : null
  const value = key?.[2] ?? (field ? fieldValue(field) : null)
  const message = DB_MESSAGES[db.code]?.(value) ?? 'Ugyldig verdi'
  return [issue(field, message)]
}

/** A field's value in a row's data (the person's fields are nested). */
function valueIn(data: Record<string, unknown>, field: string): string | null {
  const v = (data.person as Record<string, unknown> | undefined)?.[field] ?? data[field]
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null
}

/** 'body.person.nationalId' → 'nationalId'; 'person' → 'person'. */
const lastField = (path: string) =>
  path
    .split('.')
    .filter((p) => !/^\d+$/.test(p))
    .pop() ?? null

async function writeRow(
  c: Commit,
  type: ImportRecordType,
  key: string,
  data: Record<string, unknown>,
  row: number,
) {
  let ids: { recordId: string; personId: string | null }
  if (type === 'cases') ids = await writeCase(c, data as never)
  else if (type === 'events') ids = await writeEvent(c, data)
  else if (type === 'contacts') ids = await writeContact(c, data as never, row)
  else ids = await writeParticipant(c, data as never, row)
  c.keys.push({
    kommune: c.claim.kommune,
    record_type: type,
    row_key: key,
    record_id: ids.recordId,
    person_id: ids.personId,
    run_id: c.claim.id,
  })
  const ext = key.startsWith('ext:') ? key.slice(4) : null
  if (ext && type === 'cases') c.caseByRef.set(ext, ids.recordId)
  if (ext && type === 'events') c.eventByRef.set(ext, ids.recordId)
}

/**
 * The person of a row. Persons without a national id that appear on several rows of the same
 * import (a contact of two cases) are created once.
 */
async function personOf(c: Commit, person: Record<string, unknown>, path: string) {
  const nameKey = person.nationalId
    ? null
    : [person.firstName, person.lastName, person.birthDate ?? '', person.phone ?? ''].join('|').toLowerCase()
  const known = nameKey ? c.personByName.get(nameKey) : undefined
  if (known) return { personId: known, created: false }
  // c.owners is not updated with persons created here: a row can still be rolled back (valid-only
  // mode). A second row of the page with the same id finds it through resolvePerson's fallback.
  const r = await resolvePerson(c.deps, c.trx, c.ctx, person as PersonRef, path, c.owners)
  if (r.created) c.counts.personsCreated++
  else c.counts.personsMatched++
  if (nameKey) c.personByName.set(nameKey, r.personId)
  return r
}

async function writeCase(c: Commit, data: z.output<typeof caseCreate>) {
  const kommune = c.claim.kommune
  const person = await personOf(c, data.person as Record<string, unknown>, 'person')
  // A person created for this row has no case yet. (Skipping the query also matters: without
  // statistics on the growing table the planner scans every open case of the municipality.)
  if (!person.created) await assertNoOpenCase(c.trx, person.personId, kommune, 'person')
  const values = toCaseColumns(data)
  const { id } = await insertCase(c.trx, {
    ...values,
    kommune,
    // Hook (issue 19): the importing user's default unit, else the municipality.
    owner_unit: await resolveOwnerUnit(c.trx, { kommune, userId: c.claim.created_by, path: 'ownerUnit' }),
    person_id: person.personId,
    assigned_to: null,
    created_by: c.claim.created_by,
  })
  await audit(c.trx, c.ctx, {
    action: 'case.create',
    recordType: 'case',
    recordId: id,
    personId: person.personId,
    changes: diffFields(null, values as Record<string, unknown>),
    details: { importRunId: c.claim.id },
  })
  c.counts.cases++
  return { recordId: id, personId: person.personId }
}

/** The index case a contact row names: a case of this import, of an earlier one, or by national id. */
async function caseOfRef(c: Commit, ref: string, row: number) {
  let id =
    c.caseByRef.get(ref) ??
    (await q.existingKeys(c.trx, c.claim.kommune, 'cases', [`ext:${ref}`])).get(`ext:${ref}`)
  if (!id && /^\d{11}$/.test(ref)) id = (await q.openCaseByNationalId(c.trx, c.claim.kommune, [ref])).get(ref)
  if (!id) throw new AppError(400, 'validation', `Fant ikke indekstilfellet «${ref}» (rad ${row})`)
  let found = c.cases.get(id)
  if (!found) {
    found = await findCase(c.trx, { id, kommune: c.claim.kommune })
    if (!found) throw new AppError(400, 'validation', `Fant ikke indekstilfellet «${ref}»`)
    if (c.cases.size > 5000) c.cases.clear()
    c.cases.set(id, found)
  }
  return found
}

async function writeContact(
  c: Commit,
  data: z.output<typeof contactCreate> & { caseRef: string },
  row: number,
) {
  const indexCase = await caseOfRef(c, data.caseRef, row)
  const { caseRef: _, ...contact } = data
  const person = await personOf(c, contact.person as Record<string, unknown>, 'person')
  const [saved] = await saveContactRows(
    c.deps,
    c.trx,
    c.ctx,
    indexCase,
    [{ ...contact, person: { personId: person.personId } }],
    () => 'row',
  )
  c.counts.contacts++
  return { recordId: saved!.contactId, personId: person.personId }
}

async function writeEvent(c: Commit, data: Record<string, unknown>) {
  const kommune = c.claim.kommune
  const e = await c.trx
    .insertInto('events')
    .values({
      kommune,
      owner_unit: await resolveOwnerUnit(c.trx, { kommune, userId: c.claim.created_by, path: 'ownerUnit' }),
      name: data.name as string,
      exposure_setting: data.exposureSetting as string,
      location: (data.location as string | null) ?? null,
      address: (data.address as string | null) ?? null,
      starts_at: (data.startsAt as string | null) ?? null,
      ends_at: (data.endsAt as string | null) ?? null,
      organiser_name: (data.organiserName as string | null) ?? null,
      organiser_phone: (data.organiserPhone as string | null) ?? null,
      description: (data.description as string | null) ?? null,
      outbreak: data.outbreak === true,
      outbreak_declared_at: data.outbreak === true ? new Date() : null,
      created_by: c.claim.created_by,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await audit(c.trx, c.ctx, {
    action: 'event.create',
    recordType: 'event',
    recordId: e.id,
    changes: diffFields(null, data),
    details: { importRunId: c.claim.id },
  })
  c.counts.events++
  return { recordId: e.id, personId: null }
}

async function writeParticipant(
  c: Commit,
  data: z.output<typeof participantImport> & { eventRef: string },
  row: number,
) {
  const kommune = c.claim.kommune
  const eventId =
    c.eventByRef.get(data.eventRef) ??
    (await q.existingKeys(c.trx, kommune, 'events', [`ext:${data.eventRef}`])).get(`ext:${data.eventRef}`)
  if (!eventId) throw new AppError(400, 'validation', `Fant ikke hendelsen «${data.eventRef}» (rad ${row})`)
  const person = await personOf(c, data.person as Record<string, unknown>, 'person')
  const p = await c.trx
    .insertInto('event_participants')
    .values({
      kommune,
      event_id: eventId,
      person_id: person.personId,
      role: data.role,
      exposure_at: data.exposureAt,
      created_by: c.claim.created_by,
    })
    .onConflict((oc) => oc.columns(['event_id', 'person_id']).doUpdateSet({ role: data.role }))
    .returning('id')
    .executeTakeFirstOrThrow()
  await audit(c.trx, c.ctx, {
    action: 'event.participant.add',
    recordType: 'event',
    recordId: eventId,
    personId: person.personId,
    details: { importRunId: c.claim.id, role: data.role },
  })
  c.counts.participants++
  return { recordId: p.id, personId: person.personId }
}

/** Marks rows imported (or failed), the run committed (only if this worker still holds it), audits. */
async function finishCommit(c: Commit, fileName: string, sha256: string) {
  const { id, kommune, worker } = c.claim
  await sql`
    update import_rows r set status = 'imported', record_id = k.record_id
      from import_keys k
     where r.run_id = ${id} and r.kommune = ${kommune} and r.status = 'valid'
       and k.kommune = r.kommune and k.record_type = r.record_type and k.row_key = r.row_key and k.run_id = ${id}`.execute(
    c.trx,
  )
  for (const f of c.failed)
    await sql`
      update import_rows set status = 'error', data = null,
             issues = issues || ${JSON.stringify(f.issues)}::jsonb
       where run_id = ${id} and kommune = ${kommune} and record_type = ${f.recordType} and row_number = ${f.row}`.execute(
      c.trx,
    )
  // Valid in the dry run but imported by another run since: reported as skipped.
  await sql`
    update import_rows set status = 'duplicate',
           issues = issues || '[{"column":null,"field":null,"severity":"info","message":"Importert av en annen import i mellomtiden – ikke lagt inn på nytt"}]'::jsonb
     where run_id = ${id} and kommune = ${kommune} and status = 'valid'`.execute(c.trx)
  const { duplicates, ...created } = c.counts
  const counts = { ...(await summarize(c.trx, id, kommune)), ...created }
  const updated = await q.updateRun(
    c.trx,
    { id, kommune, worker, states: ['committing'] },
    {
      state: 'committed',
      counts: JSON.stringify(counts),
      committed_at: sql`now()` as never,
      progress_rows: c.written,
      file_data: null,
      error: null,
    },
  )
  if (!updated) throw new Error('import run was taken over by another worker')
  await audit(c.trx, c.ctx, {
    action: 'import.commit',
    recordType: 'import',
    recordId: id,
    details: { fileName, sha256, mode: c.mode, counts, skippedAlreadyImported: duplicates },
  })
}

/** The national ids of a page's persons, to look up in one query. */
function nationalIdsOf(rows: { data: unknown }[]): string[] {
  const ids = new Set<string>()
  for (const r of rows) {
    const nid = (r.data as { person?: { nationalId?: unknown } }).person?.nationalId
    if (typeof nid === 'string' && nid) ids.add(normalizeNationalId(nid))
  }
  return [...ids]
}
