import type pg from 'pg'
import { EXPOSURE_SETTINGS } from '../../shared/api/codes'
import { FIRST_NAMES, LAST_NAMES, prng, STREETS } from './names'
import { SyntheticIdSequence } from './synthetic-ids'

/** Approximate populations of the largest municipalities; the rest get a seeded size of 1–30k. */
const LARGE: Record<string, number> = {
  '0301': 709_000,
  '4601': 291_000,
  '5001': 214_000,
  '1103': 148_000,
  '3201': 130_000,
  '3203': 100_000,
  '4204': 117_000,
  '1108': 82_000,
  '3301': 103_000,
  '5501': 78_000,
  '3107': 83_000,
  '3105': 60_000,
  '3205': 98_000,
  '1577': 23_000,
  '1804': 53_000,
  '3905': 65_000,
  '3907': 66_000,
  '4003': 55_000,
  '1106': 38_000,
  '4203': 46_000,
  '3403': 33_000,
  '3404': 32_000,
  '1506': 67_000,
}

export interface SyntheticOptions {
  persons: number
  seed: number
  /** Share of persons who become index cases over the two years. */
  caseRate?: number
  /** "Today" for the few current measures with calls due (Dagens oppfølging). */
  today?: Date
  log?: (msg: string) => void
}

type Rows = Record<string, unknown[]>

/** A pool or one client of it, connected as the table owner. */
type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>

/** Inserts column arrays with one `INSERT … SELECT FROM unnest(…)` per batch. */
async function bulkInsert(
  pool: Queryable,
  table: string,
  types: Record<string, string>,
  rows: Rows,
  batch = 5000,
) {
  const cols = Object.keys(types)
  const n = rows[cols[0]!]!.length
  for (let start = 0; start < n; start += batch) {
    const params = cols.map((c) => rows[c]!.slice(start, start + batch))
    const sel = cols.map((c, i) => `$${i + 1}::${types[c]}[]`).join(', ')
    await pool.query(`insert into ${table} (${cols.join(', ')}) select * from unnest(${sel})`, params)
  }
  return n
}

const newRows = (cols: string[]): Rows => Object.fromEntries(cols.map((c) => [c, []]))
const push = (rows: Rows, values: Record<string, unknown>) => {
  for (const [k, v] of Object.entries(values)) rows[k]!.push(v)
}

/** A deterministic UUID v4-shaped id from the PRNG (so a seed reproduces the same ids). */
function uuidFrom(r: ReturnType<typeof prng>) {
  const h = () =>
    Math.floor(r.next() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0')
  const s = `${h()}${h()}${h()}${h()}`
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`
}

/** Two years of waves (2020-03 → 2022-02): returns a day offset from 2020-03-01 shaped like the curve. */
function epidemicDay(r: ReturnType<typeof prng>) {
  const waves = [
    { at: 20, sd: 12, w: 0.05 },
    { at: 270, sd: 35, w: 0.2 },
    { at: 380, sd: 30, w: 0.2 },
    { at: 560, sd: 40, w: 0.2 },
    { at: 680, sd: 25, w: 0.35 },
  ]
  // Pick a wave with probability w: walk the cumulative weights.
  const x = r.next()
  let acc = 0
  const wave =
    waves.find((w) => {
      acc += w.w
      return x < acc
    }) ?? waves[waves.length - 1]!
  const gauss = Math.sqrt(-2 * Math.log(r.next() || 1e-9)) * Math.cos(2 * Math.PI * r.next())
  return Math.max(0, Math.min(729, Math.round(wave.at + gauss * wave.sd)))
}

const START = Date.UTC(2020, 2, 1)
const dayIso = (d: number) => new Date(START + d * 86_400_000).toISOString().slice(0, 10)

/** Generates and loads the synthetic population (as the table owner: no RLS on the way in). */
export async function generateSynthetic(pool: Queryable, o: SyntheticOptions) {
  const t0 = Date.now()
  const r = prng(o.seed)
  const ids = new SyntheticIdSequence()
  const kommuner = (
    await pool.query<{ code: string }>(`select code from org_units where kind = 'kommune' order by code`)
  ).rows
  await pool.query(
    `update org_units set status = 'active', activated_at = coalesce(activated_at, now()) where kind = 'kommune'`,
  )
  const sizes = kommuner.map((k) => LARGE[k.code] ?? r.int(1_000, 30_000))
  const total = sizes.reduce((a, b) => a + b, 0)
  const counts = {
    persons: 0,
    cases: 0,
    contacts: 0,
    events: 0,
    participants: 0,
    measures: 0,
    followupCalls: 0,
  }
  const caseRate = o.caseRate ?? 0.15

  await setChainTriggers(pool, false)
  const indexes = await dropSecondaryIndexes(pool)
  try {
    await loadKommuner()
  } finally {
    o.log?.(`Bygger ${indexes.length} indekser på nytt …`)
    // Same round trip, so the same connection of a pool: index builds sort in memory.
    for (const def of indexes) await pool.query(`set maintenance_work_mem = '512MB'; ${def}`)
    await setChainTriggers(pool, true)
  }
  await pool.query('analyze')
  return { rows: counts, ms: Date.now() - t0 }

  // One municipality at a time: its persons, cases, contacts, events, measures and calls.
  async function loadKommuner() {
    for (const [i, k] of kommuner.entries()) {
      const n = Math.max(5, Math.round((o.persons * sizes[i]!) / total))
      const persons = newRows([
        'id',
        'kommune',
        'owner_unit',
        'national_id',
        'id_type',
        'first_name',
        'last_name',
        'birth_date',
        'sex',
        'phone',
        'street',
        'postcode',
        'place',
        'residence_kommune',
      ])
      const households: string[][] = []
      let household: string[] = []
      for (let p = 0; p < n; p++) {
        if (household.length === 0 || r.chance(0.4)) {
          household = []
          households.push(household)
        }
        const id = uuidFrom(r)
        const nid = ids.next(r.int(0, ids.dayCount - 1))
        household.push(id)
        const hh = households.length
        push(persons, {
          id,
          kommune: k.code,
          owner_unit: k.code,
          national_id: nid.id,
          id_type: 'tnr',
          first_name: r.pick(FIRST_NAMES),
          last_name: r.pick(LAST_NAMES),
          birth_date: nid.birthDate,
          sex: r.pick(['female', 'male'] as const),
          phone: `9${String(r.int(0, 9_999_999)).padStart(7, '0')}`,
          street: `${STREETS[hh % STREETS.length]} ${1 + (hh % 150)}`,
          postcode: `${k.code.slice(0, 2)}${String(hh % 100).padStart(2, '0')}`,
          place: k.code,
          residence_kommune: k.code,
        })
      }
      counts.persons += await bulkInsert(
        pool,
        'persons',
        {
          id: 'uuid',
          kommune: 'text',
          owner_unit: 'text',
          national_id: 'text',
          id_type: 'text',
          first_name: 'text',
          last_name: 'text',
          birth_date: 'date',
          sex: 'text',
          phone: 'text',
          street: 'text',
          postcode: 'text',
          place: 'text',
          residence_kommune: 'text',
        },
        persons,
      )

      const personIds = persons.id as string[]
      const householdOf = new Map<string, string[]>()
      for (const h of households) for (const p of h) householdOf.set(p, h)
      const cases = newRows([
        'id',
        'kommune',
        'owner_unit',
        'person_id',
        'test_date',
        'test_type',
        'symptomatic',
        'onset_date',
        'infection_source',
        'exposure_setting',
        'interview_status',
        'status',
        'source_contact_id',
        'created_at',
      ])
      const contacts = newRows([
        'id',
        'kommune',
        'owner_unit',
        'person_id',
        'case_id',
        'relation',
        'exposure_setting',
        'last_exposure',
        'household',
        'notified_at',
        'status',
        'created_at',
      ])
      const caseCount = Math.round(n * caseRate)
      const days = Array.from({ length: caseCount }, () => epidemicDay(r)).sort((a, b) => a - b)
      const recentContacts: { id: string; person: string; day: number }[] = []
      const isCase = new Set<string>()
      for (const day of days) {
        let person = r.pick(personIds)
        let source: string | null = null
        const known =
          recentContacts.length > 0 && r.chance(0.35)
            ? recentContacts[r.int(Math.max(0, recentContacts.length - 200), recentContacts.length - 1)]
            : undefined
        if (known && !isCase.has(known.person) && day - known.day <= 14) {
          person = known.person
          source = known.id
        }
        if (isCase.has(person)) continue
        isCase.add(person)
        const caseId = uuidFrom(r)
        const test = dayIso(day)
        const symptomatic = r.chance(0.7)
        push(cases, {
          id: caseId,
          kommune: k.code,
          owner_unit: k.code,
          person_id: person,
          test_date: test,
          test_type: r.pick(['pcr', 'pcr', 'antigen', 'self'] as const),
          symptomatic,
          onset_date: symptomatic ? dayIso(Math.max(0, day - r.int(0, 3))) : null,
          infection_source: source ? 'contact' : r.pick(['event', 'travel', 'unknown'] as const),
          exposure_setting: r.pick(EXPOSURE_SETTINGS).code,
          interview_status: 'done',
          status: 'closed',
          source_contact_id: source,
          created_at: `${test}T10:00:00Z`,
        })
        const chosen = new Set<string>([person])
        const hh = (householdOf.get(person) ?? []).filter((p) => p !== person)
        const want = r.int(3, 10)
        for (const c of [...hh, ...Array.from({ length: want }, () => r.pick(personIds))]) {
          if (chosen.size > want || chosen.has(c)) continue
          chosen.add(c)
          const inHousehold = hh.includes(c)
          const contactId = uuidFrom(r)
          push(contacts, {
            id: contactId,
            kommune: k.code,
            owner_unit: k.code,
            person_id: c,
            case_id: caseId,
            relation: inHousehold
              ? 'household'
              : r.pick(['colleague', 'friend', 'family', 'classmate', 'other'] as const),
            exposure_setting: inHousehold ? 'household' : r.pick(EXPOSURE_SETTINGS).code,
            last_exposure: dayIso(Math.max(0, day - r.int(0, 2))),
            household: inHousehold,
            notified_at: dayIso(day),
            status: 'finished',
            created_at: `${test}T12:00:00Z`,
          })
          recentContacts.push({ id: contactId, person: c, day })
        }
      }
      // Contacts must exist before the cases that point at them (source_contact_id): load cases
      // without the link first, contacts next, then set the links.
      const links = (cases.source_contact_id as (string | null)[]).slice()
      cases.source_contact_id = links.map(() => null)
      counts.cases += await bulkInsert(
        pool,
        'cases',
        {
          id: 'uuid',
          kommune: 'text',
          owner_unit: 'text',
          person_id: 'uuid',
          test_date: 'date',
          test_type: 'text',
          symptomatic: 'bool',
          onset_date: 'date',
          infection_source: 'text',
          exposure_setting: 'text',
          interview_status: 'text',
          status: 'text',
          source_contact_id: 'uuid',
          created_at: 'timestamptz',
        },
        cases,
      )
      counts.contacts += await bulkInsert(
        pool,
        'contacts',
        {
          id: 'uuid',
          kommune: 'text',
          owner_unit: 'text',
          person_id: 'uuid',
          case_id: 'uuid',
          relation: 'text',
          exposure_setting: 'text',
          last_exposure: 'date',
          household: 'bool',
          notified_at: 'date',
          status: 'text',
          created_at: 'timestamptz',
        },
        contacts,
      )
      const caseIds = cases.id as string[]
      const linked = caseIds.map((id, j) => [id, links[j]] as const).filter(([, s]) => s)
      if (linked.length)
        await pool.query(
          `update cases c set source_contact_id = l.src from unnest($1::uuid[], $2::uuid[]) as l(id, src) where c.id = l.id`,
          [linked.map(([id]) => id), linked.map(([, s]) => s)],
        )
      const ev = await loadEvents(pool, r, k.code, cases, personIds)
      counts.events += ev.events
      counts.participants += ev.participants
      await loadChains(pool, r, k.code, { cases, links, contacts, events: ev.rows, participants: ev.parts })
      const m = await loadMeasures(pool, r, k.code, cases, contacts, o.today ?? new Date())
      counts.measures += m.measures
      counts.followupCalls += m.calls
      if (i % 25 === 0)
        o.log?.(`${k.code}: ${counts.persons} personer, ${counts.cases} saker, ${counts.contacts} kontakter`)
    }
  }
}

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/**
 * Isolation for every case and quarantine for every contact (ended, with four follow-up calls
 * each), plus a few current quarantines whose calls are due today or overdue, so the follow-up
 * worklist has real work at any scale.
 */
async function loadMeasures(
  pool: Queryable,
  r: ReturnType<typeof prng>,
  kommune: string,
  cases: Rows,
  contacts: Rows,
  today: Date,
) {
  const measures = newRows([
    'id',
    'kommune',
    'owner_unit',
    'person_id',
    'kind',
    'case_id',
    'contact_id',
    'start_date',
    'end_date',
    'status',
    'override_reason',
  ])
  const calls = newRows([
    'id',
    'kommune',
    'measure_id',
    'person_id',
    'planned_date',
    'day_number',
    'last_day',
    'status',
    'done_at',
    'reached',
  ])
  const todayIso = today.toISOString().slice(0, 10)
  const add = (
    kind: 'isolation' | 'quarantine',
    person: string,
    ids: [string | null, string | null],
    start: string,
    days: number,
    current: boolean,
  ) => {
    const id = uuidFrom(r)
    push(measures, {
      id,
      kommune,
      owner_unit: kommune,
      person_id: person,
      kind,
      case_id: ids[0],
      contact_id: ids[1],
      start_date: start,
      end_date: addDays(start, days),
      status: current ? 'active' : 'ended',
      override_reason: 'Syntetiske testdata',
    })
    for (const [n, day] of [1, 3, 7, days].entries()) {
      const planned = addDays(start, day)
      push(calls, {
        id: uuidFrom(r),
        kommune,
        measure_id: id,
        person_id: person,
        planned_date: planned,
        day_number: day,
        last_day: n === 3,
        status: current ? 'planned' : 'done',
        done_at: current ? null : `${planned}T11:00:00Z`,
        reached: current ? null : r.chance(0.9),
      })
    }
  }
  const caseIds = cases.id as string[]
  for (let j = 0; j < caseIds.length; j++)
    add(
      'isolation',
      cases.person_id![j] as string,
      [caseIds[j]!, null],
      cases.test_date![j] as string,
      6,
      false,
    )
  const contactIds = contacts.id as string[]
  for (let j = 0; j < contactIds.length; j++)
    add(
      'quarantine',
      contacts.person_id![j] as string,
      [null, contactIds[j]!],
      contacts.last_exposure![j] as string,
      10,
      false,
    )
  // Current work: about one active quarantine per 100 contacts, started in the last ten days.
  for (let j = 0; j < contactIds.length; j += 100)
    add(
      'quarantine',
      contacts.person_id![j] as string,
      [null, contactIds[j]!],
      addDays(todayIso, -r.int(0, 9)),
      10,
      true,
    )
  const measureTypes = {
    id: 'uuid',
    kommune: 'text',
    owner_unit: 'text',
    person_id: 'uuid',
    kind: 'text',
    case_id: 'uuid',
    contact_id: 'uuid',
    start_date: 'date',
    end_date: 'date',
    status: 'text',
    override_reason: 'text',
  }
  const callTypes = {
    id: 'uuid',
    kommune: 'text',
    measure_id: 'uuid',
    person_id: 'uuid',
    planned_date: 'date',
    day_number: 'int4',
    last_day: 'bool',
    status: 'text',
    done_at: 'timestamptz',
    reached: 'bool',
  }
  return {
    measures: await bulkInsert(pool, 'measures', measureTypes, measures),
    calls: await bulkInsert(pool, 'followup_calls', callTypes, calls),
  }
}

/** The chain triggers (migration 0013): a bulk load turns them off and runs chain_recompute once. */
const CHAIN_TRIGGERS = [
  ['cases', 'chain_case_ins'],
  ['cases', 'chain_case_upd'],
  ['contacts', 'chain_contact_ins'],
  ['contacts', 'chain_contact_upd'],
  ['events', 'chain_event_ins'],
  ['events', 'chain_event_upd'],
  ['event_participants', 'chain_participant_ins'],
  ['event_participants', 'chain_participant_upd'],
] as const

async function setChainTriggers(pool: Queryable, on: boolean) {
  for (const [table, trigger] of CHAIN_TRIGGERS)
    await pool.query(`alter table ${table} ${on ? 'enable' : 'disable'} trigger ${trigger}`)
}

/** The tables the generator fills. */
const BULK_TABLES = [
  'persons',
  'cases',
  'contacts',
  'events',
  'event_participants',
  'measures',
  'followup_calls',
  'chain_nodes',
]

/**
 * Drops the secondary indexes of the bulk tables and returns their definitions: building an
 * index once over loaded rows is many times faster than updating it row by row (the trigram
 * index on names most of all). Primary keys and unique constraints stay, so the load is still
 * checked; the caller recreates the rest, also when the load fails.
 */
async function dropSecondaryIndexes(pool: Queryable): Promise<string[]> {
  const { rows } = await pool.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i
      where i.indrelid = any($1::regclass[])
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [BULK_TABLES],
  )
  for (const r of rows) await pool.query(`drop index ${r.name}`)
  return rows.map((r) => r.def)
}

const EVENT_NAMES = ['Bursdagsfeiring', 'Korøvelse', 'Julebord', 'Fotballtrening', 'Bryllup', 'Konfirmasjon']

/**
 * About one event per 25 cases: a gathering around one of the cases' test days (one in five an
 * outbreak), with that case as participant and 4–20 others from the municipality as attendees.
 */
async function loadEvents(
  pool: Queryable,
  r: ReturnType<typeof prng>,
  kommune: string,
  cases: Rows,
  personIds: string[],
) {
  const events = newRows(['id', 'kommune', 'owner_unit', 'name', 'exposure_setting', 'location', 'starts_at'])
  events.outbreak = []
  const parts = newRows(['kommune', 'event_id', 'person_id', 'role', 'case_id', 'exposure_at'])
  const caseIds = cases.id as string[]
  for (let j = 0; j < caseIds.length; j++) {
    if (!r.chance(0.04)) continue
    const id = uuidFrom(r)
    const starts = `${addDays(cases.test_date![j] as string, -r.int(2, 5))}T18:00:00Z`
    push(events, {
      id,
      kommune,
      owner_unit: kommune,
      name: `${r.pick(EVENT_NAMES)} ${events.id!.length + 1}`,
      exposure_setting: r.pick(EXPOSURE_SETTINGS).code,
      location: r.pick(STREETS),
      starts_at: starts,
      outbreak: r.chance(0.2),
    })
    const seen = new Set<string>([cases.person_id![j] as string])
    const base = { kommune, event_id: id, exposure_at: starts }
    push(parts, { ...base, person_id: cases.person_id![j], role: 'case', case_id: caseIds[j] })
    for (let a = r.int(4, 20); a > 0; a--) {
      const p = r.pick(personIds)
      if (seen.has(p)) continue
      seen.add(p)
      push(parts, { ...base, person_id: p, role: 'attendee', case_id: null })
    }
  }
  const n = await bulkInsert(
    pool,
    'events',
    {
      id: 'uuid',
      kommune: 'text',
      owner_unit: 'text',
      name: 'text',
      exposure_setting: 'text',
      location: 'text',
      starts_at: 'timestamptz',
      outbreak: 'bool',
    },
    events,
  )
  const p = await bulkInsert(
    pool,
    'event_participants',
    {
      kommune: 'text',
      event_id: 'uuid',
      person_id: 'uuid',
      role: 'text',
      case_id: 'uuid',
      exposure_at: 'timestamptz',
    },
    parts,
  )
  return { events: n, participants: p, rows: events, parts }
}

/**
 * The municipality's chains (chain_nodes), computed here: the generator knows every link it made,
 * so union-find over the same edges as chain_neighbours (migration 0013) gives the chains in
 * milliseconds, where chain_recompute over millions of loaded rows takes minutes. Edges: a
 * contact and its case; a case and the contact it came from; a contact and the case of the same
 * person; an event and a participating case. The synthetic test compares the result with the
 * reference definition.
 */
async function loadChains(
  pool: Queryable,
  r: ReturnType<typeof prng>,
  kommune: string,
  d: { cases: Rows; links: (string | null)[]; contacts: Rows; events: Rows; participants: Rows },
) {
  const index = new Map<string, number>()
  const nodes = newRows(['node_type', 'node_id', 'kommune', 'chain_id', 'node_date'])
  const add = (type: string, id: string, date: string | null) => {
    index.set(id, nodes.node_id!.length)
    push(nodes, { node_type: type, node_id: id, kommune, chain_id: null, node_date: date })
  }
  d.cases.id!.forEach((id, j) => {
    add('case', id as string, d.cases.test_date![j] as string)
  })
  d.contacts.id!.forEach((id, j) => {
    add('contact', id as string, d.contacts.last_exposure![j] as string)
  })
  d.events.id!.forEach((id, j) => {
    add('event', id as string, (d.events.starts_at![j] as string).slice(0, 10))
  })
  const parent = Int32Array.from({ length: nodes.node_id!.length }, (_, i) => i)
  const find = (i: number) => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!
      i = parent[i]!
    }
    return i
  }
  const union = (a: unknown, b: unknown) => {
    const [x, y] = [index.get(a as string), index.get(b as string)]
    if (x !== undefined && y !== undefined) parent[find(x)] = find(y)
  }
  const caseOfPerson = new Map(d.cases.person_id!.map((p, j) => [p as string, d.cases.id![j]]))
  d.contacts.id!.forEach((id, j) => {
    union(id, d.contacts.case_id![j])
    union(id, caseOfPerson.get(d.contacts.person_id![j] as string))
  })
  d.cases.id!.forEach((id, j) => {
    union(id, d.links[j])
  })
  d.participants.event_id!.forEach((e, j) => {
    union(e, d.participants.case_id![j])
  })
  const chainOf = new Map<number, string>()
  nodes.chain_id = nodes.node_id!.map((_, i) => {
    const root = find(i)
    if (!chainOf.has(root)) chainOf.set(root, uuidFrom(r))
    return chainOf.get(root)
  })
  await bulkInsert(
    pool,
    'chain_nodes',
    { node_type: 'text', node_id: 'uuid', kommune: 'text', chain_id: 'uuid', node_date: 'date' },
    nodes,
  )
}
