import { Alert, Button, Paragraph } from '@digdir/designsystemet-react'
import { useNavigate } from 'react-router'
import { convertToCaseBody } from '../../../shared/api/contacts'
import { todayOslo } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { fieldProps } from '../../components/formErrors'
import { PastDateField } from '../../components/PastDateField'
import { checkedAs, useMutationForm } from '../../components/useMutationForm'
import { useT } from '../../i18n'
import { useConvertAndIsolate } from './useFollowUps'

type ConvertValues = { testDate: string; onsetDate: string }

/** The new case's dates, checked with the shared `convertToCaseBody` (no <form>: it sits inside the call form). */
export function useConvertFromCallForm(
  contactId: string,
  initial: ConvertValues,
  onDone: (caseId: string) => void,
  fromCallId?: string,
) {
  const dates = (v: ConvertValues) => ({ testDate: v.testDate, onsetDate: v.onsetDate || null })
  return useMutationForm({
    schema: checkedAs<ConvertValues>((v) => ({
      schema: convertToCaseBody.pick({ testDate: true, onsetDate: true }),
      body: dates(v),
    })),
    defaultValues: initial,
    mutation: useConvertAndIsolate(),
    toBody: (v) => ({ contactId, fromCallId, ...dates(v) }),
    onSuccess: onDone,
  })
}

/**
 * Inside the call dialog (or the "Symptomer meldt" list), after a contact reported symptoms or a
 * positive test: convert the contact to an index case — the server ends the quarantine and starts
 * isolation in the same transaction — then open the new case.
 */
export function ConvertToCaseFromCall({
  contactId,
  callId,
  personName,
  onsetDate,
  testDate,
}: {
  contactId: string
  /** The call the symptoms were reported on: its notes go into the case. */
  callId?: string
  personName: string
  onsetDate: string | null
  testDate: string | null
}) {
  const t = useT()
  const navigate = useNavigate()
  const today = todayOslo()
  const { form, onSubmit, unplacedError } = useConvertFromCallForm(
    contactId,
    { testDate: testDate ?? today, onsetDate: onsetDate ?? '' },
    (caseId) => navigate(`/saker/${encodeURIComponent(caseId)}`),
    callId,
  )
  return (
    <Alert data-color="info" className="app-stack">
      <Paragraph>{t('call.suggestCase', { name: personName })}</Paragraph>
      <Paragraph data-size="sm">{t('convert.text')}</Paragraph>
      <div className="cw-form-grid">
        <PastDateField label={t('convert.testDate')} {...fieldProps(form, 'testDate')} />
        <PastDateField label={t('convert.onsetDate')} {...fieldProps(form, 'onsetDate')} />
      </div>
      {unplacedError && <ErrorAlert error={unplacedError} />}
      <div className="cw-actions">
        <Button type="button" loading={form.formState.isSubmitting} onClick={onSubmit}>
          {t('convert.submit')}
        </Button>
      </div>
    </Alert>
  )
}
