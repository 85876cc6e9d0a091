import { type Selectable, sql } from 'kysely'
import type { PersonsTable } from '../../db/schema'
import type { Trx } from '../../db/tenant'

export type PersonRow = Selectable<PersonsTable>
export type PersonValues = Partial<
  Omit<PersonRow, 'id' | 'full_name' | 'version' | 'created_at' | 'updated_at'>
>

const SUMMARY = ['id', 'national_id', 'first_name', 'last_name', 'birth_date', 'phone', 'kommune'] as const

/** A person this municipality may see: owned by it or linked to it. RLS enforces the same. */
export async function findPerson(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return trx
    .selectFrom('persons as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where('p.merged_into', 'is', null)
    .where((eb) =>
      eb.or([
        eb('p.kommune', '=', kommune),
        eb.exists(
          eb
            .selectFrom('person_links as l')
            .whereRef('l.person_id', '=', 'p.id')
            .where('l.kommune', '=', kommune),
        ),
      ]),
    )
    .executeTakeFirst()
}

export async function insertPerson(
  trx: Trx,
  values: PersonValues & Pick<PersonRow, 'kommune' | 'owner_unit' | 'first_name' | 'last_name'>,
) {
  return trx.insertInto('persons').values(values).returningAll().executeTakeFirstOrThrow()
}

/**
 * Like insertPerson, but when another transaction registers the same national id at the same
 * moment this waits for it and inserts nothing (undefined): the caller then uses that person.
 */
export async function insertPersonUnlessIdTaken(
  trx: Trx,
  values: PersonValues & Pick<PersonRow, 'kommune' | 'owner_unit' | 'first_name' | 'last_name'>,
) {
  // The view `persons` cannot take ON CONFLICT: insert the identity, then this municipality's details.
  const { identity, details } = splitPersonValues(values)
  const row = await trx
    .insertInto('person_identities')
    .values({ ...identity, kommune: values.kommune, owner_unit: values.owner_unit })
    .onConflict((oc) => oc.column('national_id').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!row) return undefined
  await trx
    .insertInto('person_details')
    .values({ ...details, person_id: row.id, kommune: values.kommune, created_by: values.created_by ?? null })
    .execute()
  return trx.selectFrom('persons').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow()
}

/** Columns kept per municipality (person_details, migration 0050); the rest is the shared identity. */
export const DETAIL_COLUMNS = [
  'phone',
  'phone2',
  'email',
  'street',
  'postcode',
  'place',
  'residence_kommune',
  'residence_bydel',
  'preferred_language',
  'interpreter_needed',
  'workplace_name',
  'workplace_type',
  'notes',
] as const satisfies readonly (keyof PersonRow)[]
type DetailColumn = (typeof DETAIL_COLUMNS)[number]

export function splitPersonValues<T extends PersonValues & Pick<PersonRow, 'first_name' | 'last_name'>>(
  values: T,
) {
  const identity: Record<string, unknown> = {}
  const details: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue
    if ((DETAIL_COLUMNS as readonly string[]).includes(k)) details[k] = v
    else identity[k] = v
  }
  return {
    identity: identity as Omit<T, DetailColumn>,
    details: details as Partial<Pick<PersonRow, DetailColumn>>,
  }
}

/** Other municipalities that work with the person (owner first): names only, never data. */
export async function followedBy(trx: Trx, personId: string) {
  const r = await sql<{ kommune: string; kommune_name: string; owner: boolean }>`
    select * from person_followed_by(${personId}::uuid)`.execute(trx)
  return r.rows
}

/** Optimistic update: undefined when the version no longer matches (or the row is not visible). */
export async function updatePerson(trx: Trx, id: string, version: number, values: PersonValues) {
  return trx
    .updateTable('persons')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst()
}

/** Lookup across municipalities through the SECURITY DEFINER function: id and owner only. */
export async function lookupByNationalId(trx: Trx, nationalId: string) {
  const r = await sql<{
    person_id: string
    owner_kommune: string
    owner_kommune_name: string
    open_followup: boolean
  }>`
    select * from person_lookup_by_national_id(${nationalId})`.execute(trx)
  return r.rows[0]
}

export async function linkByNationalId(trx: Trx, nationalId: string) {
  const r = await sql<{ id: string | null }>`select person_link_by_national_id(${nationalId}) as id`.execute(
    trx,
  )
  return r.rows[0]?.id ?? null
}

/**
 * Duplicate candidates in one municipality: trigram similarity of the full name (GIN index),
 * same birth date, same phone, same street. Ranked by a simple additive score.
 */
export async function findCandidates(
  trx: Trx,
  kommune: string,
  q: { name: string | null; birthDate: string | null; phone: string | null; street: string | null },
  limit = 8,
) {
  const name = q.name?.toLowerCase() ?? ''
  const rows = await trx
    .selectFrom('persons')
    .select([...SUMMARY])
    .select([
      sql<number>`case when ${name} <> '' then greatest(similarity(full_name, ${name}), similarity(fold_name(full_name), fold_name(${name}))) else 0 end`.as(
        'sim',
      ),
      sql<boolean>`birth_date is not distinct from ${q.birthDate}::date and ${q.birthDate}::date is not null`.as(
        'same_birth',
      ),
      sql<boolean>`phone = ${q.phone}`.as('same_phone'),
      sql<boolean>`lower(street) = lower(${q.street})`.as('same_street'),
    ])
    .where('kommune', '=', kommune)
    .where('merged_into', 'is', null)
    .where(candidateIds(kommune, name, q))
    .limit(200)
    .execute()
  return rows
    .map((r) => ({
      ...r,
      score: r.sim * 2 + (r.same_birth ? 1 : 0) + (r.same_phone ? 1 : 0) + (r.same_street ? 0.5 : 0),
    }))
    .filter((r) => r.score >= 1)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
}

/**
 * Ids that may be the same person: a similar name (person_similar_names, migration 0022: under
 * RLS the trigram index cannot be used directly), the same birth date or the same phone. Each
 * source uses its own index; an OR of them in one WHERE would read the whole municipality.
 */
function candidateIds(kommune: string, name: string, q: { birthDate: string | null; phone: string | null }) {
  const sources = []
  if (name.length >= 3) {
    sources.push(sql`select id from person_similar_names(${name})`)
    // "Jon Odegaard" typed, "Jon Ødegård" stored: the same name after folding (migration 0051).
    sources.push(
      sql`select id from person_identities where kommune = ${kommune} and fold_name(full_name) = fold_name(${name}) and merged_into is null`,
    )
  }
  if (q.birthDate)
    sources.push(sql`select id from persons where kommune = ${kommune} and birth_date = ${q.birthDate}::date`)
  if (q.phone) sources.push(sql`select id from persons where kommune = ${kommune} and phone = ${q.phone}`)
  return sources.length > 0 ? sql<boolean>`id in (${sql.join(sources, sql` union `)})` : sql<boolean>`false`
}

/** Free-text search within the municipality: exact national id, phone, or name (searchByName). */
export async function searchPersons(
  trx: Trx,
  kommune: string,
  q: string | undefined,
  limit: number,
  after?: PersonCursor,
): Promise<PersonSearchRow[]> {
  const digits = q?.replace(/\s/g, '') ?? ''
  if (q?.trim() && !/^\+?\d{5,}$/.test(digits))
    return searchByName(trx, kommune, q, limit, after && 't' in after ? after : undefined)
  const listAfter = after && 'l' in after ? after : undefined
  const rows = await trx
    .selectFrom('persons')
    .select(SUMMARY)
    .where('kommune', '=', kommune)
    .where('merged_into', 'is', null)
    .$if(/^\d{11}$/.test(digits), (qb) => qb.where('national_id', '=', digits))
    .$if(/^\+?\d{5,}$/.test(digits) && !/^\d{11}$/.test(digits), (qb) => qb.where('phone', '=', digits))
    .$if(!!listAfter, (qb) =>
      qb.where(
        sql<boolean>`(last_name, first_name, id) > (${listAfter!.l}, ${listAfter!.f}, ${listAfter!.id}::uuid)`,
      ),
    )
    .orderBy('last_name')
    .orderBy('first_name')
    .orderBy('id')
    .limit(limit + 1)
    .execute()
  return rows.map((r) => ({ ...r, cursor: { l: r.last_name, f: r.first_name, id: r.id } }))
}

/**
 * Name search: person_name_search (migration 0023) finds the page's ids in relevance tiers —
 * "last first" starting with the query, then "first last", then other fuzzy matches — as owner
 * within app_kommune(), since under RLS no name index could be used; the rows are read here
 * through RLS as usual.
 */
async function searchByName(trx: Trx, kommune: string, q: string, limit: number, after?: NameCursor) {
  const rows = await trx
    .selectFrom(
      sql<{
        id: string
        tier: number
        sort_key: string
      }>`person_name_search(${q}, ${after?.t ?? null}::int, ${after?.k ?? null}, ${after?.id ?? null}::uuid, ${limit + 1})`.as(
        's',
      ),
    )
    .innerJoin('persons as p', 'p.id', 's.id')
    .select(SUMMARY.map((c) => `p.${c}` as const))
    .select(['s.tier', 's.sort_key'])
    .where('p.kommune', '=', kommune)
    .where('p.merged_into', 'is', null)
    .orderBy('s.tier')
    .orderBy(sql`s.sort_key collate "C"`)
    .orderBy('p.id')
    .limit(limit + 1)
    .execute()
  return rows.map(({ tier, sort_key, ...r }) => ({ ...r, cursor: { t: tier, k: sort_key, id: r.id } }))
}

/** Where a page of the person list ends: by name order (no query) or by search tier and key. */
export type PersonCursor = ListCursor | NameCursor
interface ListCursor {
  l: string
  f: string
  id: string
}
interface NameCursor {
  t: number
  k: string
  id: string
}
type PersonSearchRow = Pick<PersonRow, (typeof SUMMARY)[number]> & { cursor: PersonCursor }

/**
 * Likely duplicate pairs in the municipality, cheap joins first (same birth date, phone or folded
 * name). Names are compared after folding Norwegian letters both ways (fold_name, migration 0051);
 * pairs marked "ikke duplikat" are left out.
 */
export async function findDuplicatePairs(trx: Trx, kommune: string, limit = 100) {
  const r = await sql<{
    a_id: string
    b_id: string
    sim: number
    same_birth: boolean
    same_phone: boolean
  }>`
    select a.id as a_id, b.id as b_id,
           greatest(similarity(a.full_name, b.full_name), similarity(fold_name(a.full_name), fold_name(b.full_name))) as sim,
           coalesce(a.birth_date = b.birth_date, false) as same_birth, coalesce(a.phone = b.phone, false) as same_phone
      from persons a
      join persons b on b.kommune = a.kommune and a.id < b.id and b.merged_into is null
       and (b.birth_date = a.birth_date or b.phone = a.phone or fold_name(b.full_name) = fold_name(a.full_name))
     where a.kommune = ${kommune} and a.merged_into is null
       and (a.national_id is null or b.national_id is null or a.national_id = b.national_id)
       and greatest(similarity(a.full_name, b.full_name), similarity(fold_name(a.full_name), fold_name(b.full_name))) >= 0.4
       and not exists (select 1 from person_not_duplicates n
                        where n.kommune = ${kommune} and n.revoked_at is null
                          and n.person_a = a.id and n.person_b = b.id)
     order by sim desc, a.id, b.id
     limit ${limit}`.execute(trx)
  return r.rows
}

export async function summaries(trx: Trx, kommune: string, ids: string[]) {
  if (ids.length === 0) return []
  return trx
    .selectFrom('persons as p')
    .select(['p.id', 'p.national_id', 'p.first_name', 'p.last_name', 'p.birth_date', 'p.phone', 'p.kommune'])
    .where('p.id', 'in', ids)
    .where((eb) =>
      eb.or([
        eb('p.kommune', '=', kommune),
        eb.exists(
          eb
            .selectFrom('person_links as l')
            .whereRef('l.person_id', '=', 'p.id')
            .where('l.kommune', '=', kommune),
        ),
      ]),
    )
    .execute()
}
