import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/app'

let t: Awaited<ReturnType<typeof buildTestApp>>
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

describe('organisation register seed', () => {
  it('has Norge, exactly 15 fylker and 357 kommuner, each under its fylke', async () => {
    const rows = await t.db.db
      .selectFrom('org_units')
      .select(['code', 'kind', 'parent_code', 'fylke_code'])
      .execute()
    const fylker = rows.filter((r) => r.kind === 'fylke')
    const kommuner = rows.filter((r) => r.kind === 'kommune')
    expect(rows.filter((r) => r.kind === 'country').map((r) => r.code)).toEqual(['00'])
    expect(fylker).toHaveLength(15)
    expect(kommuner).toHaveLength(357)
    for (const k of kommuner) {
      expect(k.code).toMatch(/^\d{4}$/)
      expect(k.code.slice(0, 2)).toBe(k.parent_code)
      expect(k.fylke_code).toBe(k.parent_code)
    }
    expect(new Set(fylker.map((f) => f.parent_code))).toEqual(new Set(['00']))
  })

  it('has the 36 bydeler under Oslo, Stavanger, Bergen and Trondheim', async () => {
    const rows = await t.db.db
      .selectFrom('org_units')
      .select(['code', 'parent_code'])
      .where('kind', '=', 'bydel')
      .execute()
    expect(rows).toHaveLength(36)
    expect(new Set(rows.map((r) => r.parent_code))).toEqual(new Set(['0301', '1103', '4601', '5001']))
    for (const r of rows) expect(r.code.slice(0, 4)).toBe(r.parent_code)
  })
})

describe('GET /api/org-units/:code', () => {
  it('returns a kommune with its county chain and bydeler', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/org-units/4601' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({
      code: '4601',
      kind: 'kommune',
      name: 'Bergen',
      status: 'inactive',
      source: 'ssb',
    })
    expect(body.ancestors).toEqual([
      { code: '00', kind: 'country', name: 'Norge' },
      { code: '46', kind: 'fylke', name: 'Vestland' },
    ])
    expect(body.children).toHaveLength(8)
    expect(body.children[0]).toMatchObject({ code: '460101', name: 'Arna', kind: 'bydel' })
  })

  it('lists the 15 fylker under Norge with their kommune counts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/org-units/00' })
    const body = res.json()
    expect(body.children).toHaveLength(15)
    const vestland = body.children.find((c: { code: string }) => c.code === '46')
    expect(vestland).toMatchObject({ name: 'Vestland', childCount: 43 })
  })

  it('answers an unknown code with problem+json 404 in Norwegian', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/org-units/9999' })
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ status: 404, code: 'not-found', title: 'Enheten finnes ikke' })
  })

  it('rejects a malformed code with a field path', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/org-units/%3Cscript%3E' })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual([{ path: 'params.code', message: 'Ugyldig enhetskode' }])
  })
})

describe('GET /api/org-units', () => {
  it('searches kommuner by name, case-insensitively', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/org-units?kind=kommune&q=tromsø' })
    expect(res.json().items.map((i: { code: string }) => i.code)).toEqual(['5501'])
  })
})
