import { type Insertable, type Selectable, sql, type Updateable } from 'kysely'
import type { ImportRecordType } from '../../../shared/api/imports'
import type { Database } from '../../db/kysely'
import type { ImportRowsTable, ImportRunsTable } from '../../db/schema'
import type { Trx } from '../../db/tenant'

export type RunRow = Omit<Selectable<ImportRunsTable>, 'file_data'> & { created_by_name: string }

const RUN_COLUMNS = [
  'r.id',
  'r.kommune',
  'r.created_by',
  'r.file_name',
  'r.file_kind',
  'r.file_size',
  'r.file_sha256',
  'r.encoding',
  'r.delimiter',
  'r.sheets',
  'r.mapping',
  'r.mode',
  'r.state',
  'r.progress_rows',
  'r.total_rows',
  'r.counts',
  'r.error',
  'r.claimed_by',
  'r.heartbeat_at',
  'r.attempts',
  'r.created_at',
  'r.updated_at',
  'r.validated_at',
  'r.committed_at',
  'r.step_started_at',
  'r.step_total',
] as const

function runs(trx: Trx, kommune: string) {
  return trx
    .selectFrom('import_runs as r')
    .innerJoin('users as u', 'u.id', 'r.created_by')
    .select(RUN_COLUMNS)
    .select('u.name as created_by_name')
    .where('r.kommune', '=', kommune)
}

export async function insertRun(trx: Trx, values: Insertable<ImportRunsTable>) {
  return trx.insertInto('import_runs').values(values).returning('id').executeTakeFirstOrThrow()
}

export async function findRun(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return (await runs(trx, kommune).where('r.id', '=', id).executeTakeFirst()) as RunRow | undefined
}

export async function listRuns(trx: Trx, kommune: string, limit = 100) {
  return (await runs(trx, kommune)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute()) as RunRow[]
}

export async function fileOf(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return trx
    .selectFrom('import_runs')
    .select(['file_data', 'file_kind', 'file_name'])
    .where('id', '=', id)
    .where('kommune', '=', kommune)
    .executeTakeFirst()
}

export async function updateRun(
  trx: Trx,
  where: { id: string; kommune: string; states?: string[]; worker?: string },
  values: Updateable<ImportRunsTable>,
) {
  const r = await trx
    .updateTable('import_runs')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', where.id)
    .where('kommune', '=', where.kommune)
    .$if(!!where.states, (q) => q.where('state', 'in', where.states as never[]))
    .$if(!!where.worker, (q) => q.where('claimed_by', '=', where.worker!))
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

export async function deleteRows(trx: Trx, runId: string, kommune: string) {
  await trx.deleteFrom('import_rows').where('run_id', '=', runId).where('kommune', '=', kommune).execute()
}

export async function insertRows(trx: Trx, rows: Insertable<ImportRowsTable>[]) {
  if (rows.length) await trx.insertInto('import_rows').values(rows).execute()
}

/** Keys of rows already imported into the municipality (any earlier run). */
export async function existingKeys(trx: Trx, kommune: string, recordType: ImportRecordType, keys: string[]) {
  if (!keys.length) return new Map<string, string>()
  const rows = await trx
    .selectFrom('import_keys')
    .select(['row_key', 'record_id'])
    .where('kommune', '=', kommune)
    .where('record_type', '=', recordType)
    .where('row_key', 'in', keys)
    .execute()
  return new Map(rows.map((r) => [r.row_key, r.record_id]))
}

export interface ImportKey {
  kommune: string
  record_type: ImportRecordType
  row_key: string
  record_id: string
  person_id: string | null
  run_id: string
}

export async function insertKeys(trx: Trx, keys: ImportKey[]) {
  for (let i = 0; i < keys.length; i += 1000)
    await trx
      .insertInto('import_keys')
      .values(keys.slice(i, i + 1000))
      .execute()
}

/** For each id that someone holds: the person and whether it is owned here (no data). */
export async function lookupNationalIds(trx: Trx, ids: string[]) {
  const owners = await ownersOfNationalIds(trx, ids)
  const kommune = await sql<{ k: string }>`select app_kommune() as k`.execute(trx)
  const here = kommune.rows[0]?.k
  const out = new Map<string, { personId: string; own: boolean }>()
  for (const [nid, o] of owners) if (o) out.set(nid, { personId: o.person_id, own: o.owner_kommune === here })
  return out
}

/** National id → its person and owner (SECURITY DEFINER lookup), null when nobody has it. */
export async function ownersOfNationalIds(trx: Trx, ids: string[]) {
  const out = new Map<string, { person_id: string; owner_kommune: string } | null>(
    ids.map((id) => [id, null]),
  )
  if (!ids.length) return out
  const r = await sql<{ nid: string; person_id: string; owner_kommune: string }>`
    select n.nid, l.person_id, l.owner_kommune
      from unnest(${ids}::text[]) as n(nid), lateral person_lookup_by_national_id(n.nid) l`.execute(trx)
  for (const x of r.rows) out.set(x.nid, { person_id: x.person_id, owner_kommune: x.owner_kommune })
  return out
}

/** Persons (of those given) with an open index case in the municipality. */
export async function personsWithOpenCase(trx: Trx, kommune: string, personIds: string[]) {
  if (!personIds.length) return new Set<string>()
  const rows = await trx
    .selectFrom('cases')
    .select('person_id')
    .where('kommune', '=', kommune)
    .where('status', '=', 'open')
    .where('person_id', 'in', personIds)
    .execute()
  return new Set(rows.map((r) => r.person_id))
}

/** National ids (of those given) whose person has an open case here: contact rows may refer to them. */
export async function openCaseByNationalId(trx: Trx, kommune: string, nationalIds: string[]) {
  if (!nationalIds.length) return new Map<string, string>()
  const rows = await trx
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select(['p.national_id', 'c.id'])
    .where('c.kommune', '=', kommune)
    .where('c.status', '=', 'open')
    .where('p.national_id', 'in', nationalIds)
    .execute()
  return new Map(rows.map((r) => [r.national_id!, r.id]))
}

export async function rowCounts(trx: Trx, runId: string, kommune: string) {
  return trx
    .selectFrom('import_rows')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .select(sql<number>`count(*) filter (where issues @> '[{"severity":"warning"}]')::int`.as('warnings'))
    .where('run_id', '=', runId)
    .where('kommune', '=', kommune)
    .groupBy('status')
    .execute()
}

export async function rowsPage(
  trx: Trx,
  where: { runId: string; kommune: string; status?: string | undefined; withIssues?: boolean | undefined },
  offset: number,
  limit: number,
) {
  return trx
    .selectFrom('import_rows')
    .select(['record_type', 'sheet', 'row_number', 'status', 'issues', 'record_id', 'raw', 'row_key'])
    .where('run_id', '=', where.runId)
    .where('kommune', '=', where.kommune)
    .$if(!!where.status, (q) => q.where('status', '=', where.status as never))
    .$if(!!where.withIssues, (q) => q.where(sql<boolean>`jsonb_array_length(issues) > 0`))
    .orderBy(sql`array_position(array['cases','events','contacts','participants'], record_type)`)
    .orderBy('row_number')
    .offset(offset)
    .limit(limit)
    .execute()
}

/** Valid rows of one record type after a row number, for the commit (in file order). */
export async function validRows(
  trx: Trx,
  runId: string,
  kommune: string,
  recordType: ImportRecordType,
  afterRow: number,
  limit: number,
) {
  return trx
    .selectFrom('import_rows')
    .select(['row_number', 'row_key', 'data', 'sheet'])
    .where('run_id', '=', runId)
    .where('kommune', '=', kommune)
    .where('record_type', '=', recordType)
    .where('status', '=', 'valid')
    .where('row_number', '>', afterRow)
    .orderBy('row_number')
    .limit(limit)
    .execute()
}

export async function savedMappings(trx: Trx, kommune: string) {
  return trx
    .selectFrom('import_mappings')
    .select(['record_type', 'header', 'field'])
    .where('kommune', '=', kommune)
    .execute()
}

export async function saveMapping(
  trx: Trx,
  rows: {
    kommune: string
    record_type: ImportRecordType
    header: string
    field: string
    updated_by: string
  }[],
) {
  if (!rows.length) return
  await trx
    .insertInto('import_mappings')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['kommune', 'record_type', 'header']).doUpdateSet((eb) => ({
        field: eb.ref('excluded.field'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: sql`now()`,
      })),
    )
    .execute()
}

/** Claims a run's queued (or abandoned) step for this worker; undefined if there is none to take. */
export async function claimRun(db: Database, id: string, worker: string, staleSeconds: number) {
  const r = await sql<{ id: string; kommune: string; state: string; created_by: string }>`
    select * from import_claim_run(${id}::uuid, ${worker}, ${staleSeconds})`.execute(db)
  return r.rows[0]
}

/** Runs of any municipality waiting for a step or abandoned by their worker (recovery job). */
export async function pendingRuns(db: Database, staleSeconds: number) {
  const r = await sql<{ id: string; kommune: string }>`
    select * from import_pending_runs(${staleSeconds})`.execute(db)
  return r.rows
}

/** Municipalities and city districts of the org register (not tenant data), for residence codes. */
export async function residenceUnits(trx: Trx) {
  return trx
    .selectFrom('org_units')
    .select(['code', 'kind', 'name', 'short_name', 'kommune_code'])
    .where('kind', 'in', ['kommune', 'bydel'])
    .execute()
}

export async function mappingPresets(trx: Trx, kommune: string) {
  return trx
    .selectFrom('import_mapping_presets')
    .select(['id', 'name', 'sheets', 'updated_at'])
    .where('kommune', '=', kommune)
    .orderBy('name')
    .execute()
}

export async function mappingPreset(trx: Trx, kommune: string, id: string) {
  return trx
    .selectFrom('import_mapping_presets')
    .select(['id', 'name', 'sheets'])
    .where('kommune', '=', kommune)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Saves (or replaces, by name) a named mapping; returns its id. */
export async function saveMappingPreset(
  trx: Trx,
  values: { kommune: string; name: string; sheets: string; userId: string },
) {
  return trx
    .insertInto('import_mapping_presets')
    .values({
      kommune: values.kommune,
      name: values.name,
      sheets: values.sheets,
      created_by: values.userId,
      updated_by: values.userId,
    })
    .onConflict((oc) =>
      oc.columns(['kommune', 'name']).doUpdateSet((eb) => ({
        sheets: eb.ref('excluded.sheets'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: sql`now()`,
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow()
}
