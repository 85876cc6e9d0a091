import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditEntryView, AuditLogPage } from '../../../shared/api/audit-log'
import { addDaysOslo, osloDate } from '../../../shared/domain/dates'
import { syntheticNationalId } from '../../seed/synthetic-id'
import { buildTestApp } from '../../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs } from '../../test/factories'

/**
 * The Administrator's audit log API: GET /api/audit-log (+ .csv), /users and /innsyn/:personId.
 * Activity is created through the real person API in Oslo (0301) and Bergen (4601).
 */
let t: Awaited<ReturnType<typeof buildTestApp>>
let admin: LoggedIn
let tracer: LoggedIn
let tracer2: LoggedIn
let bergenAdmin: LoggedIn
let bergenTracer: LoggedIn
let personA: string
let personB: string

const today = () => osloDate(new Date())
const get = (who: LoggedIn, url: string) => who.inject({ url })
const page = async (who: LoggedIn, qs: string): Promise<AuditLogPage> => {
  const res = await get(who, `/api/audit-log?${qs}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const actions = (items: AuditEntryView[]) => items.map((e) => e.action)

async function createPerson(who: LoggedIn, n: number, firstName: string) {
  const res = await who.inject({
    method: 'POST',
    url: '/api/persons',
    payload: { firstName, lastName: 'Nordmann', nationalId: syntheticNationalId('1990-05-17', n) },
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().person as { id: string; version: number }
}

beforeAll(async () => {
  t = await buildTestApp()
  await activateKommune(t.db.db, '0301')
  await activateKommune(t.db.db, '4601')
  const user = (role: 'admin' | 'tracer', kommune: string, name: string) =>
    buildUser(t.db.db, { roles: [{ role, kommune }], name })
  admin = await loginAs(t.app, await user('admin', '0301', 'Ola Administrator'))
  tracer = await loginAs(t.app, await user('tracer', '0301', 'Siri Sporer'))
  // A name a spreadsheet would take for a formula, with a quote and the separator in it.
  tracer2 = await loginAs(t.app, await user('tracer', '0301', '=Per "P"; Sporer'))
  bergenAdmin = await loginAs(t.app, await user('admin', '4601', 'Bjørg Bergensadmin'))
  bergenTracer = await loginAs(t.app, await user('tracer', '4601', 'Ivar Sporingsen'))

  const a = await createPerson(tracer, 1, 'Kari')
  personA = a.id
  expect((await get(tracer, `/api/persons/${personA}`)).statusCode).toBe(200)
  const patch = await tracer.inject({
    method: 'PATCH',
    url: `/api/persons/${personA}`,
    payload: { phone: '12345678', email: 'kari@example.test', version: a.version },
  })
  expect(patch.statusCode, patch.body).toBe(200)
  expect((await get(tracer, '/api/persons?q=Nordmann')).statusCode).toBe(200)
  expect((await get(tracer2, `/api/persons/${personA}`)).statusCode).toBe(200)

  personB = (await createPerson(bergenTracer, 2, 'Bergljot')).id
  expect((await get(bergenTracer, `/api/persons/${personB}`)).statusCode).toBe(200)
})
afterAll(() => t.close())

describe('GET /api/audit-log', () => {
  it('401 without a session', async () => {
    for (const url of [
      '/api/audit-log',
      '/api/audit-log.csv',
      '/api/audit-log/users',
      `/api/audit-log/innsyn/${personA}`,
      `/api/audit-log/innsyn/${personA}.csv`,
    ])
      expect((await t.app.inject({ url })).statusCode, url).toBe(401)
  })

  it('400 per field, in Norwegian', async () => {
    const res = await get(admin, '/api/audit-log?userId=x&from=2024-02-30&action=DROP%20TABLE&limit=0')
    expect(res.statusCode).toBe(400)
    const byPath = Object.fromEntries(
      res.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    )
    expect(byPath['querystring.userId']).toBe('Ugyldig id')
    expect(byPath['querystring.from']).toBe('Datoen finnes ikke')
    expect(byPath['querystring.action']).toBe('Ugyldig handling')
    expect(byPath['querystring.limit']).toBe('Må være minst 1')
    const order = await get(admin, '/api/audit-log?from=2024-03-02&to=2024-03-01')
    expect(order.json().errors).toEqual([
      { path: 'querystring.to', message: 'Til-datoen kan ikke være før fra-datoen' },
    ])
    const cursor = await get(admin, '/api/audit-log?cursor=nonsense')
    expect(cursor.json().errors).toEqual([{ path: 'query.cursor', message: 'Ugyldig sidemarkør' }])
  })

  it('403 for a tracer and for a Bergen admin asking for Oslo through a query (it stays in Bergen)', async () => {
    expect((await get(tracer, '/api/audit-log')).statusCode).toBe(403)
    expect((await get(tracer, '/api/audit-log.csv')).statusCode).toBe(403)
    expect((await get(tracer, `/api/audit-log/innsyn/${personA}`)).statusCode).toBe(403)
    expect((await get(tracer, '/api/audit-log/users')).statusCode).toBe(403)
    // There is no kommune parameter: a Bergen admin always reads Bergen.
    const bergen = await page(bergenAdmin, 'limit=200&kommune=0301')
    expect(bergen.items.length).toBeGreaterThan(0)
    expect(bergen.items.every((e) => e.userId !== tracer.user.id && e.userId !== admin.user.id)).toBe(true)
  })

  it('an Oslo admin never sees Bergen rows, and a Bergen person is unknown here', async () => {
    const all = await page(admin, 'limit=200')
    const bergenUsers = [bergenAdmin.user.id, bergenTracer.user.id]
    expect(all.items.some((e) => bergenUsers.includes(e.userId ?? ''))).toBe(false)
    expect(all.items.some((e) => e.personId === personB)).toBe(false)
    const byB = await page(admin, `personId=${personB}`)
    expect(byB.items).toEqual([])
    expect(byB.person).toBeNull()
    expect((await get(admin, `/api/audit-log/innsyn/${personB}`)).statusCode).toBe(404)
    expect((await get(admin, `/api/audit-log?userId=${bergenTracer.user.id}`)).json().items).toEqual([])
  })

  it('filters by action, user and action group, newest first, with exact rows', async () => {
    const reads = await page(admin, 'action=person.read')
    expect(reads.items.map((e) => [e.userName, e.action, e.personId, e.personName])).toEqual([
      ['=Per "P"; Sporer', 'person.read', personA, 'Kari Nordmann'],
      ['Siri Sporer', 'person.read', personA, 'Kari Nordmann'],
    ])
    const mine = await page(admin, `userId=${tracer.user.id}&action=person`)
    expect(actions(mine.items)).toEqual(['person.search', 'person.update', 'person.read', 'person.create'])
    expect(mine.items[0]).toMatchObject({
      roles: ['tracer'],
      basis: 'normal',
      outcome: 'ok',
      recordType: 'person',
    })
    const byPerson = await page(admin, `personId=${personA}&action=person`)
    expect(actions(byPerson.items)).toEqual(['person.read', 'person.update', 'person.read', 'person.create'])
    expect(byPerson.person).toEqual({
      id: personA,
      firstName: 'Kari',
      lastName: 'Nordmann',
      birthDate: '1990-05-17',
    })
  })

  it('shows field-level before/after of a write', async () => {
    const [update] = (await page(admin, 'action=person.update')).items
    expect(update?.changes).toHaveLength(2)
    expect(update?.changes).toEqual(
      expect.arrayContaining([
        { field: 'phone', before: null, after: '12345678' },
        { field: 'email', before: null, after: 'kari@example.test' },
      ]),
    )
    expect(update?.userId).toBe(tracer.user.id)
  })

  it('filters by Norwegian calendar days (from and to both included)', async () => {
    expect((await page(admin, `action=person.create&from=${today()}&to=${today()}`)).items).toHaveLength(1)
    expect((await page(admin, `action=person.create&to=${addDaysOslo(today(), -1)}`)).items).toEqual([])
    expect((await page(admin, `action=person.create&from=${addDaysOslo(today(), 1)}`)).items).toEqual([])
  })

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const whole = await page(admin, `userId=${tracer.user.id}&action=person`)
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const p: AuditLogPage = await page(
        admin,
        `userId=${tracer.user.id}&action=person&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      )
      seen.push(...p.items.map((e) => e.id))
      cursor = p.nextCursor
    } while (cursor)
    expect(seen).toEqual(whole.items.map((e) => e.id))
  })

  it('records every search of the log as audit.search, with the filters', async () => {
    await page(admin, `personId=${personA}&action=person.read`)
    const [search] = (await page(admin, 'action=audit.search&limit=1')).items
    expect(search).toMatchObject({
      action: 'audit.search',
      userId: admin.user.id,
      userName: 'Ola Administrator',
      roles: ['admin'],
      personId: personA,
      recordType: 'audit-log',
    })
    expect(search?.details).toMatchObject({
      filters: { personId: personA, action: 'person.read' },
      results: 2,
    })
  })

  it('lists users who hold or held a role in the municipality, not others', async () => {
    const res = await get(admin, '/api/audit-log/users')
    expect(res.statusCode).toBe(200)
    const items = res.json().items
    expect(items).toHaveLength(3)
    expect(items).toEqual(
      expect.arrayContaining([
        { id: tracer2.user.id, name: '=Per "P"; Sporer', roles: ['tracer'] },
        { id: admin.user.id, name: 'Ola Administrator', roles: ['admin'] },
        { id: tracer.user.id, name: 'Siri Sporer', roles: ['tracer'] },
      ]),
    )
  })
})

describe('GET /api/audit-log.csv', () => {
  it('is a Norwegian-Excel CSV: BOM, semicolons, Norwegian headers, escaped cells', async () => {
    const res = await get(admin, `/api/audit-log.csv?action=person.read`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="sikkerhetslogg-0301-${today()}.csv"`,
    )
    expect(res.body.startsWith('\uFEFF')).toBe(true)
    const lines = res.body.slice(1).split('\r\n')
    expect(lines[0]).toBe(
      'Tidspunkt;Bruker;Bruker-ID;Roller;Handling;Handlingskode;Posttype;Post-ID;Person;Person-ID;Grunnlag;Begrunnelse;Resultat;Endrede felt;IP-adresse;Forespørsel-ID;Løpenummer',
    )
    expect(lines).toHaveLength(4) // header, two reads, and the final CRLF
    const first = lines[1]!.split(';')
    expect(first[0]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$/)
    // A formula-looking name gets an apostrophe; quote and ';' force quoting with doubled quotes.
    expect(lines[1]).toContain(`;"'=Per ""P""; Sporer";${tracer2.user.id};Kommunebruker (smittesporer);`)
    expect(lines[1]).toContain(';Så personopplysninger;person.read;Person;')
    expect(lines[2]).toContain(';Siri Sporer;')
    expect(lines[2]).toContain(`;Kari Nordmann;${personA};Ordinær;;OK;`)
  })

  it('puts before/after in one quoted multi-line cell', async () => {
    const res = await get(admin, '/api/audit-log.csv?action=person.update')
    expect(res.body).toContain(';Endret person;person.update;')
    expect(res.body).toMatch(/;"(phone|email): – → [^"\n]+\n(phone|email): – → [^"\n]+";/)
  })

  it('records the export as audit.export', async () => {
    await get(admin, `/api/audit-log.csv?userId=${tracer.user.id}`)
    const [row] = (await page(admin, 'action=audit.export&limit=1')).items
    expect(row).toMatchObject({ userId: admin.user.id, recordType: 'audit-log' })
    expect(row?.details).toMatchObject({ filters: { userId: tracer.user.id }, format: 'csv', maxRows: 50000 })
  })

  it('stops at the row cap with a note as the last line', async () => {
    const { exportLog } = await import('./audit-log.service')
    const { body } = await exportLog(
      t.db.db,
      { actor: admin.actor, requestId: 'r', ip: '127.0.0.1' },
      {
        limit: 50,
        action: 'person',
      },
      2,
    )
    let csv = ''
    for await (const chunk of body) csv += chunk
    const lines = csv.split('\r\n')
    expect(lines).toHaveLength(5) // header, 2 rows, note, final CRLF
    expect(lines[3]).toBe(
      'Utdraget er avkortet etter 2 rader. Bruk filtre (bruker, handling, fra–til) for å hente resten.',
    )
  })
})

describe('GET /api/audit-log/innsyn/:personId', () => {
  it('400 for a bad id, 404 for a person the municipality does not know', async () => {
    expect((await get(admin, '/api/audit-log/innsyn/nope')).statusCode).toBe(400)
    expect((await get(admin, '/api/audit-log/innsyn/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    )
  })

  it('lists who read or changed the person, oldest first, and is itself audited', async () => {
    const res = await get(admin, `/api/audit-log/innsyn/${personA}`)
    expect(res.statusCode).toBe(200)
    const report = res.json()
    expect(report.person).toMatchObject({ id: personA, firstName: 'Kari', lastName: 'Nordmann' })
    const work = report.items.filter((r: { action: string }) => !r.action.startsWith('audit.'))
    expect(work.map((r: { userName: string; action: string }) => [r.userName, r.action])).toEqual([
      ['Siri Sporer', 'person.create'],
      ['Siri Sporer', 'person.read'],
      ['Siri Sporer', 'person.update'],
      ['=Per "P"; Sporer', 'person.read'],
    ])
    expect(work[0]).toMatchObject({ roles: ['tracer'], basis: 'normal', reason: null, outcome: 'ok' })
    const [innsyn] = (await page(admin, 'action=audit.innsyn&limit=1')).items
    expect(innsyn).toMatchObject({ userId: admin.user.id, personId: personA, recordId: personA })
  })

  it('as CSV: BOM, title line naming the person, Norwegian headers', async () => {
    const res = await get(admin, `/api/audit-log/innsyn/${personA}.csv`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toBe(`attachment; filename="innsyn-0301-${today()}.csv"`)
    const lines = res.body.split('\r\n')
    expect(lines[0]).toBe(`\uFEFFInnsyn for Kari Nordmann (person-ID ${personA})`)
    expect(lines[1]).toBe('Tidspunkt;Bruker;Roller;Handling;Posttype;Post-ID;Grunnlag;Begrunnelse;Resultat')
    expect(lines[2]).toMatch(/;Siri Sporer;Kommunebruker \(smittesporer\);Registrerte person;Person;/)
  })
})
