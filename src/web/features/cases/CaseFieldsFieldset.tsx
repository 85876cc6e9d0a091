import { Checkbox, Fieldset, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react'
import { useFormContext, useWatch } from 'react-hook-form'
import { caseOutcome, infectionSource, interviewStatus, testType } from '../../../shared/api/cases'
import { todayOslo } from '../../components/dates'
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
  const today = todayOslo()
  const err = (name: keyof CaseFormValues) => errors[name]?.message
  return (
    <div className="app-stack">
      <Fieldset className="cw-fieldset">
        <Fieldset.Legend>{t('caseForm.testGroup')}</Fieldset.Legend>
        <div className="cw-form-grid">
          <Textfield
            type="date"
            max={today}
            label={t('caseForm.testDate')}
            error={err('testDate')}
            {...register('testDate')}
          />
          <SelectField label={t('caseForm.testType')} error={err('testType')} {...register('testType')}>
            <option value="">{t('common.choose')}</option>
            {testType.options.map((o) => (
              <option key={o} value={o}>
                {t(TEST_TYPE_LABELS[o])}
              </option>
            ))}
          </SelectField>
          <Textfield
            type="date"
            max={today}
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
          <Textfield
            type="date"
            max={today}
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
          <Textfield
            type="date"
            max={today}
            label={t('caseForm.likelyInfectionDate')}
            error={err('likelyInfectionDate')}
            {...register('likelyInfectionDate')}
          />
          <SelectField
            label={t('caseForm.infectionSource')}
            error={err('infectionSource')}
            {...register('infectionSource')}
          >
            <option value="">{t('common.choose')}</option>
            {infectionSource.options.map((o) => (
              <option key={o} value={o}>
                {t(INFECTION_SOURCE_LABELS[o])}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('caseForm.exposureSetting')}
            error={err('exposureSetting')}
            {...register('exposureSetting')}
          >
            <option value="">{t('common.choose')}</option>
            {EXPOSURE_SETTING_CODES.map((o) => (
              <option key={o} value={o}>
                {t(EXPOSURE_SETTING_LABELS[o])}
              </option>
            ))}
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
          <Textfield
            type="date"
            max={today}
            label={t('caseForm.vaccinationDate')}
            error={err('vaccinationDate')}
            {...register('vaccinationDate')}
          />
          <SelectField
            label={t('caseForm.interviewStatus')}
            error={err('interviewStatus')}
            {...register('interviewStatus')}
          >
            {interviewStatus.options.map((o) => (
              <option key={o} value={o}>
                {t(INTERVIEW_STATUS_LABELS[o])}
              </option>
            ))}
          </SelectField>
          {edit && (
            <>
              <SelectField label={t('caseForm.outcome')} error={err('outcome')} {...register('outcome')}>
                <option value="">{t('common.choose')}</option>
                {caseOutcome.options.map((o) => (
                  <option key={o} value={o}>
                    {t(OUTCOME_LABELS[o])}
                  </option>
                ))}
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
