import { sql } from 'kysely'
import {
  IMPORT_LIMITS,
  type ImportIssue,
  type ImportRecordType,
  type SheetMapping,
} from '../../../shared/api/imports'
import { audit } from '../../audit/audit'
import { inTenant, type Trx } from '../../db/tenant'
import type { AppDeps } from '../../http/types'
import { todayOslo } from '../cases/cases.service'
import { findCandidates } from '../persons/persons.queries'
import * as q from './imports.queries'
import { type FileSource, readRows, tooManyRows } from './imports.read'
import { type CheckedRow, checkRow, knownCodes, type RowContext } from './imports.rows'
import { type Claim, workerContext } from './imports.worker-context'

/**
 * The dry run (SPEC §6): streams the file, checks every row like manual entry, matches persons
 * against the register, and stores a report row per file row. Batches of BATCH rows are written
 * in their own short transactions, so progress shows while it runs; nothing but the report is
 * written. References between sheets are resolved at the end.
 */
const BATCH = 500

type Pending = {
  row: number
  sheet: string
  recordType: ImportRecordType
  checked: CheckedRow
  status: Status
}
type Status = 'valid' | 'error' | 'duplicate'

interface State {
  deps: AppDeps
  claim: Claim
  today: string
  batch: Pending[]
  seenKeys: Map<string, number>
  caseIds: Map<string, number>
  caseNationalIds: Map<string, number>
  eventIds: Set<string>
  refs: {
    recordType: ImportRecordType
    row: number
    ref: string
    issues: ImportIssue[]
    column: string | null
  }[]
  rows: number
}

export async function runDryRun(deps: AppDeps, claim: Claim) {
  const scope = { kommune: claim.kommune, userId: claim.created_by }
  const loaded = await inTenant(deps.db, scope, async (trx) => {
    const run = await q.findRun(trx, { id: claim.id, kommune: claim.kommune })
    const file = await q.fileOf(trx, claim)
    await q.deleteRows(trx, claim.id, claim.kommune)
    return { run, file, units: await q.residenceUnits(trx) }
  })
  if (!loaded.run || !loaded.file?.file_data) throw new Error('import run without file')
  const mapping = loaded.run.mapping as SheetMapping[]
  const sheets = new Map(mapping.filter((m) => m.recordType).map((m) => [m.name, m]))
  const st: State = {
    deps,
    claim,
    today: todayOslo(),
    batch: [],
    seenKeys: new Map(),
    caseIds: new Map(),
    caseNationalIds: new Map(),
    eventIds: new Set(),
    refs: [],
    rows: 0,
  }
  const src: FileSource = {
    kind: loaded.file.file_kind,
    bytes: loaded.file.file_data,
    fileName: loaded.file.file_name,
  }
  const known = knownCodes(loaded.units)
  const headerSeen = new Set<string>()
  for await (const r of readRows(src)) {
    const m = sheets.get(r.sheet)
    if (!m?.recordType) continue
    if (!headerSeen.has(r.sheet)) {
      if (r.cells.some((c) => c.text.trim())) headerSeen.add(r.sheet)
      continue
    }
    if (!r.cells.some((c) => c.text.trim())) continue
    if (++st.rows > IMPORT_LIMITS.maxRows) throw tooManyRows()
    const ctx: RowContext = {
      recordType: m.recordType,
      headers: loaded.run.sheets
        ? ((loaded.run.sheets as { name: string; headers: string[] }[]).find((s) => s.name === r.sheet)
            ?.headers ?? [])
        : [],
      columns: m.columns,
      testEnvironment: deps.config.testEnvironment,
      today: st.today,
      kind: src.kind,
      known,
    }
    addRow(st, ctx, r.sheet, r.rowNumber, checkRow(ctx, r.cells, r.rowNumber))
    if (st.batch.length >= BATCH) await flush(st)
  }
  await flush(st)
  await finish(st)
}

function addRow(st: State, ctx: RowContext, sheet: string, row: number, checked: CheckedRow) {
  const type = ctx.recordType
  let status: Status = checked.data ? 'valid' : 'error'
  const seenKey = `${type}|${checked.key}`
  const earlier = st.seenKeys.get(seenKey)
  if (earlier !== undefined) {
    status = 'duplicate'
    checked.issues.push(info(`Samme rad som rad ${earlier} – importeres bare én gang`))
  } else st.seenKeys.set(seenKey, row)
  const data = checked.data as Record<string, unknown> | null
  if (type === 'cases' && status === 'valid') {
    const nid = (data?.person as { nationalId?: string | null })?.nationalId
    const other = nid ? st.caseNationalIds.get(nid) : undefined
    if (other !== undefined) {
      status = 'error'
      checked.issues.push(err('Fødselsnummer', 'nationalId', `Samme person har et tilfelle på rad ${other}`))
    } else if (nid) st.caseNationalIds.set(nid, row)
  }
  if (type === 'cases' && checked.externalId && status !== 'error') st.caseIds.set(checked.externalId, row)
  if (type === 'events' && checked.externalId && status !== 'error') st.eventIds.add(checked.externalId)
  st.batch.push({ row, sheet, recordType: type, checked, status })
  const ref = (data?.caseRef ?? data?.eventRef) as string | undefined
  if (ref && status === 'valid') {
    const field = type === 'contacts' ? 'caseRef' : 'eventRef'
    const i = ctx.columns.indexOf(field)
    st.refs.push({ recordType: type, row, ref, issues: checked.issues, column: ctx.headers[i] ?? null })
  }
}

const info = (message: string): ImportIssue => ({ column: null, field: null, severity: 'info', message })
const err = (column: string | null, field: string | null, message: string): ImportIssue => ({
  column,
  field,
  severity: 'error',
  message,
})

/** Database checks for a batch (already imported, known persons, open cases), then its report rows. */
async function flush(st: State) {
  const batch = st.batch.splice(0)
  if (!batch.length) return
  const { kommune, id } = st.claim
  await inTenant(st.deps.db, { kommune, userId: st.claim.created_by }, async (trx) => {
    for (const type of ['cases', 'contacts', 'events', 'participants'] as const) {
      const rows = batch.filter((b) => b.recordType === type && b.status !== 'error')
      const done = await q.existingKeys(
        trx,
        kommune,
        type,
        rows.map((b) => b.checked.key),
      )
      for (const b of rows)
        if (done.has(b.checked.key)) {
          b.status = 'duplicate'
          b.checked.issues.push(info('Allerede importert tidligere – blir ikke lagt inn på nytt'))
        }
    }
    await matchPersons(trx, kommune, batch)
    await q.insertRows(
      trx,
      batch.map((b) => ({
        run_id: id,
        kommune,
        record_type: b.recordType,
        sheet: b.sheet,
        row_number: b.row,
        row_key: b.checked.key,
        status: b.status,
        data: b.checked.data ? JSON.stringify(b.checked.data) : null,
        raw: JSON.stringify(b.checked.raw),
        issues: JSON.stringify(b.checked.issues),
      })),
    )
    await q.updateRun(
      trx,
      { id, kommune, worker: st.claim.worker },
      { progress_rows: st.rows, heartbeat_at: sql`now()` as never },
    )
  })
}

const personOf = (b: Pending) =>
  (b.checked.data?.person ?? null) as {
    nationalId?: string | null
    firstName: string
    lastName: string
    birthDate?: string | null
    phone?: string | null
    street?: string | null
    confirmNew?: boolean
  } | null

/** Same duplicate rules as manual entry: a known id attaches; a similar person needs confirmation. */
async function matchPersons(trx: Trx, kommune: string, batch: Pending[]) {
  const live = batch.filter((b) => b.status === 'valid' && personOf(b))
  const ids = [...new Set(live.map((b) => personOf(b)!.nationalId).filter((x): x is string => !!x))]
  const known = await q.lookupNationalIds(trx, ids)
  const open = await q.personsWithOpenCase(
    trx,
    kommune,
    [...known.values()].filter((k) => k.own).map((k) => k.personId),
  )
  for (const b of live) {
    const p = personOf(b)!
    const hit = p.nationalId ? known.get(p.nationalId) : undefined
    if (hit) {
      b.checked.issues.push(
        info(
          hit.own
            ? 'Personen finnes i registeret og blir koblet til'
            : 'Personen er registrert i en annen kommune og blir koblet til',
        ),
      )
      if (b.recordType === 'cases' && open.has(hit.personId)) {
        b.status = 'error'
        b.checked.issues.push(err(null, 'person', 'Personen har allerede et åpent indekstilfelle i kommunen'))
      }
      continue
    }
    if (p.nationalId || p.confirmNew) continue
    const candidates = await findCandidates(trx, kommune, {
      name: `${p.firstName} ${p.lastName}`,
      birthDate: p.birthDate ?? null,
      phone: p.phone ?? null,
      street: p.street ?? null,
    })
    if (candidates.some((c) => c.score >= 1.5)) {
      b.status = 'error'
      b.checked.issues.push(
        err(
          null,
          'person',
          'Personen kan allerede være registrert (lignende navn, fødselsdato eller telefon). Fyll inn fødselsnummer, eller skriv «ja» i «Bekreft ny person».',
        ),
      )
    }
  }
}

/** References between sheets (contact → case, participant → event), then the counts. */
async function finish(st: State) {
  const { kommune, id, worker, created_by } = st.claim
  await inTenant(st.deps.db, { kommune, userId: created_by }, async (trx) => {
    const bad = await unresolvedRefs(trx, st)
    for (const r of bad) {
      r.issues.push(
        err(
          r.column,
          r.recordType === 'contacts' ? 'caseRef' : 'eventRef',
          r.recordType === 'contacts'
            ? `Fant ikke indekstilfellet «${r.ref}» i filen eller blant kommunens åpne tilfeller`
            : `Fant ikke hendelsen «${r.ref}» i filen eller i tidligere importer`,
        ),
      )
      await trx
        .updateTable('import_rows')
        .set({ status: 'error', data: null, issues: JSON.stringify(r.issues) })
        .where('run_id', '=', id)
        .where('kommune', '=', kommune)
        .where('record_type', '=', r.recordType)
        .where('row_number', '=', r.row)
        .execute()
    }
    const counts = await summarize(trx, id, kommune)
    const updated = await q.updateRun(
      trx,
      { id, kommune, worker, states: ['validating'] },
      {
        state: 'validated',
        counts: JSON.stringify(counts),
        total_rows: st.rows,
        progress_rows: st.rows,
        validated_at: sql`now()` as never,
        error: null,
      },
    )
    if (!updated) throw new Error('import run was taken over')
    const ctx = await workerContext(trx, st.claim)
    await audit(trx, ctx, {
      action: 'import.validate',
      recordType: 'import',
      recordId: id,
      details: { counts },
    })
  })
}

async function unresolvedRefs(trx: Trx, st: State) {
  const { kommune } = st.claim
  const contactRefs = st.refs.filter((r) => r.recordType === 'contacts' && !st.caseIds.has(r.ref))
  const rest = contactRefs.filter((r) => !st.caseNationalIds.has(r.ref))
  const keyed = await q.existingKeys(
    trx,
    kommune,
    'cases',
    rest.map((r) => `ext:${r.ref}`),
  )
  const open = await q.openCaseByNationalId(
    trx,
    kommune,
    rest.filter((r) => /^\d{11}$/.test(r.ref)).map((r) => r.ref),
  )
  const badContacts = rest.filter((r) => !keyed.has(`ext:${r.ref}`) && !open.has(r.ref))
  const eventRefs = st.refs.filter((r) => r.recordType === 'participants' && !st.eventIds.has(r.ref))
  const events = await q.existingKeys(
    trx,
    kommune,
    'events',
    eventRefs.map((r) => `ext:${r.ref}`),
  )
  return [...badContacts, ...eventRefs.filter((r) => !events.has(`ext:${r.ref}`))]
}

export async function summarize(trx: Trx, runId: string, kommune: string) {
  const rows = await q.rowCounts(trx, runId, kommune)
  const n = (s: string) => rows.find((r) => r.status === s)?.n ?? 0
  return {
    rows: rows.reduce((a, r) => a + r.n, 0),
    valid: n('valid'),
    errors: n('error'),
    duplicates: n('duplicate'),
    imported: n('imported'),
    warnings: rows.reduce((a, r) => a + r.warnings, 0),
  }
}
