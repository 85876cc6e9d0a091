import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan, useCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useI18n, useT } from '../../i18n'
import { splitSteps } from './labels'
import { SettingsFacts, SettingsForm } from './SettingsForm'
import { StepList } from './StepList'
import { useOwnChecklist } from './useOnboarding'

/** `/oppstart`: the municipality's onboarding checklist (read-only) and its start-up settings. */
export function OwnOnboardingPage() {
  const t = useT()
  usePageTitle(t('onboarding.ownTitle'))
  return (
    <RequireCan action="onboarding.read" title={t('onboarding.ownTitle')}>
      <OwnOnboardingView />
    </RequireCan>
  )
}

function OwnOnboardingView() {
  const t = useT()
  const { formatDate } = useI18n()
  const query = useOwnChecklist()
  const managesSettings = useCan('kommune-settings.manage')
  if (query.isPending) return <Loading label={t('onboarding.loading')} />
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
  const { kommune, steps, settings, folkeregisterEnabled } = query.data
  const { activation, freg } = splitSteps(steps)
  return (
    <div className="app-page">
      <div className="app-title-row">
        <Heading level={1} data-size="lg">
          {t('onboarding.ownTitle')}
        </Heading>
        <Tag data-color={kommune.status === 'active' ? 'success' : 'neutral'}>
          {kommune.status === 'active' ? t('onboarding.active') : t('onboarding.inactive')}
        </Tag>
      </div>
      <Paragraph className="app-prose">
        {kommune.activatedAt
          ? t('onboarding.activatedAt', { name: kommune.name, date: formatDate(kommune.activatedAt) })
          : t('onboarding.notActivated', { name: kommune.name })}
      </Paragraph>
      <div className="app-columns">
        <section aria-labelledby="own-activation" className="app-stack">
          <Heading level={2} data-size="sm" id="own-activation">
            {t('onboarding.activationHeading')}
          </Heading>
          <StepList steps={activation} />
        </section>
        <section aria-labelledby="own-freg" className="app-stack">
          <Heading level={2} data-size="sm" id="own-freg">
            {t('onboarding.fregHeading')}
          </Heading>
          <Alert data-color={folkeregisterEnabled ? 'success' : 'info'}>
            <Paragraph>{folkeregisterEnabled ? t('onboarding.fregOn') : t('onboarding.fregOff')}</Paragraph>
          </Alert>
          <StepList steps={freg} />
        </section>
      </div>
      {managesSettings ? <SettingsForm settings={settings} /> : <SettingsFacts settings={settings} />}
    </div>
  )
}
