import type { z } from 'zod'
import { EXPOSURE_SETTINGS } from '../../../shared/api/codes'
import {
  type ReportTableDto,
  type SavedReportDefinition,
  type SavedReportDto,
  type savedReportBody,
  savedReportDefinition,
  type savedReportUpdate,
} from '../../../shared/api/dashboards'
import { addDaysOslo } from '../../../shared/domain/dates'
import { isoWeekOf, weekRange } from '../../../shared/domain/isoWeek'
import { tabulate } from '../../../shared/domain/reportTable'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, conflict, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { CONTENT_TYPES, type ExportValue, toCsv, toXlsx } from '../reports/reports.export'
import { countRows, kommuneName } from '../reports/reports.queries'
import { reportScope, resolveUnit, todayOslo } from '../reports/reports.service'
import { weeksOf } from './dashboards.service'

/** Saved report definitions (*faste rapporter*) of the active municipality. */

type Row = Awaited<ReturnType<typeof findSaved>>

async function findSaved(trx: Trx, kommune: string, id: string) {
  return trx
    .selectFrom('saved_reports as s')
    .leftJoin('users as u', 'u.id', 's.created_by')
    .select([
      's.id',
      's.name',
      's.definition',
      's.version',
      's.created_at',
      's.updated_at',
      'u.name as created_by',
    ])
    .where('s.kommune', '=', kommune)
    .where('s.id', '=', id)
    .executeTakeFirst()
}

function present(r: NonNullable<Row>): SavedReportDto {
  const def = savedReportDefinition.safeParse(r.definition)
  return {
    id: r.id,
    name: r.name,
    // A definition stored by an older version of the app falls back to a plain weekly table.
    definition: def.success
      ? def.data
      : { period: { kind: 'relative', weeks: 8 }, unit: null, measures: ['cases'], breakdown: 'week' },
    version: r.version,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  }
}

const nameTaken = () =>
  new AppError(409, 'name-taken', 'Det finnes allerede en fast rapport med dette navnet', {
    errors: [{ path: 'body.name', message: 'Navnet er i bruk' }],
  })
const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505'

export async function listSaved(deps: AppDeps, ctx: RequestContext) {
  const { kommune, userId } = reportScope(ctx, 'report.read')
  return inTenant(deps.db, { kommune, userId }, async (trx) => {
    const ids = await trx
      .selectFrom('saved_reports')
      .select('id')
      .where('kommune', '=', kommune)
      .orderBy('name')
      .execute()
    const rows = await Promise.all(ids.map((r) => findSaved(trx, kommune, r.id)))
    return { items: rows.filter((r) => r !== undefined).map(present) }
  })
}

export async function createSaved(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.output<typeof savedReportBody>,
) {
  const { kommune, userId } = reportScope(ctx, 'report.save')
  return inTenant(deps.db, { kommune, userId }, async (trx) => {
    const created = await trx
      .insertInto('saved_reports')
      .values({ kommune, name: body.name, definition: JSON.stringify(body.definition), created_by: userId })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((err) => {
        throw isUniqueViolation(err) ? nameTaken() : err
      })
    return present((await findSaved(trx, kommune, created.id))!)
  })
}

export async function updateSaved(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof savedReportUpdate>,
) {
  const { kommune, userId } = reportScope(ctx, 'report.save')
  return inTenant(deps.db, { kommune, userId }, async (trx) => {
    const before = await findSaved(trx, kommune, id)
    if (!before) throw notFound('Rapporten')
    if (before.version !== body.version) throw conflict(present(before))
    await trx
      .updateTable('saved_reports')
      .set({
        name: body.name,
        definition: JSON.stringify(body.definition),
        updated_at: new Date(),
        version: body.version + 1,
      })
      .where('id', '=', id)
      .where('kommune', '=', kommune)
      .execute()
      .catch((err) => {
        throw isUniqueViolation(err) ? nameTaken() : err
      })
    return present((await findSaved(trx, kommune, id))!)
  })
}

export async function deleteSaved(deps: AppDeps, ctx: RequestContext, id: string) {
  const { kommune, userId } = reportScope(ctx, 'report.save')
  await inTenant(deps.db, { kommune, userId }, async (trx) => {
    const res = await trx
      .deleteFrom('saved_reports')
      .where('id', '=', id)
      .where('kommune', '=', kommune)
      .executeTakeFirst()
    if (Number(res.numDeletedRows) === 0) throw notFound('Rapporten')
  })
  return { deleted: true }
}

/** The period of a definition as dates: a relative period ends with the current week. */
export function periodOf(def: SavedReportDefinition, today: string) {
  if (def.period.kind === 'fixed') return { from: def.period.from, to: def.period.to }
  const end = weekRange(isoWeekOf(today).key).end
  return { from: addDaysOslo(weekRange(isoWeekOf(today).key).start, -7 * (def.period.weeks - 1)), to: end }
}

const SETTING_NAMES = new Map<string, string>(EXPOSURE_SETTINGS.map((s) => [s.code, s.nb]))

async function runSaved(trx: Trx, kommune: string, saved: SavedReportDto): Promise<ReportTableDto> {
  const def = saved.definition
  const { from, to } = periodOf(def, todayOslo())
  const { units, scope } = await resolveUnit(trx, kommune, def.unit ?? undefined)
  const rows = (await countRows(trx, { from, to, kommune })).filter((r) => !scope || scope.has(r.unit))
  const unitNames = new Map(units.map((u) => [u.code, u.name]))
  unitNames.set(kommune, `${await kommuneName(trx, kommune)} (kommunen direkte)`)
  const keys =
    def.breakdown === 'week'
      ? weeksOf(from, to)
      : def.breakdown === 'unit'
        ? [...(scope ?? unitNames.keys())]
        : undefined
  const label = (key: string) =>
    key === 'total'
      ? 'Sum'
      : def.breakdown === 'setting'
        ? (SETTING_NAMES.get(key) ?? key)
        : def.breakdown === 'unit'
          ? (unitNames.get(key) ?? key)
          : key
  return {
    name: saved.name,
    from,
    to,
    breakdown: def.breakdown,
    measures: def.measures,
    rows: tabulate(rows, { breakdown: def.breakdown, measures: def.measures, keys, label }),
  }
}

/** GET /api/reports/saved/:id/table: the saved selection computed now. */
export async function savedTable(deps: AppDeps, ctx: RequestContext, id: string) {
  const { kommune, userId } = reportScope(ctx, 'report.read')
  return inTenant(deps.db, { kommune, userId }, async (trx) => {
    const row = await findSaved(trx, kommune, id)
    if (!row) throw notFound('Rapporten')
    return runSaved(trx, kommune, present(row))
  })
}

const MEASURE_HEADERS: Record<string, string> = {
  cases: 'Nye tilfeller',
  probable: 'Sannsynlige tilfeller',
  confirmed: 'Bekreftede tilfeller',
  contacts: 'Nye nærkontakter',
  knownContact: 'Kjent eksponering for nærkontakt',
  knownContactShare: 'Andel kjent nærkontakt',
  outbreak: 'Knyttet til utbrudd',
  outbreakShare: 'Andel utbrudd',
}

/** GET /api/reports/saved/:id/export: the table as CSV or XLSX (audited). */
export async function exportSaved(deps: AppDeps, ctx: RequestContext, id: string, format: 'csv' | 'xlsx') {
  const { kommune, userId } = reportScope(ctx, 'report.read')
  return inTenant(deps.db, { kommune, userId }, async (trx) => {
    const row = await findSaved(trx, kommune, id)
    if (!row) throw notFound('Rapporten')
    const table = await runSaved(trx, kommune, present(row))
    const headers = ['Rad', ...table.measures.map((m) => MEASURE_HEADERS[m] ?? m)]
    const rows: ExportValue[][] = table.rows.map((r) => [
      r.label,
      ...r.values.map(
        (v, i): ExportValue => (v !== null && table.measures[i]!.endsWith('Share') ? { share: v } : v),
      ),
    ])
    await audit(trx, ctx, {
      action: 'report.export',
      recordType: 'saved-report',
      recordId: id,
      details: { format },
    })
    const body = format === 'csv' ? toCsv(headers, rows) : await toXlsx(table.name, headers, rows)
    return {
      file: `fast-rapport-${kommune}-${table.from}-${table.to}.${format}`,
      body,
      contentType: CONTENT_TYPES[format],
    }
  })
}
