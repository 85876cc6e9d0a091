import { useEffect, useState } from 'react'
import { type FieldErrors, type Resolver, type ResolverResult, useFieldArray, useForm } from 'react-hook-form'
import type { ContactBatchResult } from '../../../shared/api/contacts'
import type { PersonSummary } from '../../../shared/api/persons'
import { type ApiFieldError, isApiError } from '../../api/client'
import { useT } from '../../i18n'
import type { Suggestion } from '../persons/PersonSuggestions'
import {
  type CellErrors,
  cellOf,
  checkRow,
  clearDraft,
  emptyRow,
  type GridRow,
  type GridValues,
  isEmptyRow,
  loadDraft,
  parseRowPath,
  pickedCells,
  saveDraft,
  toContactCreate,
} from './gridModel'
import { useSaveContactBatch } from './useContacts'

/** Rows a fresh grid starts with: a few empty lines invite typing a whole interview in one go. */
const INITIAL_ROWS = 3

/** Problems that belong to a row rather than one cell, and duplicate candidates per row. */
export interface RowIssue {
  message?: string
  candidates?: Suggestion[]
}

/** A problem listed in the error summary, pointing at the cell (or row) to fix. */
export interface GridProblem {
  row: number
  cell: string | null
  message: string
}

function toFieldErrors(all: { row: number; cells: CellErrors }[]): FieldErrors<GridValues> {
  const rows: (Record<string, { type: string; message: string }> | undefined)[] = []
  for (const { row, cells } of all) {
    for (const [cell, message] of Object.entries(cells)) {
      const r = rows[row] ?? {}
      r[cell] = { type: 'validate', message: message! }
      rows[row] = r
    }
  }
  return (rows.length ? { rows } : {}) as FieldErrors<GridValues>
}

/**
 * The line-listing grid (SPEC §3.3) as one react-hook-form: rows checked with the shared
 * `contactCreate` schema, saved all-or-nothing through the batch endpoint. Server errors
 * (`rows.3.lastExposure`) land on the row and cell they name — mapped back through the rows
 * actually sent, since empty rows are left out. Nothing typed is ever cleared by a failed save,
 * and the unsaved grid is mirrored to sessionStorage so a reload does not lose it either.
 */
export function useContactGridForm(caseId: string) {
  const t = useT()
  const save = useSaveContactBatch(caseId)
  const [restored] = useState(() => loadDraft(caseId))
  const [rowIssues, setRowIssues] = useState<Record<number, RowIssue>>({})
  const [problems, setProblems] = useState<GridProblem[]>([])
  const [result, setResult] = useState<ContactBatchResult | null>(null)
  const messages = { idOrBirth: t('grid.badIdOrBirth'), date: t('grid.badDate') }

  const resolver: Resolver<GridValues> = async (values): Promise<ResolverResult<GridValues>> => {
    const filled = values.rows
      .map((r, row) => ({ row, r }))
      .filter(({ r }) => !isEmptyRow(r))
      .map(({ row, r }) => ({ row, cells: checkRow(r, messages) }))
    if (filled.length === 0)
      return {
        values: {},
        errors: { root: { type: 'empty', message: t('grid.nothingToSave') } } as FieldErrors<GridValues>,
      }
    const errors = toFieldErrors(filled)
    if (Object.keys(errors).length) return { values: {}, errors }
    return { values, errors: {} }
  }

  const form = useForm<GridValues>({
    resolver,
    defaultValues: { rows: restored ?? Array.from({ length: INITIAL_ROWS }, emptyRow) },
  })
  const rows = useFieldArray({ control: form.control, name: 'rows' })

  // Mirror every change to sessionStorage.
  useEffect(() => {
    const sub = form.watch((values) => saveDraft(caseId, (values.rows ?? []) as GridRow[]))
    return () => sub.unsubscribe()
  }, [form, caseId])

  const addRow = () => {
    rows.append(emptyRow(), { shouldFocus: true, focusName: `rows.${rows.fields.length}.firstName` })
  }

  const pick = (index: number, person: PersonSummary) => {
    const row = form.getValues(`rows.${index}`)
    const typed = row.picked
      ? row.typed
      : { firstName: row.firstName, lastName: row.lastName, idOrBirth: row.idOrBirth, phone: row.phone }
    form.setValue(
      `rows.${index}`,
      { ...row, ...pickedCells(person), picked: person, typed, confirmNew: false },
      { shouldDirty: true },
    )
    form.clearErrors(`rows.${index}`)
    setRowIssues(({ [index]: _, ...rest }) => rest)
  }

  const unpick = (index: number) => {
    const row = form.getValues(`rows.${index}`)
    form.setValue(
      `rows.${index}`,
      { ...row, ...(row.typed ?? {}), picked: null, typed: null },
      { shouldDirty: true },
    )
  }

  /** Household members from the case person's address, into empty rows first. */
  const fillHousehold = (persons: readonly PersonSummary[]) => {
    const current = form.getValues('rows')
    const already = new Set(current.map((r) => r.picked?.id).filter(Boolean))
    const fresh = persons.filter((p) => !already.has(p.id))
    const empties = current.map((r, i) => (isEmptyRow(r) ? i : -1)).filter((i) => i >= 0)
    for (const p of fresh) {
      const row: GridRow = {
        ...emptyRow(),
        ...pickedCells(p),
        picked: p,
        relation: 'household',
        exposureSetting: 'household',
        household: true,
      }
      const slot = empties.shift()
      if (slot === undefined) rows.append(row, { shouldFocus: false })
      else form.setValue(`rows.${slot}`, row, { shouldDirty: true })
    }
    return fresh.length
  }

  const showServerErrors = (err: unknown, sent: number[]) => {
    if (!isApiError(err)) return
    const list: GridProblem[] = []
    const issues: Record<number, RowIssue> = {}
    let first: string | null = null
    const place = (e: ApiFieldError) => {
      const at = parseRowPath(e.path)
      const row = at ? sent[at.row] : undefined
      if (at === null || row === undefined) return list.push({ row: -1, cell: null, message: e.message })
      const cell = cellOf(at.rest)
      if (cell) {
        form.setError(`rows.${row}.${cell}`, { type: 'server', message: e.message })
        first ??= `rows.${row}.${cell}`
      } else issues[row] = { ...issues[row], message: e.message }
      list.push({ row, cell, message: e.message })
    }
    for (const e of err.errors) place(e)
    const dups = (err.problem?.duplicates as { row: number; candidates: Suggestion[] }[] | undefined) ?? []
    for (const d of dups) {
      const row = sent[d.row]
      if (row !== undefined) issues[row] = { ...issues[row], candidates: d.candidates }
    }
    if (list.length === 0) list.push({ row: -1, cell: null, message: err.title })
    setRowIssues(issues)
    setProblems(list)
    if (first) form.setFocus(first as `rows.${number}.firstName`)
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setProblems([])
    setRowIssues({})
    setResult(null)
    const sent = values.rows.map((r, i) => (isEmptyRow(r) ? -1 : i)).filter((i) => i >= 0)
    try {
      const saved = await save.mutateAsync({ rows: sent.map((i) => toContactCreate(values.rows[i]!)) })
      clearDraft(caseId)
      form.reset({ rows: Array.from({ length: INITIAL_ROWS }, emptyRow) })
      setResult(saved)
    } catch (err) {
      showServerErrors(err, sent)
    }
  })

  const discardDraft = () => {
    clearDraft(caseId)
    form.reset({ rows: Array.from({ length: INITIAL_ROWS }, emptyRow) })
    setRowIssues({})
    setProblems([])
  }

  return {
    form,
    rows,
    addRow,
    pick,
    unpick,
    fillHousehold,
    onSubmit,
    save,
    rowIssues,
    problems,
    result,
    restored: !!restored,
    discardDraft,
  }
}
