import ExcelJS from 'exceljs'
import type { z } from 'zod'
import {
  EXPORT_COLUMNS,
  EXPORT_MAX_ROWS,
  EXPORT_TYPE_LABELS,
  type ExportType,
  type exportQuery,
} from '../../../shared/api/exports'
import { formatNorwegianDate, osloDate } from '../../../shared/domain/dates'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { csvFile } from '../../csv/norwegian-csv'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, badRequest } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { authorize } from '../../policy/policy'
import { countLineList, type ExportFilter, lineList } from './exports.queries'

type Query = z.output<typeof exportQuery>
type Column = (typeof EXPORT_COLUMNS)[ExportType][number]

/** The chosen columns per type, in the order of EXPORT_COLUMNS; unknown ones are a 400. */
function chosenColumns(q: Query): Map<ExportType, Column[]> {
  const out = new Map<ExportType, Column[]>()
  const unknown = (q.columns ?? []).filter((c) => {
    const [t, k] = c.split('.') as [ExportType, string]
    return !q.types.includes(t) || !EXPORT_COLUMNS[t]?.some((x) => x.key === k)
  })
  if (unknown.length)
    throw badRequest('Ukjente kolonner', [
      { path: 'querystring.columns', message: `Ukjent kolonne: ${unknown.join(', ')}` },
    ])
  for (const t of q.types) {
    const chosen = q.columns?.filter((c) => c.startsWith(`${t}.`)).map((c) => c.slice(t.length + 1))
    out.set(
      t,
      EXPORT_COLUMNS[t].filter((c) => !chosen?.length || chosen.includes(c.key)),
    )
  }
  return out
}

/** GET /api/exports/line-list: XLSX (a sheet per type) or CSV (one type), audited. */
export async function exportLineList(deps: AppDeps, ctx: RequestContext, q: Query) {
  authorize(ctx.actor, 'export.run')
  const kommune = ctx.actor.kommune!
  if (q.format === 'csv' && q.types.length > 1)
    throw badRequest('CSV har plass til én type', [
      { path: 'querystring.types', message: 'Velg én type for CSV, eller XLSX' },
    ])
  const columns = chosenColumns(q)
  const filter: ExportFilter = { kommune, from: q.from, to: q.to, status: q.status }
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    await assertWithinCap(trx, q.types, filter)
    const data = new Map<ExportType, Record<string, unknown>[]>()
    for (const t of q.types) data.set(t, await lineList(trx, t, filter))
    await audit(trx, ctx, {
      action: 'export.line-list',
      recordType: 'export',
      details: {
        format: q.format,
        types: q.types,
        columns: Object.fromEntries([...columns].map(([t, cs]) => [t, cs.map((c) => c.key)])),
        filters: { from: q.from ?? null, to: q.to ?? null, status: q.status ?? null },
        rows: Object.fromEntries([...data].map(([t, rows]) => [t, rows.length])),
      },
    })
    const stamp = osloDate(new Date())
    const base = `smittespor-${kommune}-${q.types.join('-')}-${stamp}`
    if (q.format === 'csv') {
      const t = q.types[0]!
      return {
        filename: `${base}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: toCsv(columns.get(t)!, data.get(t)!),
      }
    }
    return {
      filename: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await toXlsx(columns, data),
    }
  })
}

/** Counts first: a selection over EXPORT_MAX_ROWS is refused before any row is read. */
async function assertWithinCap(trx: Trx, types: readonly ExportType[], filter: ExportFilter) {
  let rows = 0
  for (const t of types) rows += await countLineList(trx, t, filter)
  if (rows > EXPORT_MAX_ROWS) throw exportTooLarge(rows)
}

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ' ')

export const exportTooLarge = (rows: number) =>
  new AppError(
    422,
    'export-too-large',
    `Utvalget er for stort – avgrens med filter (maks ${thousands(EXPORT_MAX_ROWS)} rader)`,
    {
      detail: `Utvalget har ${thousands(rows)} rader. Velg færre typer, et kortere tidsrom (fra–til) eller en status.`,
      rows,
      maxRows: EXPORT_MAX_ROWS,
    },
  )

function cellText(c: Column, v: unknown): string {
  if (v === null || v === undefined) return ''
  if (c.kind === 'boolean') return v ? 'Ja' : 'Nei'
  if (c.kind === 'date') return formatNorwegianDate(String(v).slice(0, 10))
  if (c.kind === 'datetime') {
    const d = new Date(v as string)
    const time = d.toLocaleTimeString('nb-NO', {
      timeZone: 'Europe/Oslo',
      hour: '2-digit',
      minute: '2-digit',
    })
    return `${formatNorwegianDate(osloDate(d))} ${time}`
  }
  return String(v)
}

/** The line list in the app's one Norwegian-Excel CSV setting. */
export function toCsv(columns: Column[], rows: Record<string, unknown>[]): Buffer {
  const body = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => cellText(c, r[c.key])))]
  return Buffer.from(csvFile(body), 'utf8')
}

async function toXlsx(columns: Map<ExportType, Column[]>, data: Map<ExportType, Record<string, unknown>[]>) {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Smittespor'
  for (const [t, cols] of columns) {
    const ws = wb.addWorksheet(EXPORT_TYPE_LABELS[t], { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = cols.map((c) => ({ header: c.header, width: Math.max(12, c.header.length + 2) }))
    ws.getRow(1).font = { bold: true }
    cols.forEach((c, i) => {
      if (c.kind === 'date') ws.getColumn(i + 1).numFmt = 'dd.mm.yyyy'
      if (c.kind === 'datetime') ws.getColumn(i + 1).numFmt = 'dd.mm.yyyy hh:mm'
    })
    for (const r of data.get(t) ?? [])
      ws.addRow(
        cols.map((c) => {
          const v = r[c.key]
          if (v === null || v === undefined) return null
          if (c.kind === 'date') return new Date(`${String(v).slice(0, 10)}T00:00:00Z`)
          if (c.kind === 'datetime') return wallClock(new Date(v as string))
          if (c.kind === 'boolean') return v ? 'Ja' : 'Nei'
          if (c.kind === 'number') return Number(v)
          return String(v)
        }),
      )
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Excel has no time zones: write the Oslo wall-clock time. */
function wallClock(d: Date) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d)
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value)
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')))
}
