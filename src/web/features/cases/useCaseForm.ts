import { zodResolver } from '@hookform/resolvers/zod'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { type CaseDetail, type CaseFields, type CaseView, caseView } from '../../../shared/api/cases'
import { isApiError } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { applyApiErrors } from '../../components/formErrors'
import {
  CASE_FIELD_NAMES,
  type CaseFieldName,
  type CaseFormValues,
  caseFormValues,
  caseToForm,
  checkCaseForm,
  toCaseFields,
} from './caseForm'
import { usePatchCase } from './useCases'

const schema = caseFormValues.superRefine((v, ctx) => checkCaseForm(v, ctx))

export interface CaseConflict {
  /** The case as stored now. */
  current: CaseView
  /** What the user had in the form when the save was refused. */
  mine: CaseFormValues
  /** The fields the user changed. */
  changed: CaseFieldName[]
}

/** Only the fields that differ from `base`, as API values. */
function changedFields(values: CaseFormValues, base: CaseFormValues) {
  const changed = CASE_FIELD_NAMES.filter((k) => values[k] !== base[k])
  const all = toCaseFields(values) as Record<string, unknown>
  const body: Record<string, unknown> = {}
  for (const k of changed) body[k] = all[k]
  return { changed, body: body as CaseFields }
}

/**
 * The case details form: PATCH with the version read and only the changed fields. A 409
 * `conflict` keeps the user's input and exposes `conflict` for a field-by-field comparison; the
 * user then reloads (takes the stored case) or re-applies their changes on top of it.
 */
export function useCaseForm(c: CaseDetail) {
  const patch = usePatchCase(c.id)
  const queryClient = useQueryClient()
  const form = useForm<CaseFormValues>({ resolver: zodResolver(schema), defaultValues: caseToForm(c) })
  const [conflict, setConflict] = useState<CaseConflict | null>(null)
  const [saved, setSaved] = useState(false)

  // Someone (this user elsewhere on the page, or a refetch) changed the case: follow it unless typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version is what marks a new case state
  useEffect(() => {
    if (!form.formState.isDirty) form.reset(caseToForm(c))
  }, [c.version])

  const send = async (values: CaseFormValues, version: number, base: CaseFormValues) => {
    const { changed, body } = changedFields(values, base)
    if (changed.length === 0) return
    setSaved(false)
    try {
      const result = await patch.mutateAsync({ ...body, version })
      setConflict(null)
      form.reset(caseToForm(result))
      setSaved(true)
    } catch (err) {
      if (isApiError(err) && err.code === 'conflict') {
        const current = caseView.safeParse(err.problem?.current)
        if (current.success) setConflict({ current: current.data, mine: values, changed })
        return
      }
      applyApiErrors(err, form.setError, CASE_FIELD_NAMES)
    }
  }

  const onSubmit = form.handleSubmit((values) =>
    send(values, c.version, form.formState.defaultValues as CaseFormValues),
  )

  /** Save the fields the user changed again, on top of the stored version (others' changes stay). */
  const reapply = () => {
    if (!conflict) return
    const stored = caseToForm(conflict.current)
    const mine = Object.fromEntries(conflict.changed.map((k) => [k, conflict.mine[k]]))
    void send({ ...stored, ...mine }, conflict.current.version, stored)
  }

  /** Drop the user's changes and show what is stored. */
  const reload = () => {
    if (!conflict) return
    form.reset(caseToForm(conflict.current))
    setConflict(null)
    void queryClient.invalidateQueries({ queryKey: queryKeys.cases.detail(c.id) })
  }

  return { form, onSubmit, patch, conflict, reapply, reload, saved }
}
