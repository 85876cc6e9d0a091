import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import { useParams } from 'react-router'
import type { KommuneChecklist } from '../../../shared/api/onboarding'
import { AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useI18n, useT } from '../../i18n'
import { ActivateForm } from './ActivateForm'
import { splitSteps } from './labels'
import { OrgNumberForm } from './OrgNumberForm'
import { SettingsFacts } from './SettingsForm'
import { StepActions } from './StepActions'
import { StepList } from './StepList'
import { useKommuneChecklist } from './useOnboarding'

/** `/kommuner/:code`: one municipality's checklist for the operator, with record/undo and activation. */
export function KommuneOnboardingPage() {
  const t = useT()
  return (
    <RequireCan action="onboarding.manage" title={t('kommuner.title')}>
      <KommuneOnboardingView />
    </RequireCan>
  )
}

function KommuneOnboardingView() {
  const t = useT()
  const { code = '' } = useParams()
  const query = useKommuneChecklist(code)
  usePageTitle(query.data?.kommune.name ?? t('kommuner.title'))
  if (query.isPending) return <Loading label={t('onboarding.loading')} />
  if (query.isError)
    return (
      <div className="app-stack">
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
        <AppLink to="/kommuner">{t('kommuner.back')}</AppLink>
      </div>
    )
  return <ChecklistView checklist={query.data} />
}

function ChecklistView({ checklist }: { checklist: KommuneChecklist }) {
  const t = useT()
  const { formatDate } = useI18n()
  const { kommune, administrators } = checklist
  const { activation, freg } = splitSteps(checklist.steps)
  const actions = (s: Parameters<typeof StepActions>[0]['step']) => (
    <StepActions code={kommune.code} step={s} />
  )
  return (
    <div className="app-page">
      <AppLink to="/kommuner">{t('kommuner.back')}</AppLink>
      <div className="app-title-row">
        <Heading level={1} data-size="lg">
          {t('kommuner.kommuneTitle', { name: kommune.name, code: kommune.code })}
        </Heading>
        <Tag data-color={kommune.status === 'active' ? 'success' : 'neutral'}>
          {kommune.status === 'active' ? t('onboarding.active') : t('onboarding.inactive')}
        </Tag>
      </div>
      {kommune.status === 'active' && (
        <Alert data-color="success" role="status">
          <Paragraph>
            {t('onboarding.activatedAt', {
              name: kommune.name,
              date: kommune.activatedAt ? formatDate(kommune.activatedAt) : '',
            })}{' '}
            {administrators.length > 0 &&
              t('onboarding.administrators', { names: administrators.map((a) => a.name).join(', ') })}
          </Paragraph>
        </Alert>
      )}
      <div className="app-columns">
        <section aria-labelledby="k-activation" className="app-stack">
          <Heading level={2} data-size="sm" id="k-activation">
            {t('onboarding.activationHeading')}
          </Heading>
          <StepList steps={activation} actions={actions} />
        </section>
        <section aria-labelledby="k-freg" className="app-stack">
          <Heading level={2} data-size="sm" id="k-freg">
            {t('onboarding.fregHeading')}
          </Heading>
          <StepList steps={freg} actions={actions} />
        </section>
      </div>
      <OrgNumberForm checklist={checklist} />
      {kommune.status !== 'active' && <ActivateForm checklist={checklist} />}
      <SettingsFacts settings={checklist.settings} />
    </div>
  )
}
