import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { foldName } from '../../../shared/domain/nameFold'
import { FOLD_CASES } from '../../../shared/domain/nameFold.cases'
import { inTenant } from '../../db/tenant'
import { auditRows, type CaseworkFixture, caseworkFixture } from '../cases/casework.fixtures'

/** Duplicates across Norwegian spellings, and "ikke duplikat" (issue 17). */
let f: CaseworkFixture
let a: string
let b: string

async function register(firstName: string, lastName: string, extra: Record<string, unknown> = {}) {
  const res = await f.osloAdmin.inject({
    method: 'POST',
    url: '/api/persons',
    payload: { firstName, lastName, birthDate: '1980-05-05', phone: '41111111', confirmNew: true, ...extra },
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().person.id as string
}
const pairIds = async () =>
  (await f.osloAdmin.inject({ url: '/api/persons/duplicates' }))
    .json()
    .items.map((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].sort().join('|'))
const pairKey = () => [a, b].sort().join('|')

beforeAll(async () => {
  f = await caseworkFixture()
  a = await register('Jon', 'Ødegård')
  b = await register('Jon', 'Odegaard')
})
afterAll(() => f.t.close())

describe('name folding', () => {
  it('SQL fold_name() folds exactly like foldName()', async () => {
    const names = FOLD_CASES.map(([n]) => n)
    const rows = await inTenant(f.t.db.db, { kommune: '0301' }, async (trx) => {
      const out: string[] = []
      for (const n of names)
        out.push(
          (
            await trx
              .selectNoFrom((eb) => eb.fn<string>('fold_name', [eb.val(n)]).as('f'))
              .executeTakeFirstOrThrow()
          ).f,
        )
      return out
    })
    expect(rows).toEqual(names.map(foldName))
  })
})

describe('duplicates across spellings', () => {
  it('lists "Jon Ødegård" and "Jon Odegaard" (same birth date and phone) as a pair', async () => {
    expect(await pairIds()).toContain(pairKey())
  })

  it('suggests the stored spelling when another is typed', async () => {
    const res = await f.oslo.inject({
      url: '/api/persons/duplicate-suggestions?firstName=Jon&lastName=Oedegaard&birthDate=1980-05-05',
    })
    expect(res.statusCode).toBe(200)
    const ids = res.json().items.map((i: { id: string }) => i.id)
    expect(ids).toEqual(expect.arrayContaining([a, b]))
  })

  it('"ikke duplikat" hides the pair (audited), revoking shows it again (audited, history kept)', async () => {
    const mark = await f.osloAdmin.inject({
      method: 'POST',
      url: '/api/persons/not-duplicates',
      payload: { aId: b, bId: a },
    })
    expect(mark.statusCode, mark.body).toBe(200)
    expect(await pairIds()).not.toContain(pairKey())
    expect(await auditRows(f, '0301', { action: 'person.not-duplicate' })).toHaveLength(2)

    const revoke = await f.osloAdmin.inject({
      method: 'POST',
      url: '/api/persons/not-duplicates/revoke',
      payload: { aId: a, bId: b },
    })
    expect(revoke.statusCode, revoke.body).toBe(200)
    expect(await pairIds()).toContain(pairKey())
    expect(await auditRows(f, '0301', { action: 'person.not-duplicate-revoked' })).toHaveLength(2)
    const history = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      trx.selectFrom('person_not_duplicates').select(['revoked_at']).execute(),
    )
    expect(history).toHaveLength(1)
    expect(history[0]!.revoked_at).not.toBeNull()
    const again = await f.osloAdmin.inject({
      method: 'POST',
      url: '/api/persons/not-duplicates/revoke',
      payload: { aId: a, bId: b },
    })
    expect(again.statusCode).toBe(404)
  })

  it('Bergen cannot mark Oslo persons', async () => {
    const bergen = await f.bergen.inject({
      method: 'POST',
      url: '/api/persons/not-duplicates',
      payload: { aId: a, bId: b },
    })
    expect(bergen.statusCode).toBe(404)
  })
})
