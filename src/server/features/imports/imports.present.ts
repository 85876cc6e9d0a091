import type { ImportIssue, ImportRun } from '../../../shared/api/imports'
import { unmappedColumns } from './imports.mapping'
import type { RunRow } from './imports.queries'

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

export function presentRun(r: RunRow): ImportRun {
  return {
    id: r.id,
    fileName: r.file_name,
    fileKind: r.file_kind,
    fileSize: r.file_size,
    fileSha256: r.file_sha256,
    encoding: r.encoding,
    delimiter: r.delimiter,
    state: r.state,
    mode: r.mode,
    progressRows: r.progress_rows,
    totalRows: r.total_rows,
    counts: (r.counts ?? {}) as ImportRun['counts'],
    error: r.error,
    sheets: (r.sheets ?? []) as ImportRun['sheets'],
    mapping: (r.mapping ?? []) as ImportRun['mapping'],
    columnWarnings: unmappedColumns(
      (r.mapping ?? []) as ImportRun['mapping'],
      (r.sheets ?? []) as ImportRun['sheets'],
    ),
    progress: progressOf(r),
    createdBy: { id: r.created_by, name: r.created_by_name },
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    validatedAt: iso(r.validated_at),
    committedAt: iso(r.committed_at),
  }
}

export function presentRow(
  r: {
    record_type: 'cases' | 'contacts' | 'events' | 'participants'
    sheet: string
    row_number: number
    status: 'valid' | 'error' | 'duplicate' | 'imported'
    issues: unknown
    record_id: string | null
  },
  seq: number,
) {
  return {
    recordType: r.record_type,
    sheet: r.sheet,
    rowNumber: r.row_number,
    status: r.status,
    issues: (r.issues ?? []) as ImportIssue[],
    recordId: r.record_id,
    seq,
  }
}

/** Rows per second since the step began and the time left at that speed (commit: of its valid rows). */
export function progressOf(
  r: Pick<RunRow, 'step_started_at' | 'step_total' | 'progress_rows' | 'state'>,
  now = Date.now(),
) {
  const total = r.state === 'validating' || r.state === 'validate_queued' ? null : r.step_total
  const started = r.step_started_at ? new Date(r.step_started_at).getTime() : null
  const seconds = started ? (now - started) / 1000 : 0
  const busy = r.state === 'validating' || r.state === 'committing'
  const rate = busy && seconds > 0.5 && r.progress_rows > 0 ? r.progress_rows / seconds : null
  const left = rate && total != null ? Math.max(0, Math.ceil((total - r.progress_rows) / rate)) : null
  return { total, rowsPerSecond: rate === null ? null : Math.round(rate), secondsLeft: left }
}
