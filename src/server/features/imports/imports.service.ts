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
import { inTenant } from '../../db/tenant'
import { AppError, badRequest, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { assertKommuneActive } from '../../policy/kommune-active'
import { authorize } from '../../policy/policy'
import { detectKind, type FileKind, refused } from './imports.file'
import {
  autoColumns,
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
  return { kind, encoding: format?.encoding ?? null, delimiter: format?.delimiter ?? null, sheets }
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
    const fileSheets = run.sheets as { name: string; headers: string[] }[]
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
    await q.deleteRows(trx, id, s.kommune)
    await q.updateRun(
      trx,
      { id, kommune: s.kommune },
      {
        mapping: JSON.stringify(mapping),
        state: 'uploaded',
        counts: '{}',
        progress_rows: 0,
        error: null,
      },
    )
    return presentRun((await q.findRun(trx, { id, kommune: s.kommune }))!)
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
      { state: 'validate_queued', progress_rows: 0, error: null },
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
    await q.updateRun(trx, { id, kommune: s.kommune }, { state: 'commit_queued', mode, error: null })
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
