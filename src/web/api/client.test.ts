import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { ApiError, api, withQuery } from './client'

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } })

describe('api client', () => {
  const fetchMock = vi.fn<typeof fetch>()
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock)
    vi.stubGlobal('document', { cookie: 'other=1; csrf=tok%3Den; x=2' })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    fetchMock.mockReset()
  })

  it('sends JSON with same-origin credentials and the csrf cookie as x-csrf-token', async () => {
    fetchMock.mockResolvedValue(json(200, { ok: true }))
    await expect(api.post('/api/x', { a: 1 })).resolves.toEqual({ ok: true })
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('/api/x')
    expect(init?.method).toBe('POST')
    expect(init?.credentials).toBe('same-origin')
    expect(init?.body).toBe('{"a":1}')
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json', 'x-csrf-token': 'tok=en' })
  })

  it('sends no csrf header without the cookie', async () => {
    vi.stubGlobal('document', { cookie: '' })
    fetchMock.mockResolvedValue(json(200, {}))
    await api.get('/api/x')
    expect(fetchMock.mock.calls[0]![1]?.headers).not.toHaveProperty('x-csrf-token')
  })

  it('turns problem+json into an ApiError with title, code and field errors', async () => {
    const problem = {
      type: 'urn:smittespor:problem:validation',
      code: 'validation',
      status: 400,
      title: 'Noen felt har ugyldige verdier',
      errors: [{ path: 'body.name', message: 'Må fylles ut' }],
    }
    fetchMock.mockResolvedValue(json(400, problem, 'application/problem+json; charset=utf-8'))
    const error = await api.post('/api/x', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    const e = error as ApiError
    expect([e.status, e.code, e.title]).toEqual([400, 'validation', 'Noen felt har ugyldige verdier'])
    expect(e.fieldError('name')).toBe('Må fylles ut')
    expect(e.problem).toEqual(problem)
  })

  it('reports a non-problem failure as code http and a failed fetch as code network', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>bad gateway</html>', { status: 502 }))
    const http = (await api.get('/api/x').catch((e: unknown) => e)) as ApiError
    expect([http.status, http.code, http.problem]).toEqual([502, 'http', null])

    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    const network = (await api.get('/api/x').catch((e: unknown) => e)) as ApiError
    expect([network.status, network.code, network.isNetworkError]).toEqual([0, 'network', true])
  })

  it('validates the body against a schema when given one', async () => {
    fetchMock.mockResolvedValue(json(200, { n: 'not a number' }))
    await expect(api.get('/api/x', z.object({ n: z.number() }))).rejects.toThrow()
  })

  it('builds query strings without empty values', () => {
    expect(withQuery('/api/org-units', { kind: 'kommune', q: 'berg', status: undefined, x: '' })).toBe(
      '/api/org-units?kind=kommune&q=berg',
    )
  })
})
