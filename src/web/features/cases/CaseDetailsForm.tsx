import { Heading } from '@digdir/designsystemet-react'
import { useId } from 'react'
import { FormProvider } from 'react-hook-form'
import type { CaseDetail } from '../../../shared/api/cases'
import type { ConflictRow } from '../../components/ConflictNotice'
import { formatIsoDate } from '../../components/dates'
import { SaveActions } from '../../components/SaveActions'
import { type MessageKey, type Translate, useT } from '../../i18n'
import { CaseFieldsFieldset } from './CaseFieldsFieldset'
import { CASE_FIELD_NAMES, type CaseFieldName, type CaseFormValues, caseToForm } from './caseForm'
import {
  codeLabel,
  EXPOSURE_SETTING_LABELS,
  INFECTION_SOURCE_LABELS,
  INTERVIEW_STATUS_LABELS,
  OUTCOME_LABELS,
  TEST_TYPE_LABELS,
} from './labels'
import { type CaseConflict, useCaseForm } from './useCaseForm'

export const CASE_FIELD_LABELS: Record<CaseFieldName, MessageKey> = {
  probable: 'caseForm.probable',
  testDate: 'caseForm.testDate',
  testType: 'caseForm.testType',
  resultDate: 'caseForm.resultDate',
  symptomatic: 'caseForm.symptomatic',
  onsetDate: 'caseForm.onsetDate',
  symptoms: 'caseForm.symptoms',
  likelyInfectionDate: 'caseForm.likelyInfectionDate',
  infectionSource: 'caseForm.infectionSource',
  exposureSetting: 'caseForm.exposureSetting',
  travelHistory: 'caseForm.travelHistory',
  hospitalised: 'caseForm.hospitalised',
  outcome: 'caseForm.outcome',
  vaccinationStatus: 'caseForm.vaccinationStatus',
  vaccinationDate: 'caseForm.vaccinationDate',
  interviewStatus: 'caseForm.interviewStatus',
  notes: 'caseForm.notes',
  isolationEnd: 'caseForm.isolationEnd',
}

/** A form value as a person reads it (dates as dd.mm.åååå, codes by their label). */
function display(t: Translate, field: CaseFieldName, value: CaseFormValues[CaseFieldName]): string {
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no')
  if (field === 'symptomatic') return value === 'yes' ? t('common.yes') : value === 'no' ? t('common.no') : ''
  if (field === 'testType') return codeLabel(t, TEST_TYPE_LABELS, value)
  if (field === 'infectionSource') return codeLabel(t, INFECTION_SOURCE_LABELS, value)
  if (field === 'exposureSetting') return codeLabel(t, EXPOSURE_SETTING_LABELS, value)
  if (field === 'interviewStatus') return codeLabel(t, INTERVIEW_STATUS_LABELS, value)
  if (field === 'outcome') return codeLabel(t, OUTCOME_LABELS, value)
  if (/Date$|isolationEnd/.test(field)) return formatIsoDate(value)
  return value
}

export function conflictRows(t: Translate, conflict: CaseConflict): ConflictRow[] {
  const stored = caseToForm(conflict.current)
  return CASE_FIELD_NAMES.map((field) => ({
    field,
    label: t(CASE_FIELD_LABELS[field]),
    yours: display(t, field, conflict.mine[field]),
    stored: display(t, field, stored[field]),
    changedByYou: conflict.changed.includes(field),
  }))
}

/** "Opplysninger om tilfellet": the editable case fields with save and conflict handling. */
export function CaseDetailsForm({ detail }: { detail: CaseDetail }) {
  const t = useT()
  const headingId = useId()
  const { form, onSubmit, patch, conflict, reapply, reload, saved } = useCaseForm(detail)
  return (
    <section aria-labelledby={headingId} className="app-stack cw-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('case.detailsHeading')}
      </Heading>
      <FormProvider {...form}>
        <form className="app-stack" onSubmit={onSubmit} noValidate>
          <CaseFieldsFieldset edit />
          <SaveActions
            save={patch}
            conflictRows={conflict ? conflictRows(t, conflict) : null}
            onReload={reload}
            onReapply={reapply}
            saveLabel={t('case.save')}
            savedText={saved && !form.formState.isDirty ? t('case.saved') : ''}
          />
        </form>
      </FormProvider>
    </section>
  )
}
