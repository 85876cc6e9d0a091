import ExcelJS from 'exceljs'
import { EXPOSURE_SETTINGS } from '../../../shared/api/codes'
import type { WeeklyReportViewDto, WeeklySummaryDto } from '../../../shared/api/reports'
import type { Cell, Share } from '../../../shared/domain/weeklyReport'
import { csvFile } from '../../csv/norwegian-csv'

/** A value of an export cell: text, a count, a share (fraction) or empty. */
export type ExportValue = string | number | { share: number } | null

const SUPPRESSED = 'skjult'

const count = (c: Cell | undefined): ExportValue => (c === undefined ? null : c)
const shareValue = (s: Share | undefined): ExportValue =>
  s === undefined || s === null ? null : s === 'suppressed' ? SUPPRESSED : { share: s }

const SUMMARY_HEADERS = [
  'Nye tilfeller',
  'Sannsynlige tilfeller',
  'Bekreftede tilfeller',
  'Nye nærkontakter',
  'Nærkontakter registrert i uka',
  'Kjent eksponering for nærkontakt (antall)',
  'Kjent eksponering for nærkontakt (andel)',
  'Knyttet til utbrudd (antall)',
  'Knyttet til utbrudd (andel)',
]

/** Column headers: the identifying columns, the headline cells and, optionally, every setting's cells. */
export function reportHeaders(fixed: string[], withSettings: boolean): string[] {
  const settings = withSettings
    ? EXPOSURE_SETTINGS.flatMap((s) => [
        `${s.nb}: bekreftede`,
        `${s.nb}: kjent nærkontakt (antall)`,
        `${s.nb}: kjent nærkontakt (andel)`,
        `${s.nb}: utbrudd (antall)`,
        `${s.nb}: utbrudd (andel)`,
      ])
    : []
  return [...fixed, ...SUMMARY_HEADERS, ...settings]
}

/** One export row: the identifying values, then the report's cells (empty when there is no report). */
export function reportRow(
  fixed: ExportValue[],
  view: WeeklyReportViewDto | WeeklySummaryDto | null,
  withSettings: boolean,
): ExportValue[] {
  const v = view as Partial<WeeklyReportViewDto> | null
  const summary: ExportValue[] = [
    count(v?.cases),
    count(v?.probable),
    count(v?.confirmed),
    count(v?.contacts),
    count(v?.registered),
    count(v?.knownContact),
    shareValue(v?.knownContactShare),
    count(v?.outbreak),
    shareValue(v?.outbreakShare),
  ]
  const settings = withSettings
    ? EXPOSURE_SETTINGS.flatMap((s) => {
        const line = v?.settings?.find((l) => l.setting === s.code)
        return [
          count(line?.confirmed),
          count(line?.knownContact),
          shareValue(line?.knownContactShare),
          count(line?.outbreak),
          shareValue(line?.outbreakShare),
        ]
      })
    : []
  return [...fixed, ...summary, ...settings]
}

/** CSV for Norwegian Excel: BOM, ';', CRLF; shares as percent with decimal comma (12,5). */
export function toCsv(headers: string[], rows: ExportValue[][]): string {
  const text = (v: ExportValue) =>
    v === null
      ? ''
      : typeof v === 'object'
        ? (Math.round(v.share * 1000) / 10).toFixed(1).replace('.', ',')
        : String(v)
  return csvFile([headers, ...rows.map((r) => r.map(text))])
}

/** XLSX with one sheet: counts as numbers, shares as numbers formatted 0.0 %. */
export async function toXlsx(sheetName: string, headers: string[], rows: ExportValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Smittespor'
  const ws = wb.addWorksheet(sheetName.slice(0, 31))
  ws.addRow(headers).font = { bold: true }
  for (const r of rows) {
    const row = ws.addRow(r.map((v) => (v !== null && typeof v === 'object' ? v.share : v)))
    r.forEach((v, i) => {
      if (v !== null && typeof v === 'object') row.getCell(i + 1).numFmt = '0.0%'
    })
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const
