import { Button } from '@digdir/designsystemet-react'
import { useRef } from 'react'
import { testType } from '../../../shared/api/cases'
import {
  type ConvertParticipantBody,
  type ConvertParticipantResult,
  convertParticipantBody,
  type ParticipantView,
} from '../../../shared/api/events'
import { CodeOptions } from '../../components/CodeOptions'
import { todayOslo } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormDialog } from '../../components/FormDialog'
import { fieldProps } from '../../components/formErrors'
import { PastDateField } from '../../components/PastDateField'
import { SelectField } from '../../components/SelectField'
import { checkedAs, useMutationForm } from '../../components/useMutationForm'
import { useT } from '../../i18n'
import { TEST_TYPE_LABELS } from '../cases/labels'
import { useConvertParticipant } from './useEvents'

type ConvertValues = { testDate: string; testType: string; onsetDate: string }

/** The new case's test facts, checked as the shared `convertParticipantBody` they become. */
export function useConvertParticipantForm(
  eventId: string,
  participant: ParticipantView,
  onDone: (result: ConvertParticipantResult) => void,
) {
  const toBody = (v: ConvertValues): ConvertParticipantBody & { id: string } => ({
    id: participant.id,
    testDate: v.testDate,
    testType: (v.testType || null) as ConvertParticipantBody['testType'],
    onsetDate: v.onsetDate || null,
    version: participant.version,
  })
  return useMutationForm({
    schema: checkedAs<ConvertValues>((v) => {
      const { id: _id, ...body } = toBody(v)
      return { schema: convertParticipantBody, body }
    }),
    defaultValues: { testDate: todayOslo(), testType: 'pcr', onsetDate: '' },
    mutation: useConvertParticipant(eventId),
    toBody,
    onSuccess: onDone,
  })
}

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
  const name = `${participant.person.firstName} ${participant.person.lastName}`
  const { form, onSubmit, unplacedError } = useConvertParticipantForm(eventId, participant, (result) => {
    ref.current?.close()
    onConverted(result, name)
  })

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
        onSubmit={onSubmit}
        submitLabel={t('participantConvert.submit')}
        submitting={form.formState.isSubmitting}
      >
        <PastDateField label={t('caseForm.testDate')} {...fieldProps(form, 'testDate')} />
        <SelectField label={t('caseForm.testType')} {...fieldProps(form, 'testType')}>
          <CodeOptions empty={t('common.choose')} codes={testType.options} labels={TEST_TYPE_LABELS} />
        </SelectField>
        <PastDateField label={t('caseForm.onsetDate')} {...fieldProps(form, 'onsetDate')} />
        {unplacedError && <ErrorAlert error={unplacedError} />}
      </FormDialog>
    </>
  )
}
