import type { SubmissionMeta } from '../../../shared/api/reports'
import {
  addCounts,
  type CountRow,
  countsFromRows,
  emptyCounts,
  normalizeCounts,
  type WeeklyCounts,
} from '../../../shared/domain/weeklyReport'
import type { SubmissionRow, UnitRow } from './reports.queries'

/** What a submission freezes: the municipality's counts and those of every owner unit. */
export interface Figures {
  total: WeeklyCounts
  /** Keyed by owner unit (the municipality's own code for records it owns directly). */
  units: Record<string, WeeklyCounts>
}

export function freezeFigures(rows: readonly CountRow[]): Figures {
  const byUnit = new Map<string, CountRow[]>()
  for (const r of rows) {
    const list = byUnit.get(r.unit)
    if (list) list.push(r)
    else byUnit.set(r.unit, [r])
  }
  const units: Record<string, WeeklyCounts> = {}
  for (const [unit, list] of [...byUnit].sort(([a], [b]) => a.localeCompare(b)))
    units[unit] = countsFromRows(list)
  return { total: countsFromRows(rows), units }
}

export function readFigures(value: unknown): Figures {
  const v = (value ?? {}) as { total?: unknown; units?: Record<string, unknown> }
  const units: Record<string, WeeklyCounts> = {}
  for (const [k, c] of Object.entries(v.units ?? {})) units[k] = normalizeCounts(c)
  return { total: normalizeCounts(v.total), units }
}

/** A unit and every unit below it (a team under a bydel counts in the bydel). */
export function unitScope(units: readonly UnitRow[], unit: string): Set<string> {
  const scope = new Set([unit])
  let grew = true
  while (grew) {
    grew = false
    for (const u of units)
      if (u.parent_code && scope.has(u.parent_code) && !scope.has(u.code)) {
        scope.add(u.code)
        grew = true
      }
  }
  return scope
}

/** The counts of the rows in scope (null: all). */
export function countsInScope(rows: readonly CountRow[], scope: Set<string> | null): WeeklyCounts {
  return countsFromRows(scope ? rows.filter((r) => scope.has(r.unit)) : rows)
}

/** The frozen counts of a scope: the total, or the sum of the units in scope. */
export function figuresInScope(f: Figures, scope: Set<string> | null): WeeklyCounts {
  if (!scope) return f.total
  let out = emptyCounts()
  for (const [unit, c] of Object.entries(f.units)) if (scope.has(unit)) out = addCounts(out, c)
  return out
}

export const presentUnit = (u: UnitRow) => ({ code: u.code, name: u.name, kind: u.kind })

export function presentMeta(s: SubmissionRow): SubmissionMeta {
  return {
    version: s.version,
    submittedAt: new Date(s.submitted_at).toISOString(),
    submittedBy: s.submitted_by,
    reason: s.reason,
  }
}
