import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { useRef, useState } from 'react'
import { transferCreate } from '../../../shared/api/transfers'
import { useSession } from '../../api/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormDialog } from '../../components/FormDialog'
import { fieldProps } from '../../components/formErrors'
import { SelectField } from '../../components/SelectField'
import { useMutationForm } from '../../components/useMutationForm'
import { useT } from '../../i18n'
import { useActiveKommuner, useCreateTransfer } from './useTransfers'

type TransferRecord = { recordType: 'case' | 'contact'; recordId: string }

/** The transfer form: municipality and message, checked with the shared `transferCreate` schema. */
export function useTransferForm(record: TransferRecord, onSent: (kommuneName: string) => void) {
  return useMutationForm({
    schema: transferCreate.pick({ toKommune: true, message: true }),
    defaultValues: { toKommune: '', message: '' },
    mutation: useCreateTransfer(),
    toBody: (values) => ({ ...record, ...values }),
    onSuccess: (sent) => onSent(sent.to.name),
  })
}

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
  const [sentTo, setSentTo] = useState('')
  const { form, onSubmit, unplacedError } = useTransferForm({ recordType, recordId }, (kommune) => {
    setSentTo(kommune)
    ref.current?.close()
  })
  const options = (kommuner.data?.items ?? []).filter((k) => k.code !== own)

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
        onSubmit={onSubmit}
        submitLabel={t('transfer.submit')}
        submitting={form.formState.isSubmitting}
      >
        <SelectField label={t('transfer.kommune')} {...fieldProps(form, 'toKommune')}>
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
          {...fieldProps(form, 'message')}
        />
        {unplacedError && <ErrorAlert error={unplacedError} />}
      </FormDialog>
    </>
  )
}
