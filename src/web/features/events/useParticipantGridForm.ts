import { useT } from '../../i18n'
import { useLineListForm } from '../linelist/useLineListForm'
import { checkPRow, emptyPRow, isEmptyPRow, pCellOf, toParticipantCreate } from './participantGridModel'
import { useSaveParticipants } from './useEvents'

const INITIAL_ROWS = 3

/**
 * The participant grid as one react-hook-form, saved all-or-nothing through the batch endpoint.
 * Server errors (`rows.3.exposureAt`) land on the row and cell they name, mapped back through the
 * rows actually sent; duplicate candidates show under their row. A failed save clears nothing.
 */
export function useParticipantGridForm(eventId: string, defaultExposure: string) {
  const t = useT()
  const save = useSaveParticipants(eventId)
  const messages = { idOrBirth: t('grid.badIdOrBirth'), exposure: t('pgrid.badExposure') }
  const grid = useLineListForm({
    freshRows: () => Array.from({ length: INITIAL_ROWS }, () => emptyPRow(defaultExposure)),
    emptyRow: () => emptyPRow(defaultExposure),
    isEmptyRow: isEmptyPRow,
    checkRow: (r) => checkPRow(r, messages),
    toCreate: toParticipantCreate,
    cellOf: pCellOf,
    submit: save.mutateAsync,
    nothingToSave: t('pgrid.nothingToSave'),
  })
  return { ...grid, save }
}
