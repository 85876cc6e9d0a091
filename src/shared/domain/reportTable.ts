import { isoWeekOf } from './isoWeek'
import { type CountRow, countsFromRows, REPORT_SETTINGS, share, totals } from './weeklyReport'

/**
 * Saved reports (*faste rapporter*): a chosen set of measures broken down by week, exposure
 * setting or sub-unit, computed from the same count rows as the weekly report.
 */
export const REPORT_MEASURES = [
  'cases',
  'probable',
  'confirmed',
  'contacts',
  'knownContact',
  'knownContactShare',
  'outbreak',
  'outbreakShare',
] as const
export type ReportMeasure = (typeof REPORT_MEASURES)[number]
export type Breakdown = 'week' | 'setting' | 'unit'

export interface TableRow {
  key: string
  label: string
  /** One value per measure; null where the measure has no value (a share without cases, contacts per setting). */
  values: (number | null)[]
}

/** The measures of a group of count rows. Contacts have no exposure setting: null per setting. */
export function measureValues(rows: CountRow[], measures: readonly ReportMeasure[], perSetting = false) {
  const c = countsFromRows(rows)
  const t = totals(c)
  const all: Record<ReportMeasure, number | null> = {
    cases: c.cases,
    probable: c.probable,
    confirmed: c.confirmed,
    contacts: perSetting ? null : c.contacts,
    knownContact: t.knownContact,
    knownContactShare: share(t.knownContact, c.confirmed),
    outbreak: t.outbreak,
    outbreakShare: share(t.outbreak, c.confirmed),
  }
  return measures.map((m) => all[m])
}

/**
 * Rows of a saved report. `keys` lists the rows to show in order (every week of the period, every
 * sub-unit), so that empty weeks or units appear with zeros; settings always come in report order.
 * A sum row ('total') closes the table.
 */
export function tabulate(
  rows: readonly CountRow[],
  options: {
    breakdown: Breakdown
    measures: readonly ReportMeasure[]
    keys?: readonly string[]
    label?: (key: string) => string
  },
): TableRow[] {
  const keyOf = (r: CountRow): string | null =>
    options.breakdown === 'week'
      ? isoWeekOf(r.weekStart).key
      : options.breakdown === 'unit'
        ? r.unit
        : r.setting === null
          ? null
          : (REPORT_SETTINGS.find((s) => s === r.setting) ?? 'unknown')
  const groups = new Map<string, CountRow[]>()
  for (const r of rows) {
    const key = keyOf(r)
    if (key === null) continue
    const list = groups.get(key) ?? []
    list.push(r)
    groups.set(key, list)
  }
  const keys =
    options.breakdown === 'setting'
      ? [...REPORT_SETTINGS]
      : [...new Set([...(options.keys ?? []), ...[...groups.keys()].sort()])]
  const perSetting = options.breakdown === 'setting'
  const label = options.label ?? ((k: string) => k)
  const out = keys.map((key) => ({
    key,
    label: label(key),
    values: measureValues(groups.get(key) ?? [], options.measures, perSetting),
  }))
  out.push({ key: 'total', label: label('total'), values: measureValues([...rows], options.measures) })
  return out
}
