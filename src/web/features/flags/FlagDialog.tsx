import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { flagCreate } from '../../../shared/api/flags'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormDialog } from '../../components/FormDialog'
import { applyApiErrors } from '../../components/formErrors'
import { useT } from '../../i18n'
import { useCreateFlag } from './useFlags'

type RecordType = z.infer<typeof flagCreate>['recordType']
const commentOnly = flagCreate.pick({ comment: true })
type FlagValues = z.input<typeof commentOnly>

/** The comment form of "Meld feil", checked with the shared `flagCreate` schema. */
function useFlagForm(recordType: RecordType, recordId: string, onDone: () => void) {
  const create = useCreateFlag()
  const form = useForm<FlagValues>({ resolver: zodResolver(commentOnly), defaultValues: { comment: '' } })
  const onSubmit = form.handleSubmit(async ({ comment }) => {
    try {
      await create.mutateAsync({ recordType, recordId, comment })
      form.reset()
      onDone()
    } catch (err) {
      applyApiErrors(err, form.setError, ['comment'])
    }
  })
  return { form, onSubmit, create }
}

/**
 * "Meld feil" (SPEC §3.7): anyone working with a record can report that it is wrong; the report
 * goes to the Administrator's queue.
 */
export function FlagDialog({ recordType, recordId }: { recordType: RecordType; recordId: string }) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const [sent, setSent] = useState(false)
  const { form, onSubmit, create } = useFlagForm(recordType, recordId, () => {
    ref.current?.close()
    setSent(true)
  })
  return (
    <>
      <Button
        type="button"
        variant="tertiary"
        data-size="sm"
        onClick={() => {
          setSent(false)
          ref.current?.showModal()
        }}
      >
        {t('flags.report')}
      </Button>
      {sent && (
        <Alert data-color="success" data-size="sm" role="status">
          <Paragraph data-size="sm">{t('flags.sent')}</Paragraph>
        </Alert>
      )}
      <FormDialog
        dialogRef={ref}
        title={t('flags.reportTitle')}
        text={t('flags.reportText')}
        onSubmit={onSubmit}
        submitLabel={t('flags.send')}
        submitting={create.isPending}
      >
        <Textfield
          multiline
          rows={4}
          label={t('flags.comment')}
          error={form.formState.errors.comment?.message}
          {...form.register('comment')}
        />
        {create.isError && !form.formState.errors.comment && <ErrorAlert error={create.error} />}
      </FormDialog>
    </>
  )
}
