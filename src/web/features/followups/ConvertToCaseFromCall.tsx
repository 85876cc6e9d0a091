import { Alert, Button, Paragraph } from '@digdir/designsystemet-react'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { isApiError } from '../../api/client'
import { todayOslo } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PastDateField } from '../../components/PastDateField'
import { useT } from '../../i18n'
import { useConvertAndIsolate } from './useFollowUps'

/**
 * Inside the call dialog, after a contact reported symptoms or a positive test: convert the contact
 * to an index case (contacts API) and start isolation, then open the new case.
 */
export function ConvertToCaseFromCall({
  contactId,
  personName,
  onsetDate,
  testDate,
}: {
  contactId: string
  personName: string
  onsetDate: string | null
  testDate: string | null
}) {
  const t = useT()
  const navigate = useNavigate()
  const convert = useConvertAndIsolate()
  const today = todayOslo()
  const [test, setTest] = useState(testDate ?? today)
  const [onset, setOnset] = useState(onsetDate ?? '')
  const fieldError = (name: string) =>
    isApiError(convert.error) ? convert.error.fieldError(name) : undefined
  return (
    <Alert data-color="info" className="app-stack">
      <Paragraph>{t('call.suggestCase', { name: personName })}</Paragraph>
      <Paragraph data-size="sm">{t('convert.text')}</Paragraph>
      <div className="cw-form-grid">
        <PastDateField
          label={t('convert.testDate')}
          value={test}
          onChange={(e) => setTest(e.target.value)}
          error={fieldError('testDate')}
        />
        <PastDateField
          label={t('convert.onsetDate')}
          value={onset}
          onChange={(e) => setOnset(e.target.value)}
          error={fieldError('onsetDate')}
        />
      </div>
      {convert.isError && <ErrorAlert error={convert.error} />}
      <div className="cw-actions">
        <Button
          type="button"
          loading={convert.isPending}
          onClick={() =>
            convert.mutate(
              { contactId, testDate: test, onsetDate: onset || null },
              { onSuccess: (caseId) => navigate(`/saker/${encodeURIComponent(caseId)}`) },
            )
          }
        >
          {t('convert.submit')}
        </Button>
      </div>
    </Alert>
  )
}
