import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Textfield,
} from '@digdir/designsystemet-react'
import { useEffect, useId, useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import type { FollowUpCallView, FollowUpRecordResult } from '../../../shared/api/followups'
import { testResult } from '../../../shared/api/followups'
import { ErrorAlert } from '../../components/ErrorAlert'
import { applyApiErrors } from '../../components/formErrors'
import { PastDateField } from '../../components/PastDateField'
import { SelectField } from '../../components/SelectField'
import { type MessageKey, useT } from '../../i18n'
import { ConvertToCaseFromCall } from './ConvertToCaseFromCall'
import { useRecordCall } from './useFollowUps'

type Values = {
  reached: '' | 'yes' | 'no'
  symptoms: '' | 'yes' | 'no'
  symptomNotes: string
  onsetDate: string
  tested: '' | 'yes' | 'no'
  testDate: string
  testResult: string
  food: boolean
  medicine: boolean
  practical: boolean
  other: boolean
  remarks: string
}
const FIELDS = [
  'reached',
  'symptoms',
  'symptomNotes',
  'onsetDate',
  'tested',
  'testDate',
  'testResult',
  'remarks',
]
const NEEDS = ['food', 'medicine', 'practical', 'other'] as const
export const RESULT_LABELS: Record<string, MessageKey> = {
  positive: 'call.result.positive',
  negative: 'call.result.negative',
  pending: 'call.result.pending',
  unknown: 'call.result.unknown',
}
const yesNo = (v: '' | 'yes' | 'no') => (v === '' ? null : v === 'yes')
const blank = (v: string) => (v.trim() === '' ? null : v)

/** The button that opens the call dialog for one call (the dialog itself lives with the list). */
export function RecordCallButton({ personName, onClick }: { personName: string; onClick: () => void }) {
  const t = useT()
  return (
    <Button type="button" data-size="sm" variant="secondary" onClick={onClick}>
      {t('followUp.record')}
      <span className="cw-visually-hidden"> – {personName}</span>
    </Button>
  )
}

/**
 * "Registrer samtale": reached or not, and when reached the symptoms (with onset), test and needs.
 * A contact reporting symptoms or a positive test is offered the contact → case path at once.
 * Opens when mounted; the parent keeps it mounted (outside the list rows, which change once the
 * call is recorded) until `onClose`.
 */
export function RecordCallDialog({
  call,
  personName,
  onClose,
}: {
  call: FollowUpCallView
  personName: string
  onClose: () => void
}) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal()
  }, [])
  const headingId = useId()
  const record = useRecordCall(call.id)
  const [result, setResult] = useState<FollowUpRecordResult | null>(null)
  const form = useForm<Values>({
    defaultValues: {
      reached: '',
      symptoms: '',
      symptomNotes: '',
      onsetDate: '',
      tested: '',
      testDate: '',
      testResult: '',
      food: false,
      medicine: false,
      practical: false,
      other: false,
      remarks: '',
    },
  })
  const errors = form.formState.errors
  const reached = form.watch('reached') === 'yes'
  const symptoms = form.watch('symptoms') === 'yes'
  const tested = form.watch('tested') === 'yes'
  const onSubmit = form.handleSubmit(async (v) => {
    if (v.reached === '') {
      form.setError('reached', { message: t('call.reached') }, { shouldFocus: true })
      return
    }
    try {
      const r = await record.mutateAsync({
        version: call.version,
        reached: v.reached === 'yes',
        ...(v.reached === 'yes'
          ? {
              symptoms: yesNo(v.symptoms),
              symptomNotes: blank(v.symptomNotes),
              onsetDate: v.symptoms === 'yes' ? blank(v.onsetDate) : null,
              tested: yesNo(v.tested),
              testDate: v.tested === 'yes' ? blank(v.testDate) : null,
              testResult: v.tested === 'yes' ? (blank(v.testResult) as never) : null,
              needs: { food: v.food, medicine: v.medicine, practical: v.practical, other: v.other },
            }
          : {}),
        remarks: blank(v.remarks),
      })
      setResult(r)
      if (!r.suggestCaseConversion && !r.measure.unreachedSince) ref.current?.close()
    } catch (err) {
      applyApiErrors(err, form.setError, FIELDS)
    }
  })
  return (
    <Dialog ref={ref} closeButton={t('common.close')} aria-labelledby={headingId} onClose={onClose}>
      <form className="app-stack" onSubmit={onSubmit} noValidate>
        <Heading level={2} data-size="xs" id={headingId}>
          {t('call.heading', { name: personName })}
        </Heading>
        <Fieldset className="cw-inline-radios">
          <Fieldset.Legend>{t('call.reached')}</Fieldset.Legend>
          <Radio label={t('call.reachedYes')} value="yes" {...form.register('reached')} />
          <Radio label={t('call.reachedNo')} value="no" {...form.register('reached')} />
        </Fieldset>
        {errors.reached && <Paragraph className="cw-error-text">{errors.reached.message}</Paragraph>}
        {reached && (
          <>
            <Fieldset className="cw-inline-radios">
              <Fieldset.Legend>{t('call.symptoms')}</Fieldset.Legend>
              <Radio label={t('common.yes')} value="yes" {...form.register('symptoms')} />
              <Radio label={t('common.no')} value="no" {...form.register('symptoms')} />
            </Fieldset>
            {symptoms && (
              <div className="cw-form-grid">
                <Textfield
                  label={t('call.symptomNotes')}
                  error={errors.symptomNotes?.message}
                  {...form.register('symptomNotes')}
                />
                <PastDateField
                  label={t('call.onsetDate')}
                  error={errors.onsetDate?.message}
                  {...form.register('onsetDate')}
                />
              </div>
            )}
            <Fieldset className="cw-inline-radios">
              <Fieldset.Legend>{t('call.tested')}</Fieldset.Legend>
              <Radio label={t('common.yes')} value="yes" {...form.register('tested')} />
              <Radio label={t('common.no')} value="no" {...form.register('tested')} />
            </Fieldset>
            {tested && (
              <div className="cw-form-grid">
                <PastDateField
                  label={t('call.testDate')}
                  error={errors.testDate?.message}
                  {...form.register('testDate')}
                />
                <SelectField
                  label={t('call.testResult')}
                  error={errors.testResult?.message}
                  {...form.register('testResult')}
                >
                  <option value="">{t('common.choose')}</option>
                  {testResult.options.map((r) => (
                    <option key={r} value={r}>
                      {t(RESULT_LABELS[r]!)}
                    </option>
                  ))}
                </SelectField>
              </div>
            )}
            <Fieldset className="cw-inline-radios">
              <Fieldset.Legend>{t('call.needs')}</Fieldset.Legend>
              {NEEDS.map((n) => (
                <Checkbox key={n} label={t(`call.needs.${n}`)} {...form.register(n)} />
              ))}
            </Fieldset>
          </>
        )}
        <Textfield
          multiline
          rows={2}
          label={t('call.remarks')}
          error={errors.remarks?.message}
          {...form.register('remarks')}
        />
        {record.isError && <ErrorAlert error={record.error} />}
        {result?.measure.unreachedSince && (
          <Alert data-color="warning">
            {t('call.unreachedFlag', { name: personName, count: result.measure.consecutiveUnreached })}
          </Alert>
        )}
        {result?.suggestCaseConversion && result.contactId ? (
          <ConvertToCaseFromCall
            contactId={result.contactId}
            callId={result.call.id}
            personName={personName}
            onsetDate={result.call.onsetDate}
            testDate={result.call.testResult === 'positive' ? result.call.testDate : null}
          />
        ) : (
          <div className="cw-actions">
            <Button type="submit" loading={record.isPending} disabled={!!result}>
              {t('call.save')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => ref.current?.close()}>
              {t('common.cancel')}
            </Button>
          </div>
        )}
        <Paragraph role="status" data-size="sm" className="cw-muted">
          {result ? t('call.saved') : ''}
        </Paragraph>
      </form>
    </Dialog>
  )
}
