import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react'
import { type FormEventHandler, type ReactNode, type RefObject, useId } from 'react'
import { useT } from '../i18n'

/**
 * A modal form: heading, an optional lead text, the fields (`children`), then the submit button
 * and "Avbryt". The native dialog traps focus, closes on Escape and returns focus to the button
 * that opened it (`dialogRef.current?.showModal()`).
 */
export function FormDialog({
  dialogRef,
  title,
  text,
  onSubmit,
  submitLabel,
  submitting,
  children,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>
  title: string
  text?: string
  onSubmit: FormEventHandler<HTMLFormElement>
  submitLabel: string
  submitting: boolean
  children: ReactNode
}) {
  const t = useT()
  const headingId = useId()
  return (
    <Dialog ref={dialogRef} closeButton={t('common.close')} aria-labelledby={headingId}>
      <form className="app-stack" onSubmit={onSubmit} noValidate>
        <Heading level={2} data-size="xs" id={headingId}>
          {title}
        </Heading>
        {text && <Paragraph>{text}</Paragraph>}
        {children}
        <div className="cw-actions">
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
          <Button type="button" variant="tertiary" onClick={() => dialogRef.current?.close()}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
