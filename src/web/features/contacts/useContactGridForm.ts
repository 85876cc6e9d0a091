import { useEffect, useState } from 'react'
import type { PersonSummary } from '../../../shared/api/persons'
import { useT } from '../../i18n'
import { pickedCells } from '../linelist/personRow'
import { useLineListForm } from '../linelist/useLineListForm'
import {
  cellOf,
  checkRow,
  clearDraft,
  emptyRow,
  type GridRow,
  isEmptyRow,
  loadDraft,
  saveDraft,
  toContactCreate,
} from './gridModel'
import { useSaveContactBatch } from './useContacts'

/** Rows a fresh grid starts with: a few empty lines invite typing a whole interview in one go. */
const INITIAL_ROWS = 3

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
  const messages = { idOrBirth: t('grid.badIdOrBirth'), date: t('grid.badDate') }
  const grid = useLineListForm({
    freshRows: () => Array.from({ length: INITIAL_ROWS }, emptyRow),
    initialRows: restored,
    emptyRow,
    isEmptyRow,
    checkRow: (r) => checkRow(r, messages),
    toCreate: toContactCreate,
    cellOf,
    submit: save.mutateAsync,
    nothingToSave: t('grid.nothingToSave'),
    onSaved: () => clearDraft(caseId),
    focusFirstError: true,
  })
  const { form, rows } = grid

  // Mirror every change to sessionStorage.
  useEffect(() => {
    const sub = form.watch((values) => saveDraft(caseId, (values.rows ?? []) as GridRow[]))
    return () => sub.unsubscribe()
  }, [form, caseId])

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

  const discardDraft = () => {
    clearDraft(caseId)
    grid.clear()
  }

  return { ...grid, save, fillHousehold, restored: !!restored, discardDraft }
}
