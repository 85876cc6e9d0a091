import { useState } from 'react'
import { type FieldErrors, type Resolver, useFieldArray, useForm } from 'react-hook-form'
import type { ParticipantBatchResult } from '../../../shared/api/events'
import type { PersonSummary } from '../../../shared/api/persons'
import { type ApiFieldError, isApiError } from '../../api/client'
import { useT } from '../../i18n'
import { parseRowPath, pickedCells } from '../contacts/gridModel'
import type { Suggestion } from '../persons/PersonSuggestions'
import {
  checkPRow,
  emptyPRow,
  isEmptyPRow,
  type PGridValues,
  pCellOf,
  toParticipantCreate,
} from './participantGridModel'
import { useSaveParticipants } from './useEvents'

const INITIAL_ROWS = 3

export interface PRowIssue {
  message?: string
  candidates?: Suggestion[]
}
export interface PGridProblem {
  row: number
  cell: string | null
  message: string
}

/**
 * The participant grid as one react-hook-form, saved all-or-nothing through the batch endpoint.
 * Server errors (`rows.3.exposureAt`) land on the row and cell they name, mapped back through the
 * rows actually sent; duplicate candidates show under their row. A failed save clears nothing.
 */
export function useParticipantGridForm(eventId: string, defaultExposure: string) {
  const t = useT()
  const save = useSaveParticipants(eventId)
  const [rowIssues, setRowIssues] = useState<Record<number, PRowIssue>>({})
  const [problems, setProblems] = useState<PGridProblem[]>([])
  const [result, setResult] = useState<ParticipantBatchResult | null>(null)
  const messages = { idOrBirth: t('grid.badIdOrBirth'), exposure: t('pgrid.badExposure') }
  const fresh = () => Array.from({ length: INITIAL_ROWS }, () => emptyPRow(defaultExposure))

  const resolver: Resolver<PGridValues> = async (values) => {
    const filled = values.rows.map((r, row) => ({ row, r })).filter(({ r }) => !isEmptyPRow(r))
    if (filled.length === 0)
      return {
        values: {},
        errors: { root: { type: 'empty', message: t('pgrid.nothingToSave') } } as FieldErrors<PGridValues>,
      }
    const rows: (Record<string, { type: string; message: string }> | undefined)[] = []
    for (const { row, r } of filled)
      for (const [cell, message] of Object.entries(checkPRow(r, messages)))
        rows[row] = { ...rows[row], [cell]: { type: 'validate', message: message! } }
    return rows.length ? { values: {}, errors: { rows } as FieldErrors<PGridValues> } : { values, errors: {} }
  }

  const form = useForm<PGridValues>({ resolver, defaultValues: { rows: fresh() } })
  const rows = useFieldArray({ control: form.control, name: 'rows' })

  const addRow = () =>
    rows.append(emptyPRow(defaultExposure), {
      shouldFocus: true,
      focusName: `rows.${rows.fields.length}.firstName`,
    })

  const pick = (index: number, person: PersonSummary) => {
    const row = form.getValues(`rows.${index}`)
    const typed = row.picked
      ? row.typed
      : { firstName: row.firstName, lastName: row.lastName, idOrBirth: row.idOrBirth, phone: row.phone }
    form.setValue(`rows.${index}`, {
      ...row,
      ...pickedCells(person),
      picked: person,
      typed,
      confirmNew: false,
    })
    form.clearErrors(`rows.${index}`)
    setRowIssues(({ [index]: _, ...rest }) => rest)
  }
  const unpick = (index: number) => {
    const row = form.getValues(`rows.${index}`)
    form.setValue(`rows.${index}`, { ...row, ...(row.typed ?? {}), picked: null, typed: null })
  }

  const showServerErrors = (err: unknown, sent: number[]) => {
    if (!isApiError(err)) return
    const list: PGridProblem[] = []
    const issues: Record<number, PRowIssue> = {}
    const place = (e: ApiFieldError) => {
      const at = parseRowPath(e.path)
      const row = at ? sent[at.row] : undefined
      if (at === null || row === undefined) return list.push({ row: -1, cell: null, message: e.message })
      const cell = pCellOf(at.rest)
      if (cell) form.setError(`rows.${row}.${cell}`, { type: 'server', message: e.message })
      else issues[row] = { ...issues[row], message: e.message }
      list.push({ row, cell, message: e.message })
    }
    for (const e of err.errors) place(e)
    for (const d of (err.problem?.duplicates as { row: number; candidates: Suggestion[] }[] | undefined) ??
      []) {
      const row = sent[d.row]
      if (row !== undefined) issues[row] = { ...issues[row], candidates: d.candidates }
    }
    if (list.length === 0) list.push({ row: -1, cell: null, message: err.title })
    setRowIssues(issues)
    setProblems(list)
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setProblems([])
    setRowIssues({})
    setResult(null)
    const sent = values.rows.map((r, i) => (isEmptyPRow(r) ? -1 : i)).filter((i) => i >= 0)
    try {
      setResult(await save.mutateAsync({ rows: sent.map((i) => toParticipantCreate(values.rows[i]!)) }))
      form.reset({ rows: fresh() })
    } catch (err) {
      showServerErrors(err, sent)
    }
  })

  return { form, rows, addRow, pick, unpick, onSubmit, save, rowIssues, problems, result }
}
