import { describe, expect, it } from 'vitest'
import { checkNationalId } from './nationalId'
import { MISSING_BIRTH_DATE, minimumIdentityErrors } from './personIdentity'

describe('minimum identity: national id, or name + birth date', () => {
  it.each([
    [{ nationalId: '06819048027' }, []],
    [{ nationalId: '06819048027', birthDate: null }, []],
    [{ birthDate: '1990-01-06' }, []],
    [{ nationalId: null, birthDate: '1990-01-06' }, []],
    [{}, [{ field: 'birthDate', message: MISSING_BIRTH_DATE }]],
    [{ nationalId: '', birthDate: '' }, [{ field: 'birthDate', message: MISSING_BIRTH_DATE }]],
    [{ nationalId: '   ', birthDate: null }, [{ field: 'birthDate', message: MISSING_BIRTH_DATE }]],
  ])('%j → %j', (input, expected) => {
    expect(minimumIdentityErrors(input)).toEqual(expected)
  })

  it('every valid national id gives a birth date, so a person with one is always findable by it', () => {
    // Synthetic (06819048027, Tenor) and Skatteetaten's published 2032 test vectors
    // (../shared/data/fnr-test-vectors.csv, copied to __fixtures__), never real persons.
    for (const id of ['06819048027', '30108299939', '55102499947', '41819077906', '29020073150'])
      expect(checkNationalId(id)).toMatchObject({
        ok: true,
        birthDate: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      })
  })
})
