import { Button, Paragraph } from '@digdir/designsystemet-react'
import { isApiError } from '../api/client'
import { ConflictNotice, type ConflictRow } from './ConflictNotice'
import { ErrorAlert } from './ErrorAlert'

/**
 * The end of an edit form saved with a version: the conflict notice after a 409 (with its rows),
 * any other error, the save button and the "saved" status.
 */
export function SaveActions({
  save,
  conflictRows,
  conflictTitle,
  onReload,
  onReapply,
  saveLabel,
  savedText,
}: {
  save: { isPending: boolean; isError: boolean; error: unknown }
  /** The conflict field by field, while there is one. */
  conflictRows: ConflictRow[] | null
  conflictTitle?: string
  onReload: () => void
  onReapply: () => void
  saveLabel: string
  /** The status line, empty until saved. */
  savedText: string
}) {
  const conflict = conflictRows !== null
  const otherError = save.isError && !(isApiError(save.error) && save.error.code === 'conflict')
  return (
    <>
      {conflict && (
        <ConflictNotice
          title={conflictTitle}
          rows={conflictRows}
          onReload={onReload}
          onReapply={onReapply}
          busy={save.isPending}
        />
      )}
      {otherError && <ErrorAlert error={save.error} />}
      <div className="cw-actions">
        <Button type="submit" loading={save.isPending && !conflict}>
          {saveLabel}
        </Button>
        <Paragraph data-size="sm" role="status" className="cw-muted">
          {savedText}
        </Paragraph>
      </div>
    </>
  )
}
