import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../db/tenant'
import { activateKommune, type LoggedIn } from '../test/factories'
import { addContact, type CaseworkFixture, caseworkFixture, createCase, day } from './cases/casework.fixtures'
import { windows1252Csv } from './imports/__fixtures__/fixtures'
import { uploadFile } from './imports/imports.test-helpers'

/**
 * Cross-tenant suite: every endpoint that touches personal data, called by users of Oslo (0301)
 * on records owned by Bergen (4601). Single records must answer 404 (their existence is not
 * revealed) and lists, searches and worklists must not contain them. Add a row to PROBES for
 * each new endpoint.
 */

interface Owned {
  caseId: string
  personId: string
  nationalId: string
  lastName: string
  contactId: string
  contactPersonId: string
  flagId: string
  eventId: string
  measureId: string
  callId: string
  documentId: string
  importId: string
  participantId: string
  chainId: string
  transferId: string
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
/** A single-record endpoint: the intruder must get 404. */
type RecordProbe = {
  kind: 'record'
  method: Method
  url: (o: Owned) => string
  payload?: (o: Owned) => unknown
  as?: 'admin'
}
/** A list endpoint: 200, and none of the owner's ids may appear anywhere in the answer. */
type ListProbe = { kind: 'list'; url: (o: Owned) => string; as?: 'admin' }

const PROBES: Record<string, RecordProbe | ListProbe> = {
  // ---------------------------------------------------------------- cases
  'GET case': { kind: 'record', method: 'GET', url: (o) => `/api/cases/${o.caseId}` },
  'PATCH case': {
    kind: 'record',
    method: 'PATCH',
    url: (o) => `/api/cases/${o.caseId}`,
    payload: () => ({ version: 1, notes: 'x' }),
  },
  'PUT case assignee': {
    kind: 'record',
    method: 'PUT',
    url: (o) => `/api/cases/${o.caseId}/assignee`,
    payload: () => ({ userId: null, version: 1 }),
  },
  'POST case close': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/cases/${o.caseId}/close`,
    payload: () => ({ version: 1 }),
  },
  'POST case reopen': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/cases/${o.caseId}/reopen`,
    payload: () => ({ version: 1 }),
  },
  'GET household suggestions': {
    kind: 'record',
    method: 'GET',
    url: (o) => `/api/cases/${o.caseId}/household-suggestions`,
  },
  'POST case contact': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/cases/${o.caseId}/contacts`,
    payload: (o) => ({ person: { personId: o.contactPersonId }, lastExposure: day(-1) }),
  },
  'POST case contacts batch': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/cases/${o.caseId}/contacts/batch`,
    payload: (o) => ({ rows: [{ person: { personId: o.contactPersonId }, lastExposure: day(-1) }] }),
  },
  'GET case list': { kind: 'list', url: () => '/api/cases' },
  'GET case search by national id': { kind: 'list', url: (o) => `/api/cases?q=${o.nationalId}` },
  'GET case search by name': { kind: 'list', url: (o) => `/api/cases?q=${encodeURIComponent(o.lastName)}` },
  // ---------------------------------------------------------------- contacts
  'GET contact': { kind: 'record', method: 'GET', url: (o) => `/api/contacts/${o.contactId}` },
  'PATCH contact': {
    kind: 'record',
    method: 'PATCH',
    url: (o) => `/api/contacts/${o.contactId}`,
    payload: () => ({ version: 1, notes: 'x' }),
  },
  'POST contact notified': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/contacts/${o.contactId}/notified`,
    payload: () => ({ notifiedAt: day(0), version: 1 }),
  },
  'PUT contact assignee': {
    kind: 'record',
    method: 'PUT',
    url: (o) => `/api/contacts/${o.contactId}/assignee`,
    payload: () => ({ userId: null, version: 1 }),
  },
  'POST contact convert': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/contacts/${o.contactId}/convert-to-case`,
    payload: () => ({ testDate: day(0), version: 1 }),
  },
  // ---------------------------------------------------------------- worklists
  'GET worklist my-cases': { kind: 'list', url: () => '/api/worklists/my-cases' },
  'GET worklist my-contacts': { kind: 'list', url: () => '/api/worklists/my-contacts' },
  'GET worklist unassigned-cases': { kind: 'list', url: () => '/api/worklists/unassigned-cases' },
  'GET worklist interviews-not-done': { kind: 'list', url: () => '/api/worklists/interviews-not-done' },
  'GET worklist contacts-not-notified': { kind: 'list', url: () => '/api/worklists/contacts-not-notified' },
  'GET worklist followups-due': { kind: 'list', url: () => '/api/worklists/followups-due' },
  'GET worklist measures-ending-today': { kind: 'list', url: () => '/api/worklists/measures-ending-today' },
  'GET worklist transfers-waiting': { kind: 'list', url: () => '/api/worklists/transfers-waiting' },
  'GET assignable users': { kind: 'list', url: () => '/api/users/assignable' },
  // ---------------------------------------------------------------- persons
  'GET person records': { kind: 'record', method: 'GET', url: (o) => `/api/persons/${o.personId}/records` },
  'GET contact person records': {
    kind: 'record',
    method: 'GET',
    url: (o) => `/api/persons/${o.contactPersonId}/records`,
  },
  // ---------------------------------------------------------------- flags
  'POST flag on case': {
    kind: 'record',
    method: 'POST',
    url: () => '/api/flags',
    payload: (o) => ({ recordType: 'case', recordId: o.caseId, comment: 'x' }),
  },
  'POST flag on contact': {
    kind: 'record',
    method: 'POST',
    url: () => '/api/flags',
    payload: (o) => ({ recordType: 'contact', recordId: o.contactId, comment: 'x' }),
  },
  'POST flag on person': {
    kind: 'record',
    method: 'POST',
    url: () => '/api/flags',
    payload: (o) => ({ recordType: 'person', recordId: o.personId, comment: 'x' }),
  },
  'POST flag on event': {
    kind: 'record',
    method: 'POST',
    url: () => '/api/flags',
    payload: (o) => ({ recordType: 'event', recordId: o.eventId, comment: 'x' }),
  },
  'POST flag resolve': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/flags/${o.flagId}/resolve`,
    payload: () => ({ resolution: 'x', version: 1 }),
    as: 'admin',
  },
  'GET flags': { kind: 'list', url: () => '/api/flags', as: 'admin' },
  // ---------------------------------------------------------------- audit log (Administrator)
  'GET innsyn report': {
    kind: 'record',
    method: 'GET',
    url: (o) => `/api/audit-log/innsyn/${o.personId}`,
    as: 'admin',
  },
  'GET innsyn report CSV': {
    kind: 'record',
    method: 'GET',
    url: (o) => `/api/audit-log/innsyn/${o.personId}.csv`,
    as: 'admin',
  },
  'GET audit log by person': {
    kind: 'list',
    url: (o) => `/api/audit-log?personId=${o.personId}`,
    as: 'admin',
  },
  // ---------------------------------------------------------------- measures and follow-up
  'POST quarantine for contact': {
    kind: 'record',
    method: 'POST',
    url: () => '/api/measures',
    payload: (o) => ({ kind: 'quarantine', contactId: o.contactId }),
  },
  'POST isolation for case': {
    kind: 'record',
    method: 'POST',
    url: () => '/api/measures',
    payload: (o) => ({ kind: 'isolation', caseId: o.caseId }),
  },
  'GET measure preview': {
    kind: 'record',
    method: 'GET',
    url: (o) => `/api/measures/preview?kind=quarantine&contactId=${o.contactId}`,
  },
  'GET measure': { kind: 'record', method: 'GET', url: (o) => `/api/measures/${o.measureId}` },
  'POST measure adjust': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/measures/${o.measureId}/adjust`,
    payload: () => ({ version: 1, action: 'extend', endDate: day(20), reason: 'Ny eksponering' }),
  },
  'POST measure cancel': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/measures/${o.measureId}/cancel`,
    payload: () => ({ version: 1, reason: 'Feilregistrert' }),
  },
  'POST measure exempt': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/measures/${o.measureId}/exempt`,
    payload: () => ({ version: 1, from: day(0), reason: 'Vaksinert' }),
  },
  'POST measure letter': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/measures/${o.measureId}/letters`,
    payload: () => ({ language: 'nb' }),
  },
  'GET letter PDF': { kind: 'record', method: 'GET', url: (o) => `/api/documents/${o.documentId}/content` },
  'POST follow-up call record': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/followups/${o.callId}/record`,
    payload: () => ({ version: 1, reached: false }),
  },
  'POST follow-up assign': {
    kind: 'record',
    method: 'POST',
    url: () => '/api/followups/assign',
    payload: (o) => ({ callIds: [o.callId], mode: 'unassign' }),
  },
  'GET measures of contact': { kind: 'list', url: (o) => `/api/measures?contactId=${o.contactId}` },
  'GET measures of person': { kind: 'list', url: (o) => `/api/measures?personId=${o.contactPersonId}` },
  'GET measures in effect today': { kind: 'list', url: () => '/api/measures/lists/today' },
  'GET measures ending today': { kind: 'list', url: () => '/api/measures/lists/ending-today' },
  'GET Dagens oppfølging': { kind: 'list', url: () => '/api/followups/today' },
  'GET outbox': { kind: 'list', url: () => '/api/outbox' },
  // ---------------------------------------------------------------- import and export
  'GET import': { kind: 'record', method: 'GET', url: (o) => `/api/imports/${o.importId}` },
  'GET import rows': { kind: 'record', method: 'GET', url: (o) => `/api/imports/${o.importId}/rows` },
  'GET import report': {
    kind: 'record',
    method: 'GET',
    url: (o) => `/api/imports/${o.importId}/report.xlsx`,
  },
  'PUT import mapping': {
    kind: 'record',
    method: 'PUT',
    url: (o) => `/api/imports/${o.importId}/mapping`,
    payload: () => ({ sheets: [{ name: 'liste', recordType: 'cases', columns: [] }] }),
  },
  'POST import validate': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/imports/${o.importId}/validate`,
  },
  'POST import commit': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/imports/${o.importId}/commit`,
    payload: () => ({ mode: 'valid_only' }),
  },
  'POST import cancel': { kind: 'record', method: 'POST', url: (o) => `/api/imports/${o.importId}/cancel` },
  'GET imports': { kind: 'list', url: () => '/api/imports' },
  'GET export cases CSV': { kind: 'list', url: () => '/api/exports/line-list?format=csv&types=cases' },
  'GET export contacts CSV': { kind: 'list', url: () => '/api/exports/line-list?format=csv&types=contacts' },
  'GET export events CSV': { kind: 'list', url: () => '/api/exports/line-list?format=csv&types=events' },
  'GET export measures CSV': { kind: 'list', url: () => '/api/exports/line-list?format=csv&types=measures' },
  // ---------------------------------------------------------------- events, chains, transfers
  'GET event': { kind: 'record', method: 'GET', url: (o) => `/api/events/${o.eventId}` },
  'PATCH event': {
    kind: 'record',
    method: 'PATCH',
    url: (o) => `/api/events/${o.eventId}`,
    payload: () => ({ description: 'x', version: 1 }),
  },
  'PUT event outbreak': {
    kind: 'record',
    method: 'PUT',
    url: (o) => `/api/events/${o.eventId}/outbreak`,
    payload: () => ({ outbreak: true, commonSource: 'x', version: 1 }),
  },
  'POST event participant': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/events/${o.eventId}/participants`,
    payload: (o) => ({ person: { personId: o.contactPersonId } }),
  },
  'POST event participants batch': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/events/${o.eventId}/participants/batch`,
    payload: (o) => ({ rows: [{ person: { personId: o.contactPersonId } }] }),
  },
  'PATCH event participant': {
    kind: 'record',
    method: 'PATCH',
    url: (o) => `/api/events/${o.eventId}/participants/${o.participantId}`,
    payload: () => ({ notes: 'x', version: 1 }),
  },
  'DELETE event participant': {
    kind: 'record',
    method: 'DELETE',
    url: (o) => `/api/events/${o.eventId}/participants/${o.participantId}?version=1`,
  },
  'POST event participants → contacts': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/events/${o.eventId}/contacts`,
    payload: (o) => ({ caseId: o.caseId, participantIds: [o.participantId] }),
  },
  'POST event participant convert': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/events/${o.eventId}/participants/${o.participantId}/convert-to-case`,
    payload: () => ({ testDate: day(0), version: 1 }),
  },
  'GET events': { kind: 'list', url: () => '/api/events' },
  'GET events by name': { kind: 'list', url: () => '/api/events?q=Konsert' },
  'GET chains': { kind: 'list', url: () => '/api/chains' },
  'GET active chains': { kind: 'list', url: () => '/api/chains?active=true' },
  'GET chain by case': { kind: 'record', method: 'GET', url: (o) => `/api/chains/by-case/${o.caseId}` },
  'GET chain by its id': { kind: 'record', method: 'GET', url: (o) => `/api/chains/${o.chainId}` },
  'GET chain by case id': { kind: 'record', method: 'GET', url: (o) => `/api/chains/${o.caseId}` },
  'POST transfer of a contact': {
    kind: 'record',
    method: 'POST',
    url: () => '/api/transfers',
    payload: (o) => ({ recordType: 'contact', recordId: o.contactId, toKommune: '5001', message: 'x' }),
  },
  'POST transfer of a case': {
    kind: 'record',
    method: 'POST',
    url: () => '/api/transfers',
    payload: (o) => ({ recordType: 'case', recordId: o.caseId, toKommune: '5001', message: 'x' }),
  },
  'GET transfer': { kind: 'record', method: 'GET', url: (o) => `/api/transfers/${o.transferId}` },
  'POST transfer accept': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/transfers/${o.transferId}/accept`,
    payload: () => ({ version: 1 }),
  },
  'POST transfer reject': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/transfers/${o.transferId}/reject`,
    payload: () => ({ reason: 'Ikke vår', version: 1 }),
  },
  'POST transfer cancel': {
    kind: 'record',
    method: 'POST',
    url: (o) => `/api/transfers/${o.transferId}/cancel`,
    payload: () => ({ version: 1 }),
  },
  'GET transfers inbox': { kind: 'list', url: () => '/api/transfers?box=inbox' },
  'GET transfers sent': { kind: 'list', url: () => '/api/transfers?box=sent' },
  'GET transfer counts': { kind: 'list', url: () => '/api/transfers/counts' },
}

let f: CaseworkFixture
let owned: Owned
let intruder: { tracer: LoggedIn; admin: LoggedIn }

beforeAll(async () => {
  f = await caseworkFixture()
  const c = await createCase(f.bergen, { assignedTo: f.bergen.user.id })
  await createCase(f.bergen) // unassigned
  const t = await addContact(f.bergen, c.id)
  const flag = await f.bergen.inject({
    method: 'POST',
    url: '/api/flags',
    payload: { recordType: 'case', recordId: c.id, comment: 'Feil' },
  })
  expect(flag.statusCode).toBe(201)
  owned = {
    caseId: c.id,
    personId: c.person.id,
    nationalId: c.person.nationalId,
    lastName: c.person.lastName,
    contactId: t.contactId,
    contactPersonId: t.personId,
    flagId: flag.json().id,
    eventId: (
      await inTenant(f.t.db.db, { kommune: '4601' }, (trx) =>
        trx
          .insertInto('events')
          .values({ kommune: '4601', owner_unit: '4601', name: 'Konsert', exposure_setting: 'event' })
          .returning('id')
          .executeTakeFirstOrThrow(),
      )
    ).id,
    ...(await bergenMeasure(t.contactId)),
    importId: (await uploadFile(f.t.app, f.bergen, 'liste.csv', windows1252Csv())).json().id,
  } as Owned // participant, chain and transfer ids are filled in just below
  Object.assign(owned, await bergenEventAndTransfer(owned))
  intruder = { tracer: f.oslo, admin: f.osloAdmin }
})

/** A participant of the Bergen event, the Bergen chain, and a transfer from Bergen to Trondheim. */
async function bergenEventAndTransfer(o: Owned) {
  await activateKommune(f.t.db.db, '5001')
  const p = await f.bergen.inject({
    method: 'POST',
    url: `/api/events/${o.eventId}/participants`,
    payload: {
      person: { personId: o.contactPersonId },
      exposureAt: new Date(Date.now() - 86_400_000).toISOString(),
    },
  })
  expect(p.statusCode, p.body).toBe(201)
  const x = await f.bergen.inject({
    method: 'POST',
    url: '/api/transfers',
    payload: { recordType: 'contact', recordId: o.contactId, toKommune: '5001', message: 'Bor i Trondheim' },
  })
  expect(x.statusCode, x.body).toBe(201)
  const chain = await f.bergen.inject({ url: `/api/chains/by-case/${o.caseId}` })
  return {
    participantId: p.json().items[0].participantId,
    chainId: chain.json().chainId,
    transferId: x.json().id,
  }
}

/** A Bergen quarantine (dates set by hand: no national rule applies today), its call and letter. */
async function bergenMeasure(contactId: string) {
  const m = await f.bergen.inject({
    method: 'POST',
    url: '/api/measures',
    payload: {
      kind: 'quarantine',
      contactId,
      override: { startDate: day(-1), endDate: day(9), reason: 'Kommuneoverlegens vurdering' },
    },
  })
  expect(m.statusCode, m.body).toBe(200)
  const letter = await f.bergen.inject({
    method: 'POST',
    url: `/api/measures/${m.json().id}/letters`,
    payload: { language: 'nb' },
  })
  expect(letter.statusCode, letter.body).toBe(200)
  return { measureId: m.json().id, callId: m.json().calls[0].id, documentId: letter.json().id }
}
afterAll(() => f.t.close())

const ownedIds = () => Object.values(owned)

describe('cross-tenant: Oslo users on Bergen records', () => {
  for (const [name, probe] of Object.entries(PROBES)) {
    it(`${name} → ${probe.kind === 'record' ? '404' : 'nothing of Bergen'}`, async () => {
      const who = probe.as === 'admin' ? intruder.admin : intruder.tracer
      if (probe.kind === 'record') {
        const res = await who.inject({
          method: probe.method,
          url: probe.url(owned),
          payload: probe.payload?.(owned),
        })
        expect(res.statusCode, res.body).toBe(404)
        expect(res.json().code).toBe('not-found')
        // `instance` echoes the requested URL; nothing else may carry the owner's ids.
        const { instance: _url, ...problem } = res.json()
        for (const id of ownedIds()) expect(JSON.stringify(problem)).not.toContain(id)
      } else {
        const res = await who.inject({ url: probe.url(owned) })
        expect(res.statusCode, res.body).toBe(200)
        for (const id of ownedIds()) expect(res.body).not.toContain(id)
        expect(res.body).not.toContain(owned.nationalId)
      }
    })
  }

  it('left every Bergen record as it was (no write went through)', async () => {
    const state = await inTenant(f.t.db.db, { kommune: '4601' }, async (trx) => ({
      cases: await trx
        .selectFrom('cases')
        .select(['id', 'version', 'status'])
        .where('id', '=', owned.caseId)
        .execute(),
      contact: await trx
        .selectFrom('contacts')
        .select(['version', 'status', 'notified_at'])
        .where('id', '=', owned.contactId)
        .execute(),
      flags: await trx
        .selectFrom('flags')
        .select(['status', 'version'])
        .where('kommune', '=', '4601')
        .execute(),
      contactsOfCase: await trx
        .selectFrom('contacts')
        .select('id')
        .where('case_id', '=', owned.caseId)
        .execute(),
    }))
    expect(state).toEqual({
      cases: [{ id: owned.caseId, version: 1, status: 'open' }],
      contact: [{ version: 1, status: 'active', notified_at: null }],
      flags: [{ status: 'open', version: 1 }],
      contactsOfCase: [{ id: owned.contactId }],
    })
    const flagsInOslo = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      trx.selectFrom('flags').select('id').execute(),
    )
    expect(flagsInOslo).toEqual([])
  })

  it('left the Bergen measure, its calls and letters as they were', async () => {
    const state = await inTenant(f.t.db.db, { kommune: '4601' }, async (trx) => ({
      measure: await trx
        .selectFrom('measures')
        .select(['version', 'status', 'end_date'])
        .where('id', '=', owned.measureId)
        .execute(),
      call: await trx
        .selectFrom('followup_calls')
        .select(['version', 'status', 'assigned_to'])
        .where('id', '=', owned.callId)
        .execute(),
      letters: await trx.selectFrom('person_documents').select('id').execute(),
    }))
    expect(state).toEqual({
      measure: [{ version: 1, status: 'active', end_date: day(9) }],
      call: [{ version: 1, status: 'planned', assigned_to: null }],
      letters: [{ id: owned.documentId }],
    })
    const osloMeasures = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      trx.selectFrom('measures').select('id').execute(),
    )
    expect(osloMeasures).toEqual([])
  })

  it('left the Bergen event, its participant and the transfer as they were', async () => {
    const state = await inTenant(f.t.db.db, { kommune: '4601' }, async (trx) => ({
      event: await trx
        .selectFrom('events')
        .select(['version', 'outbreak'])
        .where('id', '=', owned.eventId)
        .execute(),
      participants: await trx
        .selectFrom('event_participants')
        .select(['id', 'version', 'contact_id', 'case_id', 'role'])
        .where('event_id', '=', owned.eventId)
        .execute(),
      transfer: await trx
        .selectFrom('transfers')
        .select(['status', 'version'])
        .where('id', '=', owned.transferId)
        .execute(),
    }))
    expect(state).toEqual({
      event: [{ version: 1, outbreak: false }],
      participants: [
        { id: owned.participantId, version: 1, contact_id: null, case_id: null, role: 'attendee' },
      ],
      transfer: [{ status: 'pending', version: 1 }],
    })
    expect((await intruder.tracer.inject({ url: '/api/transfers/counts' })).json()).toEqual({
      inbox: 0,
      sent: 0,
    })
    const osloEvents = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      trx.selectFrom('event_participants').select('id').execute(),
    )
    expect(osloEvents).toEqual([])
  })

  it('Oslo worklist counts do not include Bergen items', async () => {
    expect((await intruder.tracer.inject({ url: '/api/worklists' })).json()).toEqual({
      'my-cases': 0,
      'my-contacts': 0,
      'unassigned-cases': 0,
      'interviews-not-done': 0,
      'contacts-not-notified': 0,
      'followups-due': 0,
      'measures-ending-today': 0,
      'transfers-waiting': 0,
    })
  })
})
