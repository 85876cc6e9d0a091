import type { z } from 'zod'
import type { Warning } from '../../../shared/api/casework'
import type { contactCreate } from '../../../shared/api/contacts'
import { exposureWarning, type InfectiousPeriod } from '../../../shared/domain/infectiousPeriod'
import { audit, diffFields } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inSavepoint } from '../../db/savepoint'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, type FieldError } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { assertKommuneActive } from '../../policy/kommune-active'
import { periodOf } from '../cases/cases.present'
import type { CaseWithPerson } from '../cases/cases.queries'
import { requireCase, scope, todayOslo } from '../cases/cases.service'
import { resolveOwnerUnit } from '../ownership/ownership.service'
import { resolvePerson } from '../persons/persons.service'
import { contactAuditView, toContactColumns } from './contacts.present'
import * as q from './contacts.queries'

type Row = z.output<typeof contactCreate>
type Resolved = { row: number; personId: string; personCreated: boolean; warnings: Warning[] }

/**
 * Registers contacts of a case (SPEC §3.3), one or a whole line-listing grid, in the caller's one
 * transaction: every row is checked and its person resolved first; if any row fails, nothing is
 * written (the transaction rolls back, persons created for earlier rows included) and the error
 * names each row's fields, with duplicate candidates per row. A person already a contact of the
 * case — or on an earlier row — updates that link and keeps the latest exposure.
 */
export async function saveContactRows(
  deps: AppDeps,
  trx: Trx,
  ctx: RequestContext,
  c: CaseWithPerson,
  rows: Row[],
  pathOf: (row: number) => string,
) {
  const today = todayOslo()
  const period = periodOf(c)
  const errors: FieldError[] = []
  const duplicates: { row: number; candidates: unknown[] }[] = []
  const resolved: Resolved[] = []
  for (const [i, row] of rows.entries()) {
    const warnings = checkExposure(row.lastExposure, period, today, pathOf(i), errors)
    const person = await resolveRow(
      deps,
      trx,
      ctx,
      row,
      { index: i, path: pathOf(i), isolate: rows.length > 1 },
      errors,
      duplicates,
    )
    if (person && person.personId === c.person_id)
      errors.push({
        path: `${pathOf(i)}.person`,
        message: 'Indekstilfellet kan ikke være nærkontakt til seg selv',
      })
    if (person) resolved.push({ row: i, personId: person.personId, personCreated: person.created, warnings })
  }
  if (errors.length > 0) throw rowErrors(errors, duplicates)
  const results = []
  for (const r of resolved) results.push(await upsertContact(trx, ctx, c, rows[r.row]!, r))
  return results
}

/** Future or implausibly old last exposure is an error; outside the period only a warning. */
function checkExposure(
  lastExposure: string | null | undefined,
  period: InfectiousPeriod | null,
  today: string,
  path: string,
  errors: FieldError[],
): Warning[] {
  if (!lastExposure) return []
  if (lastExposure > today) {
    errors.push({ path: `${path}.lastExposure`, message: 'Siste eksponering kan ikke være fram i tid' })
    return []
  }
  const w = period ? exposureWarning(lastExposure, period, today) : null
  if (!w) return []
  if (w.kind === 'error') {
    errors.push({ path: `${path}.lastExposure`, message: w.message })
    return []
  }
  return [{ path: `${path}.lastExposure`, code: w.code, message: w.message }]
}

/**
 * The row's person through the persons feature, inside a savepoint so that one failing row
 * leaves the transaction usable for checking the others (`isolate`). A single row needs none:
 * if it fails, nothing more is run and the transaction is rolled back (two round trips saved
 * on every "register contact"). Field errors and duplicate candidates are collected; anything
 * else is rethrown.
 */
async function resolveRow(
  deps: AppDeps,
  trx: Trx,
  ctx: RequestContext,
  row: Row,
  { index, path, isolate }: { index: number; path: string; isolate: boolean },
  errors: FieldError[],
  duplicates: { row: number; candidates: unknown[] }[],
) {
  try {
    const resolve = () => resolvePerson(deps, trx, ctx, row.person, `${path}.person`)
    return await (isolate ? inSavepoint(trx, 'contact_row', resolve) : resolve())
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    if (err.code === 'possible-duplicates') {
      duplicates.push({ row: index, candidates: (err.extra.candidates as unknown[]) ?? [] })
      errors.push({
        path: `${path}.person`,
        message: 'Personen kan allerede være registrert – velg en av forslagene eller bekreft ny person',
      })
    } else if (err.status === 400 && err.extra.errors?.length) errors.push(...err.extra.errors)
    else if (err.status === 400) errors.push({ path: `${path}.person`, message: err.title })
    else throw err
    return undefined
  }
}

function rowErrors(errors: FieldError[], duplicates: { row: number; candidates: unknown[] }[]) {
  const onlyDuplicates = duplicates.length === errors.length
  return onlyDuplicates
    ? new AppError(409, 'possible-duplicates', 'Noen personer kan allerede være registrert', {
        errors,
        duplicates,
      })
    : new AppError(400, 'validation', 'Noen rader har feil – ingenting er lagret', { errors, duplicates })
}

/** Inserts the contact, or merges the row into the existing link of this person and case. */
async function upsertContact(trx: Trx, ctx: RequestContext, c: CaseWithPerson, row: Row, r: Resolved) {
  const values = toContactColumns(row)
  // A person created by this very request cannot be linked to the case yet.
  const existing = r.personCreated
    ? undefined
    : await q.findCaseContactForUpdate(trx, { caseId: c.id, personId: r.personId, kommune: c.kommune })
  let saved: q.ContactRow
  if (existing) {
    const merged = mergeExposure(existing, values)
    saved = (await q.updateContact(trx, { id: existing.id, kommune: c.kommune }, merged))!
  } else {
    saved = await q.insertContact(trx, {
      ...values,
      kommune: c.kommune,
      owner_unit: await resolveOwnerUnit(trx, {
        kommune: c.kommune,
        userId: ctx.actor!.userId,
        requested: row.ownerUnit,
        path: 'body.ownerUnit',
      }),
      person_id: r.personId,
      case_id: c.id,
      created_by: ctx.actor!.userId,
    })
  }
  await audit(trx, ctx, {
    action: existing ? 'contact.update' : 'contact.create',
    recordType: 'contact',
    recordId: saved.id,
    personId: r.personId,
    changes: diffFields(existing ? contactAuditView(existing) : null, contactAuditView(saved)),
    details: { caseId: c.id },
  })
  return {
    row: r.row,
    contactId: saved.id,
    personId: r.personId,
    created: !existing,
    personCreated: r.personCreated,
    warnings: r.warnings,
  }
}

/**
 * A repeated registration: given values win, empty ones keep what is stored; the latest exposure
 * date is kept, exposure types are combined and "household" stays once set.
 */
function mergeExposure(existing: q.ContactRow, values: q.ContactValues): q.ContactValues {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined) out[k] = v
  const last = [existing.last_exposure, values.last_exposure as string | null | undefined].filter(
    Boolean,
  ) as string[]
  out.last_exposure = last.length ? last.sort().at(-1) : null
  out.exposure_types = [
    ...new Set([...existing.exposure_types, ...((values.exposure_types as string[]) ?? [])]),
  ]
  out.household = existing.household || values.household === true
  return out as q.ContactValues
}

/** POST /api/cases/{id}/contacts (one) and …/contacts/batch (the grid): all-or-nothing. */
export async function createContacts(
  deps: AppDeps,
  ctx: RequestContext,
  caseId: string,
  rows: Row[],
  pathOf: (row: number) => string,
) {
  const s = scope(ctx, 'case.write')
  try {
    return await inTenant(deps.db, s, async (trx) => {
      const c = await requireCase(trx, ctx, caseId, 'case.write')
      await assertKommuneActive(trx, s.kommune)
      return { items: await saveContactRows(deps, trx, ctx, c, rows, pathOf) }
    })
  } catch (err) {
    // Two users registering the same person on the same case at the same moment: one wins.
    if ((err as { constraint?: string }).constraint === 'contacts_case_person_key')
      throw new AppError(
        409,
        'conflict',
        'Noen andre registrerte den samme nærkontakten samtidig. Last inn på nytt.',
      )
    throw err
  }
}
