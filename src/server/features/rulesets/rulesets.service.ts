import type { Selectable } from 'kysely'
import type { RuleSetCreate, RuleSetUpdate } from '../../../shared/api/rulesets'
import type { RuleSet } from '../../../shared/domain/measures'
import { ruleSetProblems } from '../../../shared/domain/ruleSets'
import { audit, diffFields } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import type { Database } from '../../db/kysely'
import type { RuleSetsTable } from '../../db/schema'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, conflict, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { authorize } from '../../policy/policy'
import { inputToDomain, presentRuleSet, problemPath, toColumns, toDomain } from './rulesets.present'
import * as q from './rulesets.queries'

/** Every rule set as the domain type: what measures are computed with. */
export async function loadRuleSets(db: Database | Trx): Promise<RuleSet[]> {
  return (await q.listRuleSets(db)).map(toDomain)
}

export async function listRuleSets(deps: AppDeps, ctx: RequestContext) {
  authorize(ctx.actor, 'rulesets.read')
  const rows = await q.listRuleSets(deps.db)
  const items = await Promise.all(rows.map(async (r) => presentRuleSet(r, await q.usage(deps.db, r.id))))
  return { items, problems: ruleSetProblems(rows.map(toDomain)) }
}

export async function ruleSetHistory(deps: AppDeps, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'rulesets.read')
  const rows = await q.listHistory(deps.db, id)
  if (rows.length === 0) throw notFound('Regelsettet')
  return {
    items: rows.map((h) => ({
      version: h.version,
      change: h.change,
      snapshot: (typeof h.snapshot === 'string' ? JSON.parse(h.snapshot) : h.snapshot) as Record<
        string,
        unknown
      >,
      changedBy: h.changed_by ? { id: h.changed_by, name: h.changed_by_name ?? '' } : null,
      changedAt: new Date(h.changed_at).toISOString(),
    })),
  }
}

/** 400 naming the field for each problem the candidate list has with the set being saved. */
async function assertNoProblems(trx: Trx, candidate: RuleSet) {
  const others = (await loadRuleSets(trx)).filter((r) => r.id !== candidate.id)
  const problems = ruleSetProblems([...others, candidate]).filter((p) => p.includes(`«${candidate.id}»`))
  if (problems.length > 0)
    throw new AppError(400, 'validation', 'Regelsettet kan ikke lagres', {
      errors: problems.map((message) => ({ path: problemPath(message), message })),
    })
}

export async function createRuleSet(deps: AppDeps, ctx: RequestContext, body: RuleSetCreate) {
  authorize(ctx.actor, 'rulesets.manage')
  const userId = ctx.actor.userId
  return inTenant(deps.db, { kommune: null, userId }, async (trx) => {
    await q.lockRuleSets(trx)
    if (await q.findRuleSet(trx, body.id))
      throw new AppError(400, 'validation', 'Regelsettet kan ikke lagres', {
        errors: [{ path: 'body.id', message: 'Det finnes allerede et regelsett med denne id-en' }],
      })
    const candidate = inputToDomain(body.id, body)
    await assertNoProblems(trx, candidate)
    const row = await q.insertRuleSet(trx, toColumns(candidate), userId)
    await q.insertHistory(trx, row, 'create', userId)
    await audit(trx, ctx, {
      action: 'ruleset.create',
      recordType: 'rule_set',
      recordId: row.id,
      kommune: null,
      changes: diffFields({}, auditable(row)),
    })
    return presentRuleSet((await q.findRuleSet(trx, row.id))!, 0)
  })
}

const FROZEN = [
  'valid_from',
  'quarantine_days',
  'quarantine_test_out_day',
  'isolation_days',
  'isolation_min_symptom_free_days',
  'quarantine_call_days',
  'isolation_call_days',
] as const

/**
 * Saves a whole rule set. Once a measure used it, the figures and the start date are frozen (a
 * computed end date must stay explainable); name, source and end date can still change, which is
 * how the operator closes a period before adding the next one.
 */
export async function updateRuleSet(deps: AppDeps, ctx: RequestContext, id: string, body: RuleSetUpdate) {
  authorize(ctx.actor, 'rulesets.manage')
  const userId = ctx.actor.userId
  return inTenant(deps.db, { kommune: null, userId }, async (trx) => {
    await q.lockRuleSets(trx)
    const before = await q.findRuleSet(trx, id)
    if (!before) throw notFound('Regelsettet')
    const used = await q.usage(trx, id)
    if (before.version !== body.version) throw conflict(presentRuleSet(before, used))
    const candidate = inputToDomain(id, body)
    const { id: _id, ...values } = toColumns(candidate)
    // Arrays (call days) compare by content.
    const frozen = FROZEN.filter(
      (c) => JSON.stringify(before[c] ?? null) !== JSON.stringify(values[c] ?? null),
    )
    if (used > 0 && frozen.length > 0)
      throw new AppError(
        409,
        'rule-set-in-use',
        `Regelsettet er brukt av ${used} tiltak. Fra-dato og varighet kan ikke endres; avslutt det og opprett et nytt regelsett.`,
        { fields: frozen },
      )
    await assertNoProblems(trx, candidate)
    const after = await q.updateRuleSet(trx, id, body.version, values, userId)
    if (!after) throw conflict(presentRuleSet(before, used))
    await q.insertHistory(trx, after, 'update', userId)
    await audit(trx, ctx, {
      action: 'ruleset.update',
      recordType: 'rule_set',
      recordId: id,
      kommune: null,
      changes: diffFields(auditable(before), auditable(after)),
    })
    return presentRuleSet((await q.findRuleSet(trx, id))!, used)
  })
}

/** Deletes a rule set no measure has used; a used set is kept for ever (409). */
export async function deleteRuleSet(deps: AppDeps, ctx: RequestContext, id: string, version: number) {
  authorize(ctx.actor, 'rulesets.manage')
  const userId = ctx.actor.userId
  await inTenant(deps.db, { kommune: null, userId }, async (trx) => {
    await q.lockRuleSets(trx)
    const before = await q.findRuleSet(trx, id)
    if (!before) throw notFound('Regelsettet')
    const used = await q.usage(trx, id)
    if (before.version !== version) throw conflict(presentRuleSet(before, used))
    if (used > 0)
      throw new AppError(409, 'rule-set-in-use', `Regelsettet er brukt av ${used} tiltak og kan ikke slettes`)
    await q.insertHistory(trx, { ...before, version: before.version + 1 }, 'delete', userId)
    await q.deleteRuleSet(trx, id, version)
    await audit(trx, ctx, {
      action: 'ruleset.delete',
      recordType: 'rule_set',
      recordId: id,
      kommune: null,
      changes: diffFields(auditable(before), {}),
    })
  })
}

function auditable(r: Selectable<RuleSetsTable>) {
  const { version: _v, created_at: _c, updated_at: _u, created_by: _cb, updated_by: _ub, ...rest } = r
  return rest as Record<string, unknown>
}
