import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useNavigate } from 'react-router'
import { z } from 'zod'
import type { CaseCreate } from '../../../shared/api/cases'
import { protectedAddress } from '../../../shared/api/codes'
import type { FregLookupResult } from '../../../shared/api/freg'
import { type PersonRef, personInput } from '../../../shared/api/persons'
import { isApiError } from '../../api/client'
import { useSession } from '../../api/session'
import { applyApiErrors, blankToNull, stripBody } from '../../components/formErrors'
import { fregFieldsKept } from '../freg/fill'
import type { Suggestion } from '../persons/PersonSuggestions'
import { CASE_FIELD_NAMES, caseFormValues, checkCaseForm, EMPTY_CASE_FORM, toCaseFields } from './caseForm'
import { casePath, useCreateCase } from './useCases'

const personFormValues = z.object({
  /** Set when the tracer picked an existing person (lookup "own" or a suggestion). */
  existingId: z.string(),
  /** "Ny person": the tracer looked at the suggestions and none is this person. */
  confirmNew: z.boolean(),
  nationalId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  phone: z.string(),
  street: z.string(),
  postcode: z.string(),
  place: z.string(),
  /** Set from Folkeregisteret ("Hent fra Folkeregisteret"); the register keeps only the level. */
  protectedAddress,
})
type PersonFormValues = z.infer<typeof personFormValues>

/** The person part of the request: the picked person, or the typed fields of a new one. */
export function toPersonRef(p: PersonFormValues): PersonRef {
  if (p.existingId) return { personId: p.existingId }
  const { existingId: _, confirmNew, ...fields } = p
  return {
    ...blankToNull(fields),
    firstName: fields.firstName,
    lastName: fields.lastName,
    protectedAddress: fields.protectedAddress,
    confirmNew,
  }
}

/** Form values checked with the shared schemas (personInput, caseFields, case date rules). */
const newCaseSchema = caseFormValues
  .extend({ person: personFormValues, assignToMe: z.boolean() })
  .superRefine((v, ctx) => {
    checkCaseForm(v, ctx)
    if (v.person.existingId) return
    const parsed = personInput.safeParse(toPersonRef(v.person))
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', message: issue.message, path: ['person', ...issue.path] })
  })
export type NewCaseFormValues = z.infer<typeof newCaseSchema>

/**
 * The FREG lookup the new person was filled from, when it still matches the typed national id:
 * the receipt lets the server record FREG as the source of the fields left as FREG gave them.
 */
function fregSource(p: PersonFormValues, lookup: FregLookupResult | null): CaseCreate['freg'] {
  if (!lookup || p.existingId || lookup.person.nationalId !== p.nationalId.replace(/\s/g, ''))
    return undefined
  return { receipt: lookup.receipt, fields: fregFieldsKept(p, lookup.person) }
}

const FIELD_NAMES = [...CASE_FIELD_NAMES, ...Object.keys(personFormValues.shape).map((k) => `person.${k}`)]

/**
 * "Ny sak": the form, its submit (POST /api/cases) and what a refusal means. A 409 with possible
 * duplicates is kept as `candidates` for the person section; field errors go on the fields.
 */
export function useNewCaseForm() {
  const navigate = useNavigate()
  const session = useSession()
  const create = useCreateCase()
  const [candidates, setCandidates] = useState<Suggestion[]>([])
  const [unplaced, setUnplaced] = useState<{ path: string; message: string }[]>([])
  const [fregLookup, setFregLookup] = useState<FregLookupResult | null>(null)
  const form = useForm<NewCaseFormValues>({
    resolver: zodResolver(newCaseSchema),
    defaultValues: {
      ...EMPTY_CASE_FORM,
      assignToMe: true,
      person: {
        existingId: '',
        confirmNew: false,
        nationalId: '',
        firstName: '',
        lastName: '',
        birthDate: '',
        phone: '',
        street: '',
        postcode: '',
        place: '',
        protectedAddress: 'none',
      },
    },
  })

  const onSubmit = form.handleSubmit(async (values) => {
    setCandidates([])
    setUnplaced([])
    const me = session.status === 'authenticated' ? session.session.user.id : null
    const { person, assignToMe, ...caseValues } = values
    const body: CaseCreate = {
      ...toCaseFields(caseValues),
      person: toPersonRef(person),
      assignedTo: assignToMe ? me : null,
      freg: fregSource(person, fregLookup),
    }
    try {
      const created = await create.mutateAsync(body)
      navigate(casePath(created.id))
    } catch (err) {
      if (isApiError(err) && err.code === 'possible-duplicates')
        setCandidates((err.problem?.candidates as Suggestion[] | undefined) ?? [])
      // An expired lookup must not block registration: the next save goes without FREG as source
      // (the message says to look up again, which gives a fresh receipt).
      if (isApiError(err) && err.code === 'freg-receipt-invalid') setFregLookup(null)
      setUnplaced(
        applyApiErrors(err, form.setError, FIELD_NAMES, (p) => (p === 'person' ? null : stripBody(p))),
      )
    }
  })

  return { form, onSubmit, create, candidates, setCandidates, unplaced, setFregLookup }
}
