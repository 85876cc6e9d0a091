import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { useRef, useState } from 'react'
import { isApiError } from '../../api/client'
import { useSession } from '../../api/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormDialog } from '../../components/FormDialog'
import { SelectField } from '../../components/SelectField'
import { useT } from '../../i18n'
import { useActiveKommuner, useCreateTransfer } from './useTransfers'

/**
 * "Overfør til annen kommune" (SPEC §3.6): pick the municipality and write a message. The
 * receiver sees the minimum data in its inbox and accepts or rejects.
 */
export function TransferDialog({
  recordType,
  recordId,
  name,
  compact = false,
}: {
  recordType: 'case' | 'contact'
  recordId: string
  name: string
  compact?: boolean
}) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const session = useSession()
  const own = session.status === 'authenticated' ? session.session.activeKommune?.code : undefined
  const kommuner = useActiveKommuner()
  const create = useCreateTransfer()
  const [toKommune, setToKommune] = useState('')
  const [message, setMessage] = useState('')
  const [sentTo, setSentTo] = useState('')
  const fieldError = (f: string) => (isApiError(create.error) ? create.error.fieldError(f) : undefined)
  const options = (kommuner.data?.items ?? []).filter((k) => k.code !== own)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    try {
      const sent = await create.mutateAsync({ recordType, recordId, toKommune, message })
      setSentTo(sent.to.name)
      ref.current?.close()
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <>
      <Button
        type="button"
        variant={compact ? 'tertiary' : 'secondary'}
        data-size="sm"
        aria-label={compact ? t('participants.transferNamed', { name }) : undefined}
        onClick={() => ref.current?.showModal()}
      >
        {compact ? t('participants.transfer') : t('transfer.button')}
      </Button>
      {sentTo && (
        <Paragraph data-size="sm" role="status">
          {t('transfer.sent', { kommune: sentTo })}
        </Paragraph>
      )}
      <FormDialog
        dialogRef={ref}
        title={t('transfer.title', { name })}
        text={t('transfer.text')}
        onSubmit={submit}
        submitLabel={t('transfer.submit')}
        submitting={create.isPending}
      >
        <SelectField
          label={t('transfer.kommune')}
          value={toKommune}
          onChange={(e) => setToKommune(e.target.value)}
          error={fieldError('toKommune')}
        >
          <option value="">{t('common.choose')}</option>
          {options.map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </SelectField>
        <Textfield
          multiline
          rows={3}
          label={t('transfer.message')}
          description={t('transfer.messageHelp')}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          error={fieldError('message')}
        />
        {create.isError && !fieldError('toKommune') && !fieldError('message') && (
          <ErrorAlert error={create.error} />
        )}
      </FormDialog>
    </>
  )
}
