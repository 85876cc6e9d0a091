import type { ImportIssue, ImportRun } from '../../../shared/api/imports'
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
