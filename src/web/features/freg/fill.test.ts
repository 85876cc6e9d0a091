import { describe, expect, it } from 'vitest'
import type { FregPerson } from '../../../shared/api/freg'
import { fregFieldsKept, fregFill } from './fill'

const person: FregPerson = {
  nationalId: '12848512345',
  idType: 'fnr',
  firstName: 'Lyseblå',
  lastName: 'Sjøhest',
  birthDate: '1985-04-12',
  sex: 'female',
  status: 'bosatt',
  deathDate: null,
  protectedAddress: 'none',
  address: { street: 'Storgata 12B', postcode: '0184', place: 'Oslo', kind: 'bosted', validFrom: null },
  residenceKommune: '0301',
  unknownResidence: false,
}

describe('fregFieldsKept', () => {
  it('every filled field, and the residence kommune, when nothing was changed', () => {
    expect(fregFieldsKept(fregFill(person), person)).toEqual([
      'firstName',
      'lastName',
      'birthDate',
      'street',
      'postcode',
      'place',
      'residenceKommune',
    ])
  })

  it('leaves out what the tracer changed; a changed address drops the residence kommune', () => {
    const values = { ...fregFill(person), lastName: 'Sjøhest-Berg', street: 'Annen vei 1' }
    expect(fregFieldsKept(values, person)).toEqual(['firstName', 'birthDate', 'postcode', 'place'])
  })
})
