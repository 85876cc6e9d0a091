import { useState } from 'react'
import {
  type FieldErrors,
  type Resolver,
  type ResolverResult,
  type UseFormReturn,
  useFieldArray,
  useForm,
} from 'react-hook-form'
import type { PersonSummary } from '../../../shared/api/persons'
import { type ApiFieldError, isApiError } from '../../api/client'
import type { Suggestion } from '../persons/PersonSuggestions'
import { type PersonRow, parseRowPath, pickedCells } from './personRow'

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

export interface LineListValues<Row extends PersonRow> {
  rows: Row[]
}

/** The one form shape the shared code works on; each grid's own columns ride along untouched. */
type AnyValues = LineListValues<PersonRow>
type CellPath = `rows.${number}.firstName`

export interface LineListOptions<Row extends PersonRow, Create, Result> {
  /** The rows a fresh (or just saved) grid starts with. */
  freshRows: () => Row[]
  /** Rows to start with instead, e.g. a restored draft. */
  initialRows?: Row[] | null
  emptyRow: () => Row
  /** A row nobody has typed in: left out of the check and the save. */
  isEmptyRow: (r: Row) => boolean
  /** Client-side problems of one typed row, per cell. */
  checkRow: (r: Row) => Partial<Record<string, string>>
  toCreate: (r: Row) => Create
  /** The part of an API path after `rows.N.` → the grid cell showing it. */
  cellOf: (rest: string) => string | null
  submit: (body: { rows: Create[] }) => Promise<Result>
  /** Root message when every row is empty. */
  nothingToSave: string
  onSaved?: () => void
  /** Move the cursor to the first cell the server rejected. */
  focusFirstError?: boolean
}

function toFieldErrors<V extends AnyValues>(all: { row: number; cells: Partial<Record<string, string>> }[]) {
  const rows: (Record<string, { type: string; message: string }> | undefined)[] = []
  for (const { row, cells } of all)
    for (const [cell, message] of Object.entries(cells))
      rows[row] = { ...rows[row], [cell]: { type: 'validate', message: message! } }
  return (rows.length ? { rows } : {}) as FieldErrors<V>
}

/**
 * A line-listing grid as one react-hook-form, saved all-or-nothing through a batch endpoint.
 * Server errors (`rows.3.lastName`) land on the row and cell they name — mapped back through the
 * rows actually sent, since empty rows are left out — and duplicate candidates show under their
 * row. Nothing typed is ever cleared by a failed save.
 */
export function useLineListForm<Row extends PersonRow, Create, Result>(
  o: LineListOptions<Row, Create, Result>,
) {
  const [rowIssues, setRowIssues] = useState<Record<number, RowIssue>>({})
  const [problems, setProblems] = useState<GridProblem[]>([])
  const [result, setResult] = useState<Result | null>(null)

  const resolver: Resolver<LineListValues<Row>> = async (
    values,
  ): Promise<ResolverResult<LineListValues<Row>>> => {
    const filled = values.rows.map((r, row) => ({ row, r })).filter(({ r }) => !o.isEmptyRow(r))
    if (filled.length === 0)
      return {
        values: {},
        errors: { root: { type: 'empty', message: o.nothingToSave } } as FieldErrors<LineListValues<Row>>,
      }
    const errors = toFieldErrors<LineListValues<Row>>(
      filled.map(({ row, r }) => ({ row, cells: o.checkRow(r) })),
    )
    return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} }
  }

  const typedForm = useForm<LineListValues<Row>>({
    resolver,
    defaultValues: { rows: o.initialRows ?? o.freshRows() } as LineListValues<Row>,
  })
  // react-hook-form cannot resolve paths on a generic row: work on the person part, which every row has.
  const form = typedForm as unknown as UseFormReturn<AnyValues>
  const rows = useFieldArray({ control: form.control, name: 'rows' })

  const addRow = () =>
    rows.append(o.emptyRow(), { shouldFocus: true, focusName: `rows.${rows.fields.length}.firstName` })

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

  const showServerErrors = (err: unknown, sent: number[]) => {
    if (!isApiError(err)) return
    const list: GridProblem[] = []
    const issues: Record<number, RowIssue> = {}
    let first: CellPath | null = null
    const place = (e: ApiFieldError) => {
      const at = parseRowPath(e.path)
      const row = at ? sent[at.row] : undefined
      if (at === null || row === undefined) return list.push({ row: -1, cell: null, message: e.message })
      const cell = o.cellOf(at.rest)
      if (cell) {
        form.setError(`rows.${row}.${cell}` as CellPath, { type: 'server', message: e.message })
        first ??= `rows.${row}.${cell}` as CellPath
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
    if (first && o.focusFirstError) form.setFocus(first)
  }

  const onSubmit = typedForm.handleSubmit(async (values) => {
    setProblems([])
    setRowIssues({})
    setResult(null)
    const sent = values.rows.map((r, i) => (o.isEmptyRow(r) ? -1 : i)).filter((i) => i >= 0)
    try {
      const saved = await o.submit({ rows: sent.map((i) => o.toCreate(values.rows[i]!)) })
      o.onSaved?.()
      typedForm.reset({ rows: o.freshRows() } as LineListValues<Row>)
      setResult(saved)
    } catch (err) {
      showServerErrors(err, sent)
    }
  })

  /** Back to a fresh grid, forgetting every problem shown. */
  const clear = () => {
    typedForm.reset({ rows: o.freshRows() } as LineListValues<Row>)
    setRowIssues({})
    setProblems([])
  }

  return { form: typedForm, rows, addRow, pick, unpick, onSubmit, rowIssues, problems, result, clear }
}

/** What the shared grid components need from `useLineListForm`. */
export type LineListForm = ReturnType<typeof useLineListForm<PersonRow, unknown, unknown>>
