import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useId } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { type KommuneChecklist, orgNumberBody } from '../../../shared/api/onboarding'
import { formatOrgNumber } from '../../../shared/domain/orgNumber'
import { isApiError } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { applyApiErrors } from '../../components/formErrors'
import { useT } from '../../i18n'
import { useSetOrgNumber } from './useOnboarding'

type Input = z.input<typeof orgNumberBody>
type Output = z.output<typeof orgNumberBody>

/**
 * The operator records the municipality's organisation number: Folkeregister lookups are made on
 * the municipality's behalf with it, once the municipality has delegated the right in Altinn.
 */
export function OrgNumberForm({ checklist }: { checklist: KommuneChecklist }) {
  const t = useT()
  const headingId = useId()
  const save = useSetOrgNumber(checklist.kommune.code)
  const current = checklist.kommune.orgNumber
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(orgNumberBody),
    values: { orgNumber: current ?? '' },
  })
  const { errors, isDirty } = form.formState
  const onSubmit = form.handleSubmit((values) =>
    save.mutate(
      { orgNumber: values.orgNumber ?? '' },
      { onError: (err) => applyApiErrors(err, form.setError, ['orgNumber']) },
    ),
  )
  return (
    <section aria-labelledby={headingId} className="app-stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('onboarding.orgNumberHeading')}
      </Heading>
      <Paragraph>
        {current
          ? t('onboarding.orgNumberCurrent', { orgNumber: formatOrgNumber(current) })
          : t('onboarding.orgNumberMissing')}
      </Paragraph>
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <Textfield
          label={t('onboarding.orgNumber')}
          description={t('onboarding.orgNumberHelp')}
          inputMode="numeric"
          autoComplete="off"
          error={errors.orgNumber?.message}
          {...form.register('orgNumber')}
        />
        {save.isSuccess && !isDirty && (
          <Alert data-color="success" role="status">
            <Paragraph>{t('onboarding.orgNumberSaved')}</Paragraph>
          </Alert>
        )}
        {save.error && !(isApiError(save.error) && save.error.errors.length > 0) && (
          <ErrorAlert error={save.error} />
        )}
        <div className="app-actions">
          <Button type="submit" loading={save.isPending}>
            {t('onboarding.saveOrgNumber')}
          </Button>
        </div>
      </form>
    </section>
  )
}
