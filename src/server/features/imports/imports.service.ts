import { createHash } from 'node:crypto'
import type { z } from 'zod'
import {
  IMPORT_LIMITS,
  type ImportMode,
  type ImportRecordType,
  type importRowsQuery,
  type mappingBody,
  type SheetMapping,
} from '../../../shared/api/imports'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, badRequest, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { assertKommuneActive } from '../../policy/kommune-active'
import { authorize } from '../../policy/policy'
import { detectKind, type FileKind, refused } from './imports.file'
import {
  autoColumns,
  fieldOfHeader,
  guessFromSaved,
  guessRecordType,
  mappingErrors,
  normalizeHeader,
  type SavedMappings,
} from './imports.mapping'
import { presentRow, presentRun } from './imports.present'
import * as q from './imports.queries'
import { csvFormat, readHeaders } from './imports.read'
import { queueImportStep } from './imports.worker'

function scope(ctx: RequestContext) {
  authorize(ctx.actor, 'import.run')
  return { kommune: ctx.actor.kommune!, userId: ctx.actor.userId }
}

interface Inspected {
  kind: FileKind
  encoding: string | null
  delimiter: string | null
  sheets: { name: string; headers: string[] }[]
}

/** Kind, encoding, separator and headers, or a 422/413 naming why the file cannot be imported. */
async function inspect(fileName: string, bytes: Buffer): Promise<Inspected> {
  const kind = detectKind(fileName, bytes)
  const format = kind === 'csv' ? csvFormat(bytes) : null
  const sheets = await readHeaders({ kind, bytes, fileName })
  const wide = sheets.find((s) => s.headers.length > IMPORT_LIMITS.maxColumns)
  if (wide)
    throw refused(
      'too-many-columns',
      `Arket «${wide.name}» har ${wide.headers.length} kolonner. Maks ${IMPORT_LIMITS.maxColumns} – fjern kolonner som ikke skal importeres.`,
    )
  if (!sheets.some((s) => s.headers.length > 0)) throw refused('empty', 'Filen har ingen overskriftsrad')
  // The sheets that look importable (else any sheet with headings) must have a row of data.
  const typed = sheets.filter((s) => s.headers.length > 0 && guessRecordType(s.name, s.headers))
  const pool = typed.length ? typed : sheets.filter((s) => s.headers.length > 0)
  if (!pool.some((s) => s.hasData))
    throw refused(
      'no-rows',
      'Filen har bare overskriftsraden og ingen rader med data. Fyll inn radene under overskriftene og last opp på nytt.',
    )
  return {
    kind,
    encoding: format?.encoding ?? null,
    delimiter: format?.delimiter ?? null,
    sheets: sheets.map(({ name, headers }) => ({ name, headers })),
  }
}

/**
 * A file refused before it could be read at all (too large for the upload limit): listed among
 * the imports with its reason, like every other refused file, then the refusal is returned.
 */
export async function refuseUpload(
  deps: AppDeps,
  ctx: RequestContext,
  file: { fileName: string; size: number },
  refusal: AppError,
): Promise<never> {
  const s = scope(ctx)
  const id = await inTenant(deps.db, s, async (trx) => {
    const { id } = await q.insertRun(trx, {
      kommune: s.kommune,
      created_by: s.userId,
      file_name: file.fileName.slice(0, 255) || '(uten navn)',
      file_kind: file.fileName.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx',
      file_size: Math.min(file.size, 2 ** 31 - 1),
      file_sha256: '',
      file_data: null,
      sheets: '[]',
      mapping: '[]',
      state: 'refused',
      error: refusal.title,
    })
    await audit(trx, ctx, {
      action: 'import.upload',
      recordType: 'import',
      recordId: id,
      outcome: 'failed',
      details: { fileName: file.fileName, size: file.size, refused: refusal.code },
    })
    return id
  })
  throw new AppError(refusal.status, refusal.code, refusal.title, { importId: id })
}

/** POST /api/imports: the file is checked and stored with a suggested mapping; refusals are listed too. */
export async function upload(deps: AppDeps, ctx: RequestContext, file: { fileName: string; bytes: Buffer }) {
  const s = scope(ctx)
  const sha256 = createHash('sha256').update(file.bytes).digest('hex')
  let inspected: Inspected | undefined
  let refusal: AppError | undefined
  try {
    inspected = await inspect(file.fileName, file.bytes)
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    refusal = err
  }
  const id = await inTenant(deps.db, s, async (trx) => {
    await assertKommuneActive(trx, s.kommune)
    const saved = toSaved(await q.savedMappings(trx, s.kommune))
    const sheets = (inspected?.sheets ?? []).map((sh) => ({
      ...sh,
      recordType: guessRecordType(sh.name, sh.headers) ?? guessFromSaved(sh.headers, saved),
    }))
    const mapping: SheetMapping[] = sheets.map((sh) => ({
      name: sh.name,
      recordType: sh.recordType,
      columns: sh.recordType ? autoColumns(sh.recordType, sh.headers, saved) : sh.headers.map(() => null),
    }))
    const { id } = await q.insertRun(trx, {
      kommune: s.kommune,
      created_by: s.userId,
      file_name: file.fileName.slice(0, 255),
      file_kind: inspected?.kind ?? (file.fileName.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx'),
      file_size: file.bytes.length,
      file_sha256: sha256,
      file_data: refusal ? null : file.bytes,
      encoding: inspected?.encoding ?? null,
      delimiter: inspected?.delimiter ?? null,
      sheets: JSON.stringify(sheets),
      mapping: JSON.stringify(mapping),
      state: refusal ? 'refused' : 'uploaded',
      error: refusal?.title ?? null,
    })
    await audit(trx, ctx, {
      action: 'import.upload',
      recordType: 'import',
      recordId: id,
      outcome: refusal ? 'failed' : 'ok',
      details: {
        fileName: file.fileName,
        sha256,
        size: file.bytes.length,
        ...(refusal ? { refused: refusal.code } : {}),
      },
    })
    return id
  })
  if (refusal) throw new AppError(refusal.status, refusal.code, refusal.title, { importId: id })
  return getRun(deps, ctx, id)
}

function toSaved(rows: { record_type: ImportRecordType; header: string; field: string }[]): SavedMappings {
  const out: SavedMappings = new Map()
  for (const r of rows) {
    if (!out.has(r.record_type)) out.set(r.record_type, new Map())
    out.get(r.record_type)!.set(r.header, r.field)
  }
  return out
}

async function requireRun(trx: Parameters<typeof q.findRun>[0], kommune: string, id: string) {
  const run = await q.findRun(trx, { id, kommune })
  if (!run) throw notFound('Importen')
  return run
}

export async function getRun(deps: AppDeps, ctx: RequestContext, id: string) {
  const s = scope(ctx)
  return inTenant(deps.db, s, async (trx) => presentRun(await requireRun(trx, s.kommune, id)))
}

export async function listRuns(deps: AppDeps, ctx: RequestContext) {
  const s = scope(ctx)
  return inTenant(deps.db, s, async (trx) => ({ items: (await q.listRuns(trx, s.kommune)).map(presentRun) }))
}

const conflictState = (title: string) => new AppError(409, 'import-state', title)

/** PUT /api/imports/{id}/mapping: what each sheet holds and which field each column fills. */
export async function setMapping(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof mappingBody>,
) {
  const s = scope(ctx)
  return inTenant(deps.db, s, async (trx) => {
    const run = await requireRun(trx, s.kommune, id)
    if (!['uploaded', 'validated', 'failed'].includes(run.state))
      throw conflictState('Koblingen kan ikke endres nå')
    const fileSheets = run.sheets as SheetHeaders[]
    const errors = mappingErrors(body.sheets, fileSheets)
    if (errors.length) throw badRequest('Koblingen av kolonner er ikke fullstendig', errors)
    const mapping = fileSheets.map(
      (f) =>
        body.sheets.find((m) => m.name === f.name) ?? {
          name: f.name,
          recordType: null,
          columns: f.headers.map(() => null),
        },
    )
    if (body.save) {
      const rows = mapping.flatMap((m) =>
        m.recordType
          ? m.columns.flatMap((field, i) => {
              const header = fileSheets.find((f) => f.name === m.name)!.headers[i]!
              return field
                ? [
                    {
                      kommune: s.kommune,
                      record_type: m.recordType!,
                      header: normalizeHeader(header),
                      field,
                      updated_by: s.userId,
                    },
                  ]
                : []
            })
          : [],
      )
      await q.saveMapping(trx, rows)
    }
    if (body.saveAs) {
      const preset = await q.saveMappingPreset(trx, {
        kommune: s.kommune,
        name: body.saveAs,
        sheets: JSON.stringify(presetSheets(mapping, fileSheets)),
        userId: s.userId,
      })
      await audit(trx, ctx, {
        action: 'import.mapping.save',
        recordType: 'import',
        recordId: id,
        details: { presetId: preset.id, name: body.saveAs },
      })
    }
    return storeMapping(trx, s.kommune, id, mapping)
  })
}

type SheetHeaders = { name: string; headers: string[] }
/** Header → field, or null for a column the user chose to ignore. */
type PresetSheet = { recordType: ImportRecordType; columns: Record<string, string | null> }

/** A mapping as header → field per record type, so it fits any later file with the same headings. */
function presetSheets(mapping: SheetMapping[], fileSheets: SheetHeaders[]): PresetSheet[] {
  return mapping.flatMap((m) => {
    if (!m.recordType) return []
    const headers = fileSheets.find((f) => f.name === m.name)?.headers ?? []
    const columns: Record<string, string | null> = {}
    m.columns.forEach((field, i) => {
      if (headers[i]) columns[normalizeHeader(headers[i])] = field
    })
    return [{ recordType: m.recordType, columns }]
  })
}

/** The new mapping replaces the old one and any dry-run result made with it. */
async function storeMapping(trx: Trx, kommune: string, id: string, mapping: SheetMapping[]) {
  await q.deleteRows(trx, id, kommune)
  await q.updateRun(
    trx,
    { id, kommune },
    {
      mapping: JSON.stringify(mapping),
      state: 'uploaded',
      counts: '{}',
      progress_rows: 0,
      step_total: null,
      step_started_at: null,
      error: null,
    },
  )
  return presentRun((await q.findRun(trx, { id, kommune }))!)
}

/** GET /api/imports/mappings: the municipality's named mappings. */
export async function listPresets(deps: AppDeps, ctx: RequestContext) {
  const s = scope(ctx)
  return inTenant(deps.db, s, async (trx) => ({
    items: (await q.mappingPresets(trx, s.kommune)).map((p) => ({
      id: p.id,
      name: p.name,
      recordTypes: (p.sheets as PresetSheet[]).map((x) => x.recordType),
      updatedAt: new Date(p.updated_at).toISOString(),
    })),
  }))
}

/**
 * POST /api/imports/{id}/mapping/preset: the named mapping applied to this file. Each sheet takes
 * the record type whose saved headings it shares most; headings the preset does not know are
 * recognised as on upload.
 */
export async function applyPreset(deps: AppDeps, ctx: RequestContext, id: string, presetId: string) {
  const s = scope(ctx)
  return inTenant(deps.db, s, async (trx) => {
    const run = await requireRun(trx, s.kommune, id)
    if (!['uploaded', 'validated', 'failed'].includes(run.state))
      throw conflictState('Koblingen kan ikke endres nå')
    const preset = await q.mappingPreset(trx, s.kommune, presetId)
    if (!preset) throw notFound('Koblingen')
    const sheets = preset.sheets as PresetSheet[]
    const current = run.mapping as SheetMapping[]
    const mapping = (run.sheets as SheetHeaders[]).map((f): SheetMapping => {
      let best: PresetSheet | undefined
      let hits = 0
      for (const p of sheets) {
        const n = f.headers.filter((h) => p.columns[normalizeHeader(h)]).length
        if (n > hits) [best, hits] = [p, n]
      }
      if (!best)
        return (
          current.find((m) => m.name === f.name) ?? {
            name: f.name,
            recordType: null,
            columns: f.headers.map(() => null),
          }
        )
      const preset = best
      // The preset's choices first (an ignored column stays ignored); other headings as on upload.
      const known = f.headers.map((h) => normalizeHeader(h) in preset.columns)
      const columns = f.headers.map((h, i) =>
        known[i] ? (preset.columns[normalizeHeader(h)] ?? null) : null,
      )
      const used = new Set(columns.filter((c): c is string => !!c))
      f.headers.forEach((h, i) => {
        if (known[i]) return
        const field = fieldOfHeader(preset.recordType, h)
        if (field && !used.has(field)) {
          columns[i] = field
          used.add(field)
        }
      })
      return { name: f.name, recordType: best.recordType, columns }
    })
    await audit(trx, ctx, {
      action: 'import.mapping.apply',
      recordType: 'import',
      recordId: id,
      details: { presetId, name: preset.name },
    })
    return storeMapping(trx, s.kommune, id, mapping)
  })
}

/** POST /api/imports/{id}/validate: queues the dry run (background job). */
export async function startValidation(deps: AppDeps, ctx: RequestContext, id: string) {
  const s = scope(ctx)
  const view = await inTenant(deps.db, s, async (trx) => {
    const run = await requireRun(trx, s.kommune, id)
    if (!['uploaded', 'validated', 'failed'].includes(run.state))
      throw conflictState('Filen kan ikke kontrolleres nå')
    if (!(run.mapping as SheetMapping[]).some((m) => m.recordType))
      throw badRequest('Velg hva minst ett ark inneholder', [
        { path: 'body.sheets', message: 'Ingen ark er valgt' },
      ])
    await q.updateRun(
      trx,
      { id, kommune: s.kommune },
      { state: 'validate_queued', progress_rows: 0, step_total: null, step_started_at: null, error: null },
    )
    await queueImportStep(deps.jobs, trx, { id, kommune: s.kommune })
    return presentRun((await q.findRun(trx, { id, kommune: s.kommune }))!)
  })
  return view
}

/** POST /api/imports/{id}/commit: queues the commit; 'strict' refuses a dry run with errors. */
export async function startCommit(deps: AppDeps, ctx: RequestContext, id: string, mode: ImportMode) {
  const s = scope(ctx)
  const view = await inTenant(deps.db, s, async (trx) => {
    const run = await requireRun(trx, s.kommune, id)
    if (run.state !== 'validated' && !(run.state === 'failed' && run.validated_at))
      throw conflictState('Kjør kontrollen (prøveimport) før du importerer')
    const counts = run.counts as { errors?: number; valid?: number }
    if (mode === 'strict' && (counts.errors ?? 0) > 0)
      throw new AppError(
        409,
        'import-has-errors',
        `${counts.errors} rader har feil. Rett dem og last opp på nytt, eller velg «Importer bare gyldige rader».`,
      )
    if (!counts.valid) throw new AppError(409, 'import-nothing', 'Ingen nye gyldige rader å importere')
    // The commit's own progress: from 0 of the rows it will write (not the dry run's rows).
    await q.updateRun(
      trx,
      { id, kommune: s.kommune },
      {
        state: 'commit_queued',
        mode,
        error: null,
        progress_rows: 0,
        step_total: counts.valid,
        step_started_at: null,
      },
    )
    await queueImportStep(deps.jobs, trx, { id, kommune: s.kommune })
    await audit(trx, ctx, {
      action: 'import.commit-requested',
      recordType: 'import',
      recordId: id,
      details: { mode },
    })
    return presentRun((await q.findRun(trx, { id, kommune: s.kommune }))!)
  })
  return view
}

export async function cancel(deps: AppDeps, ctx: RequestContext, id: string) {
  const s = scope(ctx)
  return inTenant(deps.db, s, async (trx) => {
    const run = await requireRun(trx, s.kommune, id)
    if (['committing', 'commit_queued', 'committed', 'validating'].includes(run.state))
      throw conflictState('Importen kan ikke avbrytes nå')
    await q.deleteRows(trx, id, s.kommune)
    await q.updateRun(trx, { id, kommune: s.kommune }, { state: 'cancelled', file_data: null })
    await audit(trx, ctx, { action: 'import.cancel', recordType: 'import', recordId: id })
    return presentRun((await q.findRun(trx, { id, kommune: s.kommune }))!)
  })
}

/** GET /api/imports/{id}/rows: the dry-run report, row by row. */
export async function rows(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  query: z.output<typeof importRowsQuery>,
) {
  const s = scope(ctx)
  return inTenant(deps.db, s, async (trx) => {
    await requireRun(trx, s.kommune, id)
    const offset = query.after ?? 0
    const page = await q.rowsPage(
      trx,
      { runId: id, kommune: s.kommune, status: query.status, withIssues: query.withIssues },
      offset,
      query.limit + 1,
    )
    const items = page.slice(0, query.limit).map((r, i) => presentRow(r, offset + i))
    return { items, nextAfter: page.length > query.limit ? offset + query.limit : null }
  })
}
