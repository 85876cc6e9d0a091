import { Checkbox, Fieldset, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react'
import { useFormContext, useWatch } from 'react-hook-form'
import { caseOutcome, infectionSource, interviewStatus, testType } from '../../../shared/api/cases'
import { CodeOptions } from '../../components/CodeOptions'
import { PastDateField } from '../../components/PastDateField'
import { SelectField } from '../../components/SelectField'
import { useT } from '../../i18n'
import type { CaseFormValues } from './caseForm'
import {
  EXPOSURE_SETTING_CODES,
  EXPOSURE_SETTING_LABELS,
  INFECTION_SOURCE_LABELS,
  INTERVIEW_STATUS_LABELS,
  OUTCOME_LABELS,
  TEST_TYPE_LABELS,
} from './labels'

/**
 * The index-case fields (SPEC §3.2) in four groups, for "Ny sak" and the case page. Reads the
 * surrounding react-hook-form through context; `edit` adds the fields that only make sense later
 * (outcome, end of isolation).
 */
export function CaseFieldsFieldset({ edit = false }: { edit?: boolean }) {
  const t = useT()
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<CaseFormValues>()
  const symptomatic = useWatch({ control, name: 'symptomatic' })
  const err = (name: keyof CaseFormValues) => errors[name]?.message
  return (
    <div className="app-stack">
      <Fieldset className="cw-fieldset">
        <Fieldset.Legend>{t('caseForm.testGroup')}</Fieldset.Legend>
        <div className="cw-form-grid">
          <PastDateField label={t('caseForm.testDate')} error={err('testDate')} {...register('testDate')} />
          <SelectField label={t('caseForm.testType')} error={err('testType')} {...register('testType')}>
            <CodeOptions empty={t('common.choose')} codes={testType.options} labels={TEST_TYPE_LABELS} />
          </SelectField>
          <PastDateField
            label={t('caseForm.resultDate')}
            error={err('resultDate')}
            {...register('resultDate')}
          />
        </div>
        <Checkbox
          label={t('caseForm.probable')}
          description={t('caseForm.probableHelp')}
          error={err('probable')}
          {...register('probable')}
        />
      </Fieldset>

      <Fieldset className="cw-fieldset">
        <Fieldset.Legend>{t('caseForm.symptomGroup')}</Fieldset.Legend>
        <Fieldset className="cw-inline-radios">
          <Fieldset.Legend>{t('caseForm.symptomatic')}</Fieldset.Legend>
          <Radio label={t('common.yes')} value="yes" {...register('symptomatic')} />
          <Radio label={t('common.no')} value="no" {...register('symptomatic')} />
          <Radio label={t('common.unknown')} value="" {...register('symptomatic')} />
          {err('symptomatic') && <ValidationMessage>{err('symptomatic')}</ValidationMessage>}
        </Fieldset>
        <div className="cw-form-grid">
          <PastDateField
            label={t('caseForm.onsetDate')}
            description={symptomatic === 'yes' ? undefined : t('caseForm.onsetHelp')}
            error={err('onsetDate')}
            {...register('onsetDate')}
          />
        </div>
        <Textfield
          multiline
          rows={2}
          label={t('caseForm.symptoms')}
          error={err('symptoms')}
          {...register('symptoms')}
        />
      </Fieldset>

      <Fieldset className="cw-fieldset">
        <Fieldset.Legend>{t('caseForm.infectionGroup')}</Fieldset.Legend>
        <div className="cw-form-grid">
          <PastDateField
            label={t('caseForm.likelyInfectionDate')}
            error={err('likelyInfectionDate')}
            {...register('likelyInfectionDate')}
          />
          <SelectField
            label={t('caseForm.infectionSource')}
            error={err('infectionSource')}
            {...register('infectionSource')}
          >
            <CodeOptions
              empty={t('common.choose')}
              codes={infectionSource.options}
              labels={INFECTION_SOURCE_LABELS}
            />
          </SelectField>
          <SelectField
            label={t('caseForm.exposureSetting')}
            error={err('exposureSetting')}
            {...register('exposureSetting')}
          >
            <CodeOptions
              empty={t('common.choose')}
              codes={EXPOSURE_SETTING_CODES}
              labels={EXPOSURE_SETTING_LABELS}
            />
          </SelectField>
        </div>
        <Textfield
          multiline
          rows={2}
          label={t('caseForm.travelHistory')}
          error={err('travelHistory')}
          {...register('travelHistory')}
        />
      </Fieldset>

      <Fieldset className="cw-fieldset">
        <Fieldset.Legend>{t('caseForm.otherGroup')}</Fieldset.Legend>
        <Checkbox
          label={t('caseForm.hospitalised')}
          error={err('hospitalised')}
          {...register('hospitalised')}
        />
        <div className="cw-form-grid">
          <Textfield
            label={t('caseForm.vaccinationStatus')}
            description={t('caseForm.vaccinationHelp')}
            error={err('vaccinationStatus')}
            {...register('vaccinationStatus')}
          />
          <PastDateField
            label={t('caseForm.vaccinationDate')}
            error={err('vaccinationDate')}
            {...register('vaccinationDate')}
          />
          <SelectField
            label={t('caseForm.interviewStatus')}
            error={err('interviewStatus')}
            {...register('interviewStatus')}
          >
            <CodeOptions codes={interviewStatus.options} labels={INTERVIEW_STATUS_LABELS} />
          </SelectField>
          {edit && (
            <>
              <SelectField label={t('caseForm.outcome')} error={err('outcome')} {...register('outcome')}>
                <CodeOptions empty={t('common.choose')} codes={caseOutcome.options} labels={OUTCOME_LABELS} />
              </SelectField>
              <Textfield
                type="date"
                label={t('caseForm.isolationEnd')}
                error={err('isolationEnd')}
                {...register('isolationEnd')}
              />
            </>
          )}
        </div>
        <Textfield
          multiline
          rows={3}
          label={t('caseForm.notes')}
          error={err('notes')}
          {...register('notes')}
        />
      </Fieldset>
    </div>
  )
}
