import { Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { useEffect, useId, useRef, useState } from 'react'
import { isApiError } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useT } from '../../i18n'

export interface ReasonDialogProps {
  /** The dialog is open while this is set. */
  open: boolean
  heading: string
  text: string
  reasonLabel: string
  reasonHelp?: string
  submitLabel: string
  busy: boolean
  error: unknown
  onSubmit: (reason: string) => void
  onClose: () => void
}

/**
 * A modal asking for the reason (audited) before placing or releasing a legal hold. The native
 * dialog traps focus, closes on Escape and returns focus to the button that opened it.
 */
export function ReasonDialog(props: ReasonDialogProps) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  const [reason, setReason] = useState('')
  const { open } = props
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      setReason('')
      dialog.showModal()
    } else if (!open && dialog.open) dialog.close()
  }, [open])
  const error = props.error
  const fieldError = isApiError(error) ? error.fieldError('reason') : undefined
  return (
    <Dialog ref={ref} closeButton={t('common.close')} aria-labelledby={headingId} onClose={props.onClose}>
      <form
        className="app-stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          props.onSubmit(reason)
        }}
      >
        <Heading level={2} data-size="xs" id={headingId}>
          {props.heading}
        </Heading>
        <Paragraph>{props.text}</Paragraph>
        <Textfield
          label={props.reasonLabel}
          description={props.reasonHelp}
          value={reason}
          maxLength={500}
          autoComplete="off"
          error={fieldError}
          onChange={(e) => setReason(e.target.value)}
        />
        {error && !fieldError ? <ErrorAlert error={error} /> : null}
        <div className="app-actions">
          <Button type="submit" loading={props.busy}>
            {props.submitLabel}
          </Button>
          <Button type="button" variant="tertiary" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
