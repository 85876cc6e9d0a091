import type { z } from 'zod'
import type {
  createUserBody,
  deactivateUserBody,
  MunicipalRole,
  reactivateUserBody,
  updateUserBody,
  userListQuery,
} from '../../../shared/api/users'
import { osloDate } from '../../../shared/domain/dates'
import { validateNationalId } from '../../../shared/domain/nationalId'
import { audit, diffFields } from '../../audit/audit'
import type { Actor, RequestContext } from '../../auth/actor'
import type { Database } from '../../db/kysely'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, conflict, fieldError, notFound, unprocessable } from '../../http/errors'
import { requireKommune } from '../../policy/policy'
import { auditView, presentDetail, presentMember } from './users.present'
import * as q from './users.queries'

/**
 * Access administration (SPEC §2). Everything is scoped to the Administrator's active
 * municipality: a user is "in" a municipality when they hold or have held a role there, and a
 * user of another municipality answers 404. Grants are never deleted: revoking sets revoked_at,
 * so the access review can show who had which role when. Edits are optimistically locked on
 * users.version; every change is audited with before/after in the same transaction.
 */

const USER_FIELDS = ['name', 'email', 'roles', 'validTo', 'status'] as const

/** The national id as stored, or a 400 on `path` with the Norwegian reason (test-mode policy included). */
export function checkPid(input: string, testEnvironment: boolean, path: string): string {
  const checked = validateNationalId(input, { testEnvironment })
  if (!checked.ok) throw fieldError(path, checked.message)
  return checked.id
}

function checkValidTo(validTo: string | null | undefined) {
  if (validTo && validTo < osloDate(new Date()))
    throw fieldError('body.validTo', 'Sluttdatoen kan ikke være tilbake i tid')
}

async function requireMember(db: Database | Trx, kommune: string, id: string) {
  const m = await q.findMember(db, kommune, id)
  if (!m) throw notFound('Brukeren')
  return m
}

async function loadDetail(db: Database | Trx, kommune: string, id: string) {
  const m = await requireMember(db, kommune, id)
  return presentDetail(m, await q.listUserGrants(db, kommune, id))
}

/** Applies the optimistic lock, or throws 409 with what is stored now. */
async function bumpOrConflict(
  trx: Trx,
  kommune: string,
  id: string,
  version: number,
  set?: Parameters<typeof q.bumpUser>[3],
) {
  if (!(await q.bumpUser(trx, id, version, set))) throw conflict(await loadDetail(trx, kommune, id))
}

export async function listUsers(db: Database, actor: Actor | null, query: z.output<typeof userListQuery>) {
  const kommune = requireKommune(actor, 'user.manage')
  const { page, pageSize, ...filter } = query
  const rows = await q.listMembers(db, kommune, { ...filter, limit: pageSize, offset: (page - 1) * pageSize })
  return { items: rows.map(presentMember), total: rows[0]?.total ?? 0, page, pageSize }
}

export async function getUser(db: Database, actor: Actor | null, id: string) {
  const kommune = requireKommune(actor, 'user.manage')
  return loadDetail(db, kommune, id)
}

/**
 * The roles a user holds in the municipality become exactly `roles` with end date `validTo`:
 * grants that stay as they are are kept; others are revoked (reason 'changed') and new ones added.
 */
async function setRoles(
  trx: Trx,
  g: { kommune: string; userId: string; roles: MunicipalRole[]; validTo: string | null; by: string },
) {
  const open = await q.listOpenGrants(trx, g.kommune, g.userId)
  const keep = open.filter((r) => g.roles.includes(r.role) && r.valid_to === g.validTo)
  const revoke = open.filter((r) => !keep.includes(r)).map((r) => r.id)
  await q.revokeGrants(trx, revoke, g.by, 'changed')
  const add = g.roles.filter((role) => !keep.some((r) => r.role === role))
  await q.insertGrants(trx, {
    userId: g.userId,
    kommune: g.kommune,
    roles: add,
    validTo: g.validTo,
    by: g.by,
  })
}

async function findOrCreateUser(
  trx: Trx,
  u: { pid: string; name: string; email: string; createdBy: string },
) {
  const found = await q.findUserByPid(trx, u.pid)
  if (found) return { user: found, existing: true }
  const created = await q.insertUser(trx, u)
  if (created) return { user: created, existing: false }
  // Someone inserted the same person a moment ago: use theirs.
  return { user: (await q.findUserByPid(trx, u.pid))!, existing: true }
}

/**
 * Gives a person access to the municipality. A person who is already a user (for instance in
 * another municipality) keeps their stored name and e-mail and gets the roles added; a user
 * deactivated for inactivity is activated again. A person with roles here already gets 409.
 */
export async function grantAccess(
  trx: Trx,
  ctx: RequestContext & { actor: Actor },
  input: {
    kommune: string
    pid: string
    name: string
    email: string
    roles: MunicipalRole[]
    validTo: string | null
  },
) {
  const by = ctx.actor.userId
  const { user, existing } = await findOrCreateUser(trx, { ...input, createdBy: by })
  const before = existing ? await q.findMember(trx, input.kommune, user.id) : undefined
  if (before && before.roles.length > 0)
    throw new AppError(409, 'already-member', 'Personen har allerede tilgang i kommunen', {
      detail: 'Endre rollene fra brukerlisten i stedet.',
      userId: user.id,
    })
  await setRoles(trx, {
    kommune: input.kommune,
    userId: user.id,
    roles: input.roles,
    validTo: input.validTo,
    by,
  })
  if (existing) await q.bumpUser(trx, user.id, user.version, { reactivate: user.status === 'deactivated' })
  const after = await requireMember(trx, input.kommune, user.id)
  await audit(trx, ctx, {
    action: existing ? 'user.grant' : 'user.create',
    recordType: 'user',
    recordId: user.id,
    kommune: input.kommune,
    changes: diffFields(auditView(before), auditView(after), USER_FIELDS),
    details: { nationalIdMasked: presentMember(after).nationalIdMasked, existingUser: existing },
  })
  return { user: after, existing }
}

export async function createUser(
  db: Database,
  ctx: RequestContext,
  testEnvironment: boolean,
  input: z.output<typeof createUserBody>,
) {
  const kommune = requireKommune(ctx.actor, 'user.manage')
  const actor = ctx.actor!
  const pid = checkPid(input.nationalId, testEnvironment, 'body.nationalId')
  checkValidTo(input.validTo)
  return inTenant(db, { kommune, userId: actor.userId }, async (trx) => {
    const { user, existing } = await grantAccess(trx, { ...ctx, actor }, { ...input, kommune, pid })
    return { user: await loadDetail(trx, kommune, user.id), existing }
  })
}

export async function updateUser(
  db: Database,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof updateUserBody>,
) {
  const kommune = requireKommune(ctx.actor, 'user.manage')
  const actor = ctx.actor!
  checkValidTo(input.validTo)
  if (id === actor.userId && input.roles && !input.roles.includes('admin'))
    throw unprocessable('own-admin-role', 'Du kan ikke fjerne din egen administratorrolle')
  return inTenant(db, { kommune, userId: actor.userId }, async (trx) => {
    const before = await requireMember(trx, kommune, id)
    await bumpOrConflict(trx, kommune, id, input.version, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
    })
    const roles = input.roles ?? before.roles
    if (roles.length > 0 && (input.roles || input.validTo !== undefined)) {
      const validTo = input.validTo === undefined ? before.valid_to : input.validTo
      await setRoles(trx, { kommune, userId: id, roles, validTo, by: actor.userId })
    }
    return auditedDetail(trx, ctx, kommune, before, 'user.update')
  })
}

async function auditedDetail(
  trx: Trx,
  ctx: RequestContext,
  kommune: string,
  before: q.MemberRow,
  action: string,
  reason?: string | null,
) {
  const after = await requireMember(trx, kommune, before.id)
  await audit(trx, ctx, {
    action,
    recordType: 'user',
    recordId: before.id,
    kommune,
    ...(reason ? { reason } : {}),
    changes: diffFields(auditView(before), auditView(after), USER_FIELDS),
  })
  return presentDetail(after, await q.listUserGrants(trx, kommune, before.id))
}

/**
 * Switches off the user's access in this municipality (every grant here revoked). Roles in other
 * municipalities are untouched, so the user keeps working there.
 */
export async function deactivateUser(
  db: Database,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof deactivateUserBody>,
) {
  const kommune = requireKommune(ctx.actor, 'user.manage')
  const actor = ctx.actor!
  if (id === actor.userId) throw unprocessable('own-user', 'Du kan ikke deaktivere din egen tilgang')
  return inTenant(db, { kommune, userId: actor.userId }, async (trx) => {
    const before = await requireMember(trx, kommune, id)
    await bumpOrConflict(trx, kommune, id, input.version)
    const open = await q.listOpenGrants(trx, kommune, id)
    if (open.length === 0) throw unprocessable('not-active', 'Brukeren har ingen aktiv tilgang i kommunen')
    await q.revokeGrants(
      trx,
      open.map((g) => g.id),
      actor.userId,
      'deactivated',
    )
    return auditedDetail(trx, ctx, kommune, before, 'user.deactivate', input.reason)
  })
}

/**
 * Gives access back: a user deactivated for inactivity is activated, and if no role applies here
 * the given roles — or else the expired ones, or else those the last deactivation revoked — are granted.
 */
export async function reactivateUser(
  db: Database,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof reactivateUserBody>,
) {
  const kommune = requireKommune(ctx.actor, 'user.manage')
  const actor = ctx.actor!
  checkValidTo(input.validTo)
  return inTenant(db, { kommune, userId: actor.userId }, async (trx) => {
    const before = await requireMember(trx, kommune, id)
    if (before.status === 'active')
      throw unprocessable('already-active', 'Brukeren har allerede aktiv tilgang')
    await bumpOrConflict(trx, kommune, id, input.version, {
      reactivate: before.user_status === 'deactivated',
    })
    if (before.roles.length === 0 || input.roles) {
      const roles = input.roles ?? (await rolesToRestore(trx, kommune, id))
      if (roles.length === 0) throw fieldError('body.roles', 'Velg hvilke roller brukeren skal ha')
      await setRoles(trx, { kommune, userId: id, roles, validTo: input.validTo, by: actor.userId })
    }
    return auditedDetail(trx, ctx, kommune, before, 'user.reactivate')
  })
}

async function rolesToRestore(trx: Trx, kommune: string, id: string): Promise<MunicipalRole[]> {
  const expired = await q.listOpenGrants(trx, kommune, id)
  if (expired.length > 0) return [...new Set(expired.map((g) => g.role))]
  return (await q.rolesOfLastDeactivation(trx, kommune, id)).map((r) => r.role)
}
