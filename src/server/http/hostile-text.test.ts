import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs } from '../test/factories'
import { hostileTextErrors } from './hostile-text'

describe('hostileTextErrors', () => {
  it.each([
    ['plain text', { a: 'Åse Ødegård 😀' }, []],
    ['NUL in a field', { a: 'x\u0000y' }, ['body.a']],
    ['lone high surrogate', { a: 'x\ud800' }, ['body.a']],
    ['lone low surrogate', { a: '\udc00' }, ['body.a']],
    ['nested in an array', { rows: [{ p: { n: 'ok' } }, { p: { n: '\u0000' } }] }, ['body.rows.1.p.n']],
    ['in a key', { 'k\u0000': 'v' }, ['body.k\\0']],
    ['numbers and null are fine', { a: 1, b: null, c: true }, []],
  ])('%s', (_name, value, paths) => {
    expect(hostileTextErrors(value, 'body').map((e) => e.path)).toEqual(paths)
  })
})

let t: Awaited<ReturnType<typeof buildTestApp>>
let tracer: LoggedIn
beforeAll(async () => {
  t = await buildTestApp()
  await activateKommune(t.db.db, '0301')
  tracer = await loginAs(
    t.app,
    await buildUser(t.db.db, { roles: [{ role: 'tracer', kommune: '0301' }] }),
    '0301',
  )
})
afterAll(() => t?.close())

describe('hostile text at the edge → 400 naming the field (never 500)', () => {
  it('a NUL byte in a body field', async () => {
    const res = await tracer.inject({
      method: 'POST',
      url: '/api/persons',
      payload: { firstName: 'Ola\u0000', lastName: 'Nordmann', birthDate: '1990-01-01' },
    })
    expect(res.statusCode, res.body).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().errors).toEqual([{ path: 'body.firstName', message: expect.stringContaining('NUL') }])
  })

  it('a lone surrogate in raw JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: { ...tracer.headers, 'content-type': 'application/json' },
      payload: '{"firstName":"Ola","lastName":"Nord\\ud800mann","birthDate":"1990-01-01"}',
    })
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json().errors[0].path).toBe('body.lastName')
  })

  it('a NUL byte in a search and in a path parameter', async () => {
    const q = await tracer.inject({ url: '/api/persons?q=Ola%00' })
    expect(q.statusCode, q.body).toBe(400)
    expect(q.json().errors[0].path).toBe('querystring.q')
    const p = await tracer.inject({ url: '/api/persons/%00' })
    expect(p.statusCode, p.body).toBe(400)
    expect(p.json().errors[0].path).toBe('params.id')
  })

  it('deep in a contact grid row', async () => {
    const res = await tracer.inject({
      method: 'POST',
      url: '/api/cases/00000000-0000-4000-8000-000000000000/contacts/batch',
      payload: { rows: [{ person: { firstName: 'A', lastName: 'B\u0000' }, lastExposure: '2026-01-01' }] },
    })
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json().errors[0].path).toBe('body.rows.0.person.lastName')
  })
})
