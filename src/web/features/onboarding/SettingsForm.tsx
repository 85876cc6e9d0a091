import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { type KommuneSettings, kommuneSettings, updateSettingsBody } from '../../../shared/api/onboarding'
import { isApiError } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { applyApiErrors } from '../../components/formErrors'
import { useT } from '../../i18n'
import { useSaveSettings } from './useOnboarding'

type Input = z.input<typeof updateSettingsBody>
type Output = z.output<typeof updateSettingsBody>
const FIELDS = ['startDate', 'trainingDate', 'contactName', 'contactEmail', 'contactPhone'] as const

const valuesOf = (s: KommuneSettings): Input => ({
  version: s.version,
  startDate: s.startDate ?? '',
  trainingDate: s.trainingDate ?? '',
  contactName: s.contactName ?? '',
  contactEmail: s.contactEmail ?? '',
  contactPhone: s.contactPhone ?? '',
})

/** Start date, training date and contact person (Administrator), optimistically locked. */
export function SettingsForm({ settings }: { settings: KommuneSettings }) {
  const t = useT()
  const headingId = useId()
  const save = useSaveSettings()
  const [conflicted, setConflicted] = useState(false)
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(updateSettingsBody),
    values: valuesOf(settings),
  })
  const { errors, isDirty } = form.formState
  const onSubmit = form.handleSubmit((values) => {
    setConflicted(false)
    save.mutate(values, {
      onError: (err) => {
        if (isApiError(err) && err.code === 'conflict') {
          const current = kommuneSettings.safeParse(err.problem?.current)
          if (current.success) form.reset(valuesOf(current.data))
          setConflicted(true)
          return
        }
        applyApiErrors(err, form.setError, FIELDS)
      },
    })
  })
  const error = save.error
  return (
    <section aria-labelledby={headingId} className="app-stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('onboarding.settingsHeading')}
      </Heading>
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <Textfield
          label={t('onboarding.startDate')}
          type="date"
          error={errors.startDate?.message}
          {...form.register('startDate')}
        />
        <Textfield
          label={t('onboarding.trainingDate')}
          type="date"
          error={errors.trainingDate?.message}
          {...form.register('trainingDate')}
        />
        <Textfield
          label={t('onboarding.contactName')}
          error={errors.contactName?.message}
          {...form.register('contactName')}
        />
        <Textfield
          label={t('onboarding.contactEmail')}
          type="email"
          error={errors.contactEmail?.message}
          {...form.register('contactEmail')}
        />
        <Textfield
          label={t('onboarding.contactPhone')}
          type="tel"
          error={errors.contactPhone?.message}
          {...form.register('contactPhone')}
        />
        {conflicted && (
          <Alert data-color="warning" role="alert">
            <Paragraph>{t('onboarding.conflict')}</Paragraph>
          </Alert>
        )}
        {save.isSuccess && !isDirty && (
          <Alert data-color="success" role="status">
            <Paragraph>{t('onboarding.settingsSaved')}</Paragraph>
          </Alert>
        )}
        {error && !conflicted && !(isApiError(error) && error.errors.length > 0) && (
          <ErrorAlert error={error} />
        )}
        <div className="app-actions">
          <Button type="submit" loading={save.isPending}>
            {t('onboarding.saveSettings')}
          </Button>
        </div>
      </form>
    </section>
  )
}

/** The same settings for users who may only read them. */
export function SettingsFacts({ settings }: { settings: KommuneSettings }) {
  const t = useT()
  const headingId = useId()
  const show = (v: string | null) => v || '–'
  return (
    <section aria-labelledby={headingId} className="app-stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('onboarding.settingsHeading')}
      </Heading>
      <dl className="app-facts">
        <dt>{t('onboarding.startDate')}</dt>
        <dd>{show(settings.startDate)}</dd>
        <dt>{t('onboarding.trainingDate')}</dt>
        <dd>{show(settings.trainingDate)}</dd>
        <dt>{t('onboarding.contactName')}</dt>
        <dd>{show(settings.contactName)}</dd>
        <dt>{t('onboarding.contactEmail')}</dt>
        <dd>{show(settings.contactEmail)}</dd>
        <dt>{t('onboarding.contactPhone')}</dt>
        <dd>{show(settings.contactPhone)}</dd>
      </dl>
    </section>
  )
}
