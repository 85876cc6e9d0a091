import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useId } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { activateKommuneBody, type KommuneChecklist } from '../../../shared/api/onboarding'
import { isApiError } from '../../api/client'
import { useTestEnvironment } from '../../api/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { applyApiErrors } from '../../components/formErrors'
import { useT } from '../../i18n'
import { stepLabel } from './labels'
import { useActivateKommune } from './useOnboarding'

type Input = z.input<typeof activateKommuneBody>
type Output = z.output<typeof activateKommuneBody>
const FIELDS = ['admin.nationalId', 'admin.name', 'admin.email'] as const

/** Activate the municipality and appoint its first Administrator (fødselsnummer, name, e-mail). */
export function ActivateForm({ checklist }: { checklist: KommuneChecklist }) {
  const t = useT()
  const headingId = useId()
  const testEnvironment = useTestEnvironment()
  const activate = useActivateKommune(checklist.kommune.code)
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(activateKommuneBody),
    defaultValues: { admin: { nationalId: '', name: '', email: '' } },
  })
  const { errors } = form.formState
  const onSubmit = form.handleSubmit((values) =>
    activate.mutate(values, { onError: (err) => applyApiErrors(err, form.setError, FIELDS) }),
  )
  const missing = checklist.missingForActivation
  const error = activate.error
  return (
    <section aria-labelledby={headingId} className="app-stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('onboarding.activateHeading')}
      </Heading>
      {missing.length > 0 && (
        <Alert data-color="warning">
          <Paragraph>
            {t('onboarding.missing', { steps: missing.map((s) => t(stepLabel(s))).join(', ') })}
          </Paragraph>
        </Alert>
      )}
      <Paragraph className="app-prose">{t('onboarding.activateIntro')}</Paragraph>
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <Textfield
          label={t('onboarding.adminNationalId')}
          description={testEnvironment ? t('users.nationalIdTestHelp') : t('users.nationalIdHelp')}
          inputMode="numeric"
          autoComplete="off"
          error={errors.admin?.nationalId?.message}
          {...form.register('admin.nationalId')}
        />
        <Textfield
          label={t('onboarding.adminName')}
          autoComplete="off"
          error={errors.admin?.name?.message}
          {...form.register('admin.name')}
        />
        <Textfield
          label={t('onboarding.adminEmail')}
          type="email"
          autoComplete="off"
          error={errors.admin?.email?.message}
          {...form.register('admin.email')}
        />
        {error && !(isApiError(error) && error.errors.length > 0) && <ErrorAlert error={error} />}
        <div className="app-actions">
          <Button type="submit" loading={activate.isPending}>
            {t('onboarding.activate')}
          </Button>
        </div>
      </form>
    </section>
  )
}
