import { Writable } from 'node:stream'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sameToken } from '../auth/plugin'
import { loggerOptions, redactDeep } from '../logger'
import { buildTestApp, testConfig } from '../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs } from '../test/factories'
import { requestOrigin } from './security'

/** Request hardening (issue 21): Origin before the body, constant-time token, deep redaction. */
let t: Awaited<ReturnType<typeof buildTestApp>>
let tracer: LoggedIn
const OWN = 'http://localhost:3000'

beforeAll(async () => {
  t = await buildTestApp({ config: testConfig({ PUBLIC_URL: OWN }) })
  await activateKommune(t.db.db, '0301')
  tracer = await loginAs(
    t.app,
    await buildUser(t.db.db, { roles: [{ role: 'tracer', kommune: '0301' }] }),
    '0301',
  )
})
afterAll(() => t?.close())

const post = (headers: Record<string, string>, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/persons',
    headers: { ...tracer.headers, ...headers },
    payload: payload as never,
  })

describe('a state-changing request from another site', () => {
  it('is refused with 403 problem+json even with the right token, and nothing is created', async () => {
    const before = await t.db.db
      .selectFrom('persons')
      .select(t.db.db.fn.countAll().as('n'))
      .executeTakeFirst()
    const res = await post(
      { origin: 'https://evil.example' },
      { firstName: 'Ond', lastName: 'Side', confirmNew: true },
    )
    expect(res.statusCode).toBe(403)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().code).toBe('origin')
    const after = await t.db.db.selectFrom('persons').select(t.db.db.fn.countAll().as('n')).executeTakeFirst()
    expect(after).toEqual(before)
  })

  it('is refused before the body is validated (403, not 400)', async () => {
    const res = await post({ origin: 'https://evil.example' }, { firstName: 42 })
    expect(res.statusCode).toBe(403)
  })

  it('uses the Referer when Origin is absent', async () => {
    const res = await post({ referer: 'https://evil.example/page' }, { firstName: 42 })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('origin')
  })

  it('lets the app’s own origin, and clients that send neither header, through to validation', async () => {
    expect((await post({ origin: OWN }, { firstName: 42 })).statusCode).toBe(400)
    expect((await post({ referer: `${OWN}/personer` }, { firstName: 42 })).statusCode).toBe(400)
    expect((await post({}, { firstName: 42 })).statusCode).toBe(400)
  })

  it('trusts the browser’s Sec-Fetch-Site: same-origin even when Origin is opaque', async () => {
    // A form on a page with `Referrer-Policy: no-referrer` (the fake ID-porten) posts `Origin: null`.
    const own = await post({ origin: 'null', 'sec-fetch-site': 'same-origin' }, { firstName: 42 })
    expect(own.statusCode).toBe(400)
    const foreign = await post({ origin: 'null', 'sec-fetch-site': 'cross-site' }, { firstName: 42 })
    expect(foreign.statusCode).toBe(403)
    const forged = await post({ origin: 'https://evil.example', 'sec-fetch-site': 'same-site' }, {})
    expect(forged.statusCode).toBe(403)
  })

  it('does not concern reads', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { ...tracer.headers, origin: 'https://evil.example' },
    })
    expect(res.statusCode).toBe(200)
  })
})

describe('the CSRF token', () => {
  it('is checked before the body: a wrong token with an invalid body answers 403', async () => {
    const res = await post({ 'x-csrf-token': 'wrong' }, { firstName: 42 })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('csrf')
  })

  it('is compared in constant time over digests (any length, never throws)', () => {
    expect(sameToken('abc', 'abc')).toBe(true)
    expect(sameToken('abd', 'abc')).toBe(false)
    expect(sameToken('a'.repeat(500), 'abc')).toBe(false)
    expect(sameToken(undefined, 'abc')).toBe(false)
    expect(sameToken(['abc'], 'abc')).toBe(false)
    expect(sameToken('', '')).toBe(false)
  })

  it('origin parsing: opaque and unparseable values count as foreign', () => {
    expect(requestOrigin({ headers: { origin: 'null' } })).toBe('null')
    expect(requestOrigin({ headers: { referer: '::not a url' } })).toBe('invalid')
    expect(requestOrigin({ headers: {} })).toBeNull()
  })
})

describe('logs', () => {
  function capture() {
    const lines: Record<string, unknown>[] = []
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(JSON.parse(chunk.toString()))
        cb()
      },
    })
    const opts = loggerOptions('info') as pino.LoggerOptions
    return { log: pino(opts, stream), lines }
  }

  it('redact personal data at every depth, in arrays too', () => {
    const { log, lines } = capture()
    log.info(
      {
        job: { result: { rows: [{ person: { nationalId: '01817512345', first_name: 'Kari' }, ok: true }] } },
      },
      'deep',
    )
    const text = JSON.stringify(lines[0])
    expect(text).not.toContain('01817512345')
    expect(text).not.toContain('Kari')
    expect(text).toContain('"ok":true')
    expect(redactDeep({ a: { b: { c: { d: { e: { phone: '99999999' } } } } } })).toEqual({
      a: { b: { c: { d: { e: { phone: '[skjult]' } } } } },
    })
  })

  it('never carry a database error’s detail (a unique key’s value)', async () => {
    const { log, lines } = capture()
    const owner = await t.db.ownerPool()
    const client = await owner.connect()
    let error: unknown
    try {
      await client.query('begin')
      await client.query('set local role none')
      await client.query(`insert into persons (kommune, owner_unit, first_name, last_name, national_id)
        values ('0301', '0301', 'A', 'B', '01817512345')`)
      await client.query(`insert into persons (kommune, owner_unit, first_name, last_name, national_id)
        values ('0301', '0301', 'C', 'D', '01817512345')`)
    } catch (err) {
      error = err
    } finally {
      await client.query('rollback')
      client.release()
    }
    expect((error as { detail?: string }).detail).toContain('01817512345')
    log.error({ err: error }, 'unexpected error')
    log.error({ wrapped: { err: error } }, 'nested')
    const text = JSON.stringify(lines)
    expect(text).not.toContain('01817512345')
    expect(lines[0]?.err).toMatchObject({ code: '23505' })
  })
})
