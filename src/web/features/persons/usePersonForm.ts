import { zodResolver } from '@hookform/resolvers/zod'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'
import { type PersonView, personUpdate, personView } from '../../../shared/api/persons'
import { isApiError } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { applyApiErrors } from '../../components/formErrors'
import { useUpdatePerson } from './usePersons'

export const PERSON_FIELDS = [
  'firstName',
  'lastName',
  'nationalId',
  'birthDate',
  'sex',
  'phone',
  'phone2',
  'email',
  'street',
  'postcode',
  'place',
  'protectedAddress',
  'preferredLanguage',
  'interpreterNeeded',
  'workplaceName',
  'workplaceType',
  'foreignId',
  'foreignIdCountry',
  'notes',
] as const
export type PersonField = (typeof PERSON_FIELDS)[number]
export const ADDRESS_FIELDS: readonly PersonField[] = ['street', 'postcode', 'place']

export type PersonFormValues = Record<Exclude<PersonField, 'interpreterNeeded'>, string> & {
  interpreterNeeded: boolean
}

export function personToForm(p: PersonView): PersonFormValues {
  const out = {} as Record<string, unknown>
  for (const k of PERSON_FIELDS) {
    const v = p[k]
    out[k] = typeof v === 'boolean' ? v : (v ?? '')
  }
  return out as PersonFormValues
}

/** Changed fields as API values ('' → null); address fields only when they were shown. */
function changes(v: PersonFormValues, base: PersonFormValues, addressShown: boolean) {
  const out: Record<string, unknown> = {}
  for (const k of PERSON_FIELDS) {
    if (!addressShown && ADDRESS_FIELDS.includes(k)) continue
    if (v[k] === base[k]) continue
    out[k] = v[k] === '' ? null : v[k]
  }
  return out
}

const formSchema = z.custom<PersonFormValues>().superRefine((v, ctx) => {
  const body: Record<string, unknown> = { version: 1 }
  for (const k of PERSON_FIELDS) body[k] = v[k] === '' ? null : v[k]
  const parsed = personUpdate.safeParse(body)
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path })
})

export interface PersonConflict {
  current: PersonView
  mine: PersonFormValues
  changed: PersonField[]
}

/**
 * Editing a person: PATCH of the changed fields with the version read, checked with the shared
 * `personUpdate` schema; 409 `conflict` keeps the input and exposes what is stored now.
 */
export function usePersonForm(person: PersonView, addressShown: boolean) {
  const update = useUpdatePerson(person.id)
  const queryClient = useQueryClient()
  const form = useForm<PersonFormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: personToForm(person),
  })
  const [conflict, setConflict] = useState<PersonConflict | null>(null)
  const [saved, setSaved] = useState(false)

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version (or a revealed address) is a new base
  useEffect(() => {
    if (!form.formState.isDirty) form.reset(personToForm(person))
  }, [person.version, person.addressHidden])

  const send = async (values: PersonFormValues, version: number, base: PersonFormValues) => {
    const body = changes(values, base, addressShown)
    const changed = Object.keys(body) as PersonField[]
    if (changed.length === 0) return
    setSaved(false)
    try {
      const result = await update.mutateAsync({ ...body, version })
      setConflict(null)
      form.reset(personToForm(result))
      setSaved(true)
    } catch (err) {
      if (isApiError(err) && err.code === 'conflict') {
        const current = personView.safeParse(err.problem?.current)
        if (current.success) setConflict({ current: current.data, mine: values, changed })
        return
      }
      applyApiErrors(err, form.setError, PERSON_FIELDS)
    }
  }
  const onSubmit = form.handleSubmit((v) =>
    send(v, person.version, form.formState.defaultValues as PersonFormValues),
  )
  /** Save the fields the user changed again, on top of the stored version (others' changes stay). */
  const reapply = () => {
    if (!conflict) return
    const stored = personToForm(conflict.current)
    const mine = Object.fromEntries(conflict.changed.map((k) => [k, conflict.mine[k]]))
    void send({ ...stored, ...mine }, conflict.current.version, stored)
  }
  const reload = () => {
    if (!conflict) return
    form.reset(personToForm(conflict.current))
    queryClient.setQueryData(queryKeys.persons.detail(person.id), conflict.current)
    setConflict(null)
  }
  return { form, onSubmit, update, conflict, reapply, reload, saved }
}
