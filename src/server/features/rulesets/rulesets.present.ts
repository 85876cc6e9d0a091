import type { Selectable } from 'kysely'
import type { RuleSetCreate, RuleSetView } from '../../../shared/api/rulesets'
import type { RuleSet } from '../../../shared/domain/measures'
import type { RuleSetsTable } from '../../db/schema'
import type { RuleSetColumns, RuleSetRow } from './rulesets.queries'

/** A stored rule set as the pure domain type that computes measures. */
export function toDomain(r: Selectable<RuleSetsTable>): RuleSet {
  return {
    id: r.id,
    name: r.name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    source: r.source,
    quarantine:
      r.quarantine_days === null
        ? null
        : {
            days: r.quarantine_days,
            from: 'last-exposure',
            testOutDay: r.quarantine_test_out_day,
            callDays: r.quarantine_call_days,
          },
    isolation:
      r.isolation_days === null
        ? null
        : {
            days: r.isolation_days,
            from: 'onset-or-test',
            callDays: r.isolation_call_days,
            ...(r.isolation_min_symptom_free_days
              ? { minSymptomFreeDays: r.isolation_min_symptom_free_days }
              : {}),
          },
  }
}

/** API input → domain type (for `ruleSetProblems` before anything is written). */
export function inputToDomain(id: string, input: Omit<RuleSetCreate, 'id'>): RuleSet {
  return {
    id,
    name: input.name,
    validFrom: input.validFrom,
    validTo: input.validTo,
    source: input.source,
    quarantine: input.quarantine
      ? {
          days: input.quarantine.days,
          from: 'last-exposure',
          testOutDay: input.quarantine.testOutDay,
          callDays: (input.quarantine.callDays as number[] | null | undefined) ?? null,
        }
      : null,
    isolation: input.isolation
      ? {
          days: input.isolation.days,
          from: 'onset-or-test',
          callDays: (input.isolation.callDays as number[] | null | undefined) ?? null,
          ...(input.isolation.minSymptomFreeDays
            ? { minSymptomFreeDays: input.isolation.minSymptomFreeDays }
            : {}),
        }
      : null,
  }
}

export function toColumns(r: RuleSet): RuleSetColumns {
  return {
    id: r.id,
    name: r.name,
    valid_from: r.validFrom,
    valid_to: r.validTo,
    source: r.source,
    quarantine_days: r.quarantine?.days ?? null,
    quarantine_test_out_day: r.quarantine?.testOutDay ?? null,
    isolation_days: r.isolation?.days ?? null,
    isolation_min_symptom_free_days: r.isolation?.minSymptomFreeDays ?? null,
    quarantine_call_days: r.quarantine?.callDays ?? null,
    isolation_call_days: r.isolation?.callDays ?? null,
  }
}

export function presentRuleSet(r: RuleSetRow, usage: number): RuleSetView {
  const d = toDomain(r)
  return {
    id: r.id,
    name: r.name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    source: r.source,
    quarantine: d.quarantine
      ? {
          days: d.quarantine.days,
          testOutDay: d.quarantine.testOutDay,
          callDays: d.quarantine.callDays ?? null,
        }
      : null,
    isolation: d.isolation
      ? {
          days: d.isolation.days,
          minSymptomFreeDays: d.isolation.minSymptomFreeDays ?? null,
          callDays: d.isolation.callDays ?? null,
        }
      : null,
    usage,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
    updatedBy: r.updated_by ? { id: r.updated_by, name: r.updated_by_name ?? '' } : null,
  }
}

/** Where a `ruleSetProblems` message belongs in the form. */
export function problemPath(message: string): string {
  if (message.includes('gjelder samtidig') || message.includes('fra-dato')) return 'body.validFrom'
  if (message.includes('til-dato')) return 'body.validTo'
  if (message.includes('test ut')) return 'body.quarantine.testOutDay'
  if (message.includes('karantenetiden')) return 'body.quarantine.days'
  if (message.includes('isolasjonstiden')) return 'body.isolation.days'
  if (message.includes('finnes flere ganger')) return 'body.id'
  return 'body'
}
