import { z } from 'zod'

/** Norwegian message for a zod issue. Schemas may set their own message, which wins. */
export function norwegianMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'Feltet må fylles ut'
        : `Feil type verdi (forventet ${issue.expected})`
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1 ? 'Feltet må fylles ut' : `Må ha minst ${issue.minimum} tegn`
      if (issue.origin === 'array') return `Må ha minst ${issue.minimum} element`
      return `Må være minst ${issue.minimum}`
    case 'too_big':
      if (issue.origin === 'string') return `Kan ha høyst ${issue.maximum} tegn`
      if (issue.origin === 'array') return `Kan ha høyst ${issue.maximum} element`
      return `Kan være høyst ${issue.maximum}`
    case 'invalid_format':
      if (issue.format === 'email') return 'Ugyldig e-postadresse'
      if (issue.format === 'date') return 'Ugyldig dato (bruk åååå-mm-dd)'
      if (issue.format === 'datetime') return 'Ugyldig tidspunkt'
      if (issue.format === 'uuid') return 'Ugyldig id'
      return 'Ugyldig format'
    case 'invalid_value':
      return 'Ugyldig verdi'
    case 'unrecognized_keys':
      return `Ukjente felt: ${issue.keys.join(', ')}`
    default:
      return issue.message || 'Ugyldig verdi'
  }
}

/**
 * Installs Norwegian messages as zod's global error map, on the server and in the browser alike,
 * so every validation error a user sees is in Norwegian unless the schema says something better.
 */
export function installNorwegianZodMessages() {
  z.config({ customError: (issue) => norwegianMessage(issue) })
}
