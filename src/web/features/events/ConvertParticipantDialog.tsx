import { Button } from '@digdir/designsystemet-react'
import { useRef, useState } from 'react'
import { testType } from '../../../shared/api/cases'
import type { ConvertParticipantResult, ParticipantView } from '../../../shared/api/events'
import { isApiError } from '../../api/client'
import { CodeOptions } from '../../components/CodeOptions'
import { todayOslo } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormDialog } from '../../components/FormDialog'
import { PastDateField } from '../../components/PastDateField'
import { SelectField } from '../../components/SelectField'
import { useT } from '../../i18n'
import { TEST_TYPE_LABELS } from '../cases/labels'
import { useConvertParticipant } from './useEvents'

/**
 * "Registrer som smittet": the participant tested positive. The new case has the event as its
 * source; `onConverted` gets the other participants so the page can offer to make them contacts.
 */
export function ConvertParticipantDialog({
  eventId,
  participant,
  onConverted,
}: {
  eventId: string
  participant: ParticipantView
  onConverted: (result: ConvertParticipantResult, name: string) => void
}) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const convert = useConvertParticipant(eventId)
  const today = todayOslo()
  const [testDate, setTestDate] = useState(today)
  const [type, setType] = useState('pcr')
  const [onsetDate, setOnsetDate] = useState('')
  const name = `${participant.person.firstName} ${participant.person.lastName}`
  const fieldError = (f: string) => (isApiError(convert.error) ? convert.error.fieldError(f) : undefined)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    try {
      const result = await convert.mutateAsync({
        id: participant.id,
        testDate,
        testType: (type || null) as (typeof testType.options)[number] | null,
        onsetDate: onsetDate || null,
        version: participant.version,
      })
      ref.current?.close()
      onConverted(result, name)
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <>
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        aria-label={t('participants.convertNamed', { name })}
        onClick={() => ref.current?.showModal()}
      >
        {t('participants.convert')}
      </Button>
      <FormDialog
        dialogRef={ref}
        title={t('convert.title', { name })}
        text={t('participantConvert.text')}
        onSubmit={submit}
        submitLabel={t('participantConvert.submit')}
        submitting={convert.isPending}
      >
        <PastDateField
          label={t('caseForm.testDate')}
          value={testDate}
          onChange={(e) => setTestDate(e.target.value)}
          error={fieldError('testDate')}
        />
        <SelectField label={t('caseForm.testType')} value={type} onChange={(e) => setType(e.target.value)}>
          <CodeOptions empty={t('common.choose')} codes={testType.options} labels={TEST_TYPE_LABELS} />
        </SelectField>
        <PastDateField
          label={t('caseForm.onsetDate')}
          value={onsetDate}
          onChange={(e) => setOnsetDate(e.target.value)}
          error={fieldError('onsetDate')}
        />
        {convert.isError && <ErrorAlert error={convert.error} />}
      </FormDialog>
    </>
  )
}
