import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useNavigate } from 'react-router'
import { z } from 'zod'
import type { FregField, FregLookupResult, FregPerson } from '../../../shared/api/freg'
import { personInput } from '../../../shared/api/persons'
import { applyApiErrors, blankToNull } from '../../components/formErrors'
import { useRegisterFromFreg } from './useFreg'

/** The fields of the registration form (strings, as inputs hold them). */
const formValues = z.object({
  nationalId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  sex: z.string(),
  phone: z.string(),
  street: z.string(),
  postcode: z.string(),
  place: z.string(),
})
export type FregFormValues = z.infer<typeof formValues>
const FIELDS = Object.keys(formValues.shape)

export const EMPTY: FregFormValues = {
  nationalId: '',
  firstName: '',
  lastName: '',
  birthDate: '',
  sex: '',
  phone: '',
  street: '',
  postcode: '',
  place: '',
}

/** What a FREG answer puts in each form field (a protected address leaves the address empty). */
export function fromFreg(p: FregPerson): Partial<FregFormValues> {
  return {
    nationalId: p.nationalId,
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate ?? '',
    sex: p.sex ?? '',
    street: p.address?.street ?? '',
    postcode: p.address?.postcode ?? '',
    place: p.address?.place ?? '',
  }
}

/** FREG fields the tracer left as FREG gave them: these are saved with FREG as their source. */
function unchangedFregFields(v: FregFormValues, p: FregPerson): FregField[] {
  const filled = fromFreg(p)
  const same = (k: keyof FregFormValues) => (v[k] ?? '') === (filled[k] ?? '')
  const out: FregField[] = []
  for (const f of ['firstName', 'lastName', 'birthDate', 'sex', 'street', 'postcode', 'place'] as const)
    if (same(f)) out.push(f)
  if (same('street') && same('postcode') && same('place')) out.push('residenceKommune')
  return out
}

/** Checked with the shared personInput schema, so messages match the server's. */
const schema = formValues.superRefine((v, ctx) => {
  const parsed = personInput.safeParse(toInput(v, null))
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path })
})

function toInput(v: FregFormValues, freg: FregPerson | null) {
  const fields = blankToNull(v)
  return {
    ...fields,
    firstName: v.firstName,
    lastName: v.lastName,
    sex: (fields.sex ?? null) as 'female' | 'male' | 'other' | 'unknown' | null,
    // The register keeps only the level of a protected address, never the address itself.
    protectedAddress: freg?.protectedAddress ?? 'none',
    residenceKommune: freg?.protectedAddress === 'none' ? freg.residenceKommune : null,
    ...(freg && freg.protectedAddress !== 'none' ? { street: null, postcode: null, place: null } : {}),
  }
}

/**
 * "Registrer person fra Folkeregisteret": the form, filling it from a lookup, and the submit —
 * POST /api/persons, then freg-apply with the lookup's receipt for the fields left as FREG gave them.
 */
export function useFregRegisterForm(personPath: (id: string) => string) {
  const navigate = useNavigate()
  const register = useRegisterFromFreg()
  const [lookup, setLookup] = useState<FregLookupResult | null>(null)
  const form = useForm<FregFormValues>({ resolver: zodResolver(schema), defaultValues: EMPTY })

  const fill = (result: FregLookupResult) => {
    setLookup(result)
    for (const [k, v] of Object.entries(fromFreg(result.person)))
      form.setValue(k as keyof FregFormValues, v ?? '', { shouldDirty: true })
  }
  // A different national id makes the earlier answer irrelevant.
  const nationalId = form.watch('nationalId').replace(/\s/g, '')
  const current = lookup && lookup.person.nationalId === nationalId ? lookup : null

  const onSubmit = form.handleSubmit(async (v) => {
    if (!current) return
    try {
      const person = await register.mutateAsync({
        fields: toInput(v, current.person),
        receipt: current.receipt,
        apply: unchangedFregFields(v, current.person),
      })
      navigate(personPath(person.id))
    } catch (err) {
      applyApiErrors(err, form.setError, FIELDS)
    }
  })
  return { form, fill, lookup: current, onSubmit, register }
}
