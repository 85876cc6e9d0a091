import { Heading, Paragraph } from '@digdir/designsystemet-react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { HoldsSection } from './HoldsSection'
import { PreviewSection } from './PreviewSection'
import { SettingsSection } from './SettingsSection'
import { useRetentionSettings } from './useRetention'

/**
 * `/oppbevaring`: the Administrator's retention page (SPEC §8, issue 12) — periods per record
 * type, what the nightly job deletes in the next 30 days, and legal holds.
 */
export function RetentionPage() {
  const t = useT()
  usePageTitle(t('retention.title'))
  return (
    <RequireCan action="retention.manage" title={t('retention.title')}>
      <RetentionView />
    </RequireCan>
  )
}

function RetentionView() {
  const t = useT()
  const settings = useRetentionSettings()
  return (
    <div className="app-page">
      <Heading level={1} data-size="lg">
        {t('retention.title')}
      </Heading>
      <Paragraph className="app-prose">{t('retention.intro')}</Paragraph>
      {settings.isPending && <Loading label={t('retention.loading')} />}
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => settings.refetch()} />}
      {settings.data && <SettingsSection data={settings.data} />}
      <PreviewSection />
      <HoldsSection />
    </div>
  )
}
