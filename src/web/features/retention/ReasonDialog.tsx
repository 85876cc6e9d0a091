import { Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useId, useRef } from 'react'
import { useForm } from 'react-hook-form'
import { legalHoldRelease } from '../../../shared/api/retention'
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

/** The reason, checked with the shared `holdReason` rule before it is sent. */
export function useReasonForm(onSubmit: (reason: string) => void) {
  const form = useForm<{ reason: string }>({
    resolver: zodResolver(legalHoldRelease),
    defaultValues: { reason: '' },
  })
  return { form, onSubmit: form.handleSubmit(({ reason }) => onSubmit(reason)) }
}

/**
 * A modal asking for the reason (audited) before placing or releasing a legal hold. The native
 * dialog traps focus, closes on Escape and returns focus to the button that opened it.
 */
export function ReasonDialog(props: ReasonDialogProps) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  const { form, onSubmit } = useReasonForm(props.onSubmit)
  const { open } = props
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      form.reset()
      dialog.showModal()
    } else if (!open && dialog.open) dialog.close()
  }, [open, form])
  const error = props.error
  const serverError = isApiError(error) ? error.fieldError('reason') : undefined
  const fieldError = form.formState.errors.reason?.message ?? serverError
  return (
    <Dialog ref={ref} closeButton={t('common.close')} aria-labelledby={headingId} onClose={props.onClose}>
      <form className="app-stack" noValidate onSubmit={onSubmit}>
        <Heading level={2} data-size="xs" id={headingId}>
          {props.heading}
        </Heading>
        <Paragraph>{props.text}</Paragraph>
        <Textfield
          label={props.reasonLabel}
          description={props.reasonHelp}
          maxLength={500}
          autoComplete="off"
          error={fieldError}
          {...form.register('reason')}
        />
        {error && !serverError ? <ErrorAlert error={error} /> : null}
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
