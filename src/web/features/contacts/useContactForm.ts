import { zodResolver } from '@hookform/resolvers/zod'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { type ContactDetail, contactDetail } from '../../../shared/api/contacts'
import { isApiError } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { applyApiErrors } from '../../components/formErrors'
import {
  CONTACT_FIELD_NAMES,
  type ContactFieldName,
  type ContactFormValues,
  contactChanges,
  contactFormSchema,
  contactToForm,
} from './contactForm'
import { usePatchContact } from './useContacts'

export interface ContactConflict {
  current: ContactDetail
  mine: ContactFormValues
  changed: ContactFieldName[]
}

/**
 * The contact form: PATCH of the changed fields with the version read. On 409 `conflict` the
 * user's input stays and `conflict` holds the stored contact for the comparison.
 */
export function useContactForm(c: ContactDetail) {
  const patch = usePatchContact(c.id)
  const queryClient = useQueryClient()
  const form = useForm<ContactFormValues>({
    resolver: zodResolver(contactFormSchema),
    defaultValues: contactToForm(c),
  })
  const [conflict, setConflict] = useState<ContactConflict | null>(null)
  const [saved, setSaved] = useState(false)

  // biome-ignore lint/correctness/useExhaustiveDependencies: the version marks a new stored state
  useEffect(() => {
    if (!form.formState.isDirty) form.reset(contactToForm(c))
  }, [c.version])

  const send = async (values: ContactFormValues, version: number, base: ContactFormValues) => {
    const body = contactChanges(values, base)
    const changed = Object.keys(body) as ContactFieldName[]
    if (changed.length === 0) return
    setSaved(false)
    try {
      const result = await patch.mutateAsync({ ...body, version })
      setConflict(null)
      form.reset(contactToForm(result))
      setSaved(true)
    } catch (err) {
      if (isApiError(err) && err.code === 'conflict') {
        const current = contactDetail.safeParse(err.problem?.current)
        if (current.success) setConflict({ current: current.data, mine: values, changed })
        return
      }
      applyApiErrors(err, form.setError, CONTACT_FIELD_NAMES)
    }
  }

  const onSubmit = form.handleSubmit((values) =>
    send(values, c.version, form.formState.defaultValues as ContactFormValues),
  )
  /** Save the fields the user changed again, on top of the stored version (others' changes stay). */
  const reapply = () => {
    if (!conflict) return
    const stored = contactToForm(conflict.current)
    const mine = Object.fromEntries(conflict.changed.map((k) => [k, conflict.mine[k]]))
    void send({ ...stored, ...mine }, conflict.current.version, stored)
  }
  const reload = () => {
    if (!conflict) return
    form.reset(contactToForm(conflict.current))
    queryClient.setQueryData(queryKeys.contacts.detail(c.id), conflict.current)
    setConflict(null)
  }
  return { form, onSubmit, patch, conflict, reapply, reload, saved }
}
