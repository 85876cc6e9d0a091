import {
  FREG_ONBOARDING_STEPS,
  FREG_ORG_NUMBER_REQUIREMENT,
  type FregLookupResult,
  type FregPerson,
  type FregRefreshResult,
  type FregRequirement,
  type FregStatus,
  type FregUnavailableReason,
} from '../../../shared/api/freg'
import { validateNationalId } from '../../../shared/domain/nationalId'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { FREG_IDS } from '../../fakes/freg/fixture-ids'
import { FREG_FIXTURE_LABELS } from '../../fakes/freg/fixtures'
import { fieldError, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { assertKommuneActive } from '../../policy/kommune-active'
import { authorize } from '../../policy/policy'
import { presentPerson } from '../persons/persons.present'
import * as persons from '../persons/persons.queries'
import {
  fregDisabled,
  fregNoNationalId,
  fregNotConfigured,
  fregNotDelegated,
  fregNotFound,
  fregUnavailable,
} from './freg.errors'
import type { FregGateway } from './freg.gateway'
import { FregDocumentError, mapFregDocument } from './freg.mapper'
import { fieldChanges } from './freg.present'
import * as q from './freg.queries'
import { createReceipt } from './freg.receipt'
import { FregUnavailableError } from './http'

/**
 * Folkeregister lookups (SPEC §7). FREG is asked outside any database transaction (it may take
 * seconds); every attempt, including refused and failed ones, is then audited in a transaction of
 * its own that commits before the answer or the error goes back: who, whose id, what came of it.
 */

/** The steps not recorded, and the organisation number when it is missing (lookups need both). */
async function missingSteps(trx: Trx, kommune: string): Promise<FregRequirement[]> {
  const done = new Set<string>(await q.recordedFregSteps(trx, kommune))
  const orgNumber = await q.kommuneOrgNumber(trx, kommune)
  return [
    ...FREG_ONBOARDING_STEPS.filter((s) => !done.has(s)),
    ...(orgNumber ? [] : [FREG_ORG_NUMBER_REQUIREMENT]),
  ]
}

/** Whether the active municipality can look people up, and if not, what is missing. */
export async function getStatus(deps: AppDeps, gw: FregGateway, ctx: RequestContext): Promise<FregStatus> {
  authorize(ctx.actor, 'freg.lookup')
  const kommune = ctx.actor.kommune!
  const missing = await inTenant(deps.db, { kommune, userId: ctx.actor.userId }, (trx) =>
    missingSteps(trx, kommune),
  )
  return {
    configured: gw.configured,
    enabled: gw.configured && missing.length === 0,
    missingSteps: missing,
    ...(gw.fake
      ? {
          testPersons: Object.entries(FREG_IDS).map(([name, nationalId]) => ({
            nationalId,
            label: FREG_FIXTURE_LABELS[name as keyof typeof FREG_IDS],
          })),
        }
      : {}),
  }
}

type Outcome =
  | { result: 'found'; person: FregPerson }
  | { result: 'not-found' }
  | { result: 'unavailable'; reason: FregUnavailableReason }
  | { result: 'disabled'; missing: string[] }
  | { result: 'not-delegated' }
  | { result: 'not-configured' }

/** Asks FREG and maps the answer; failures become an outcome, never an exception (bugs aside). */
async function ask(gw: FregGateway, nationalId: string, orgNumber: string): Promise<Outcome> {
  try {
    const answer = await gw.fetchPerson(nationalId, orgNumber)
    if (answer.kind === 'not-found') return { result: 'not-found' }
    const person = mapFregDocument(answer.document)
    // FREG answers for the person asked about; anything else is a broken answer, not data to keep.
    if (person.nationalId !== nationalId) return { result: 'unavailable', reason: 'bad-response' }
    return { result: 'found', person }
  } catch (err) {
    if (err instanceof FregUnavailableError)
      return err.reason === 'not-delegated'
        ? { result: 'not-delegated' }
        : { result: 'unavailable', reason: err.reason }
    if (err instanceof FregDocumentError) return { result: 'unavailable', reason: 'bad-response' }
    throw err
  }
}

/** Audits the attempt in its own transaction, then answers or throws the matching problem. */
async function recordLookup(
  deps: AppDeps,
  ctx: RequestContext,
  nationalId: string,
  outcome: Outcome,
  knownPersonId?: string,
): Promise<{ person: FregPerson; personId: string | null }> {
  const kommune = ctx.actor!.kommune!
  const personId = await inTenant(deps.db, { kommune, userId: ctx.actor!.userId }, async (trx) => {
    const hit = knownPersonId ? null : await persons.lookupByNationalId(trx, nationalId)
    const id = knownPersonId ?? (hit?.owner_kommune === kommune ? hit.person_id : null)
    await audit(trx, ctx, {
      action: 'freg.lookup',
      recordType: 'folkeregister',
      recordId: nationalId,
      personId: id,
      outcome:
        outcome.result === 'found' || outcome.result === 'not-found'
          ? 'ok'
          : outcome.result === 'unavailable'
            ? 'failed'
            : 'denied',
      details: {
        result: outcome.result,
        ...(outcome.result === 'unavailable' ? { reason: outcome.reason } : {}),
        ...(outcome.result === 'found'
          ? { status: outcome.person.status, protectedAddress: outcome.person.protectedAddress }
          : {}),
      },
    })
    return id
  })
  switch (outcome.result) {
    case 'found':
      return { person: outcome.person, personId }
    case 'not-found':
      throw fregNotFound()
    case 'unavailable':
      throw fregUnavailable(outcome.reason)
    case 'disabled':
      throw fregDisabled(outcome.missing)
    case 'not-delegated':
      throw fregNotDelegated()
    case 'not-configured':
      throw fregNotConfigured()
  }
}

/**
 * Refusals that need no call to FREG (not set up here, onboarding not complete), or else the
 * organisation number the lookup is made on behalf of.
 */
async function precheck(
  gw: FregGateway,
  trx: Trx,
  kommune: string,
): Promise<{ refused: Outcome } | { orgNumber: string }> {
  await assertKommuneActive(trx, kommune)
  if (!gw.configured) return { refused: { result: 'not-configured' } }
  const missing = await missingSteps(trx, kommune)
  if (missing.length > 0) return { refused: { result: 'disabled', missing } }
  return { orgNumber: (await q.kommuneOrgNumber(trx, kommune))! }
}

function receiptFor(deps: AppDeps, kommune: string, person: FregPerson) {
  const fetchedAt = new Date().toISOString()
  return { fetchedAt, receipt: createReceipt(deps.config.sessionSecret, { kommune, person, fetchedAt }) }
}

/** `POST /api/freg/lookup`: a person by national id, for registration. */
export async function lookup(
  deps: AppDeps,
  gw: FregGateway,
  ctx: RequestContext,
  input: string,
): Promise<FregLookupResult> {
  authorize(ctx.actor, 'freg.lookup')
  const kommune = ctx.actor.kommune!
  const checked = validateNationalId(input.replace(/\s/g, ''), {
    testEnvironment: deps.config.testEnvironment,
  })
  if (!checked.ok) throw fieldError('body.nationalId', checked.message)
  const pre = await inTenant(deps.db, { kommune, userId: ctx.actor.userId }, (trx) =>
    precheck(gw, trx, kommune),
  )
  const outcome = 'refused' in pre ? pre.refused : await ask(gw, checked.id, pre.orgNumber)
  const { person, personId } = await recordLookup(deps, ctx, checked.id, outcome)
  return { person, ...receiptFor(deps, kommune, person), knownPersonId: personId }
}

/** `POST /api/persons/:id/freg-refresh`: what FREG says now next to what the register has. */
export async function refresh(
  deps: AppDeps,
  gw: FregGateway,
  ctx: RequestContext,
  personId: string,
): Promise<FregRefreshResult> {
  authorize(ctx.actor, 'freg.lookup')
  const kommune = ctx.actor.kommune!
  const before = await inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const p = await persons.findPerson(trx, { id: personId, kommune })
    if (!p) throw notFound('Personen')
    if (!p.national_id) throw fregNoNationalId()
    return {
      view: presentPerson(p, kommune),
      nationalId: p.national_id,
      pre: await precheck(gw, trx, kommune),
    }
  })
  const outcome =
    'refused' in before.pre ? before.pre.refused : await ask(gw, before.nationalId, before.pre.orgNumber)
  const { person } = await recordLookup(deps, ctx, before.nationalId, outcome, personId)
  return {
    person,
    ...receiptFor(deps, kommune, person),
    knownPersonId: personId,
    changes: fieldChanges(before.view, person),
  }
}
