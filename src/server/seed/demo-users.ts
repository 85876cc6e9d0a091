import type { Role } from '../../shared/api/roles'
import type { Database } from '../db/kysely'
import { syntheticNationalId } from './synthetic-id'

/** Demo staff shown in the fake ID-porten picker. All ids are synthetic (Tenor, month + 80). */
export const DEMO_USERS: {
  name: string
  born: string
  email: string
  roles: { role: Role; kommune?: string }[]
}[] = [
  {
    name: 'Kari Driftsen',
    born: '1975-03-14',
    email: 'kari.driftsen@example.test',
    roles: [{ role: 'operator' }],
  },
  { name: 'Fredrik Analytiker', born: '1982-09-02', email: 'fredrik@example.test', roles: [{ role: 'fhi' }] },
  {
    name: 'Ola Administrator',
    born: '1970-06-21',
    email: 'ola.admin@oslo.example.test',
    roles: [{ role: 'admin', kommune: '0301' }],
  },
  {
    name: 'Siri Sporer',
    born: '1988-11-30',
    email: 'siri@oslo.example.test',
    roles: [{ role: 'tracer', kommune: '0301' }],
  },
  {
    name: 'Per Smittesporer',
    born: '1991-01-17',
    email: 'per@oslo.example.test',
    roles: [{ role: 'tracer', kommune: '0301' }],
  },
  {
    name: 'Randi Rapport',
    born: '1966-05-05',
    email: 'randi@oslo.example.test',
    roles: [{ role: 'report', kommune: '0301' }],
  },
  {
    name: 'Bjørg Bergensadmin',
    born: '1972-12-12',
    email: 'bjorg@bergen.example.test',
    roles: [{ role: 'admin', kommune: '4601' }],
  },
  {
    name: 'Ivar Sporingsen',
    born: '1985-07-08',
    email: 'ivar@bergen.example.test',
    roles: [{ role: 'tracer', kommune: '4601' }],
  },
  {
    name: 'Åse Interkommunal',
    born: '1979-04-25',
    email: 'ase@example.test',
    roles: [
      { role: 'tracer', kommune: '0301' },
      { role: 'tracer', kommune: '4601' },
    ],
  },
]

export const demoPid = (born: string) => syntheticNationalId(born, 0)

export async function seedDemoUsers(db: Database) {
  for (const u of DEMO_USERS) {
    const pid = demoPid(u.born)
    const existing = await db.selectFrom('users').select('id').where('pid', '=', pid).executeTakeFirst()
    if (existing) continue
    const row = await db
      .insertInto('users')
      .values({ pid, name: u.name, email: u.email })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const r of u.roles)
      await db
        .insertInto('user_roles')
        .values({ user_id: row.id, role: r.role, kommune_code: r.kommune ?? null })
        .execute()
  }
}
