import ExcelJS from 'exceljs'
import type { ImportIssue, SheetMapping } from '../../../shared/api/imports'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant } from '../../db/tenant'
import { notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { authorize } from '../../policy/policy'
import { unmappedColumns } from './imports.mapping'
import * as q from './imports.queries'

const STATUS_LABELS = {
  valid: 'Gyldig',
  error: 'Feil',
  duplicate: 'Hoppes over',
  imported: 'Importert',
} as const
const SEVERITY = { error: 'Feil', warning: 'Advarsel', info: 'Info' } as const

/**
 * GET /api/imports/{id}/report.xlsx: the dry-run report to fix the file by — one sheet with a
 * line per problem (sheet, row, column, message) and one per file sheet with the row as it was
 * and its status, problem cells coloured.
 */
export async function reportXlsx(deps: AppDeps, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'import.run')
  const kommune = ctx.actor.kommune!
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const run = await q.findRun(trx, { id, kommune })
    if (!run) throw notFound('Importen')
    const wb = new ExcelJS.Workbook()
    const problems = wb.addWorksheet('Problemer')
    problems.columns = [
      { header: 'Ark', width: 16 },
      { header: 'Rad', width: 8 },
      { header: 'Kolonne', width: 24 },
      { header: 'Alvorlighet', width: 12 },
      { header: 'Melding', width: 90 },
    ]
    problems.getRow(1).font = { bold: true }
    const sheets = run.sheets as { name: string; headers: string[] }[]
    for (const w of unmappedColumns(run.mapping as SheetMapping[], sheets))
      problems.addRow([w.sheet, null, w.column, SEVERITY.warning, w.message])
    const perSheet = new Map<string, ExcelJS.Worksheet>()
    let offset = 0
    for (;;) {
      const page = await q.rowsPage(trx, { runId: id, kommune }, offset, 2000)
      for (const r of page) {
        const issues = (r.issues ?? []) as ImportIssue[]
        for (const i of issues)
          problems.addRow([r.sheet, r.row_number, i.column ?? '', SEVERITY[i.severity], i.message])
        let ws = perSheet.get(r.sheet)
        const headers = sheets.find((s) => s.name === r.sheet)?.headers ?? []
        if (!ws) {
          ws = wb.addWorksheet(r.sheet.slice(0, 31).replace(/[\\/?*[\]:]/g, '_'))
          ws.addRow(['Rad', 'Status', 'Meldinger', ...headers]).font = { bold: true }
          perSheet.set(r.sheet, ws)
        }
        const row = ws.addRow([
          r.row_number,
          STATUS_LABELS[r.status],
          issues.map((i) => (i.column ? `${i.column}: ${i.message}` : i.message)).join('\n'),
          ...((r.raw ?? []) as string[]),
        ])
        for (const i of issues) {
          const col = i.column ? headers.indexOf(i.column) : -1
          if (col >= 0 && i.severity === 'error')
            row.getCell(col + 4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } }
        }
      }
      if (page.length < 2000) break
      offset += page.length
    }
    await audit(trx, ctx, { action: 'import.report', recordType: 'import', recordId: id })
    const buffer = Buffer.from(await wb.xlsx.writeBuffer())
    return {
      buffer,
      filename: `kontroll-${run.file_name.replace(/\.[^.]+$/, '').replace(/[^\wæøåÆØÅ.-]+/g, '_')}.xlsx`,
    }
  })
}
