import { Button, Card, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react'
import { type FormEvent, type ReactNode, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { DashboardDto } from '../../../shared/api/dashboards'
import { isApiError } from '../../api/client'
import { AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { SelectField } from '../../components/SelectField'
import { usePageTitle } from '../../components/usePageTitle'
import { useI18n, useT } from '../../i18n'
import { formatShare } from '../reports/format'
import { DashboardCharts } from './DashboardCharts'
import { SavedReportsSection } from './SavedReportsSection'
import { useDashboard } from './useDashboard'
import '../reports/reports.css'

/** The list behind a number on the case list (test date range, optionally one setting). */
export const casesHref = (from: string, to: string, setting?: string) =>
  `/saker?status=all&testDateFrom=${from}&testDateTo=${to}${setting ? `&exposureSetting=${setting}` : ''}`

/** `/dashbord?fra=&til=&enhet=&grunnlag=`: the municipality's dashboard (SPEC §5). */
export function DashboardPage() {
  const t = useT()
  usePageTitle(t('dashboard.title'))
  return (
    <RequireCan action="report.read" title={t('dashboard.title')}>
      <Dashboard />
    </RequireCan>
  )
}

function Dashboard() {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const query = {
    from: params.get('fra') || undefined,
    to: params.get('til') || undefined,
    unit: params.get('enhet') || undefined,
    dateBasis: (params.get('grunnlag') === 'onset' ? 'onset' : 'test') as 'test' | 'onset',
  }
  const data = useDashboard(query)
  return (
    <div className="app-page">
      <div className="app-stack app-prose">
        <Heading level={1} data-size="lg">
          {t('dashboard.title')}
        </Heading>
        <Paragraph>{t('dashboard.intro')}</Paragraph>
      </div>
      <Filters
        key={JSON.stringify(query) + (data.data?.from ?? '')}
        initial={{ ...query, from: query.from ?? data.data?.from, to: query.to ?? data.data?.to }}
        units={data.data?.units ?? []}
        error={data.error}
        onApply={(q) =>
          setParams(
            Object.fromEntries(
              Object.entries({
                fra: q.from,
                til: q.to,
                enhet: q.unit,
                grunnlag: q.dateBasis === 'onset' ? 'onset' : '',
              }).filter(([, v]) => v),
            ) as Record<string, string>,
          )
        }
      />
      {data.isPending && <Loading label={t('dashboard.loading')} />}
      {data.isError && <ErrorAlert error={data.error} onRetry={() => data.refetch()} />}
      {data.data && (
        <>
          <Kpis d={data.data} />
          <DashboardCharts d={data.data} />
          <SavedReportsSection from={data.data.from} to={data.data.to} unit={data.data.unit?.code ?? null} />
        </>
      )}
    </div>
  )
}

type FilterValues = { from?: string; to?: string; unit?: string; dateBasis: 'test' | 'onset' }

function Filters({
  initial,
  units,
  error,
  onApply,
}: {
  initial: FilterValues
  units: { code: string; name: string }[]
  error: unknown
  onApply: (q: FilterValues) => void
}) {
  const t = useT()
  const [draft, setDraft] = useState(initial)
  const fieldError = (name: string) => (isApiError(error) ? error.fieldError(name) : undefined)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onApply(draft)
  }
  return (
    <form className="app-stack" aria-label={t('dashboard.filters')} onSubmit={submit}>
      <div className="app-filters rp-filters">
        <Textfield
          label={t('dashboard.from')}
          type="date"
          value={draft.from ?? ''}
          error={fieldError('from')}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <Textfield
          label={t('dashboard.to')}
          type="date"
          value={draft.to ?? ''}
          error={fieldError('to')}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        <SelectField
          label={t('weekly.unit')}
          value={draft.unit ?? ''}
          onChange={(e) => setDraft({ ...draft, unit: e.target.value || undefined })}
        >
          <option value="">{t('weekly.wholeKommune')}</option>
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <Fieldset>
          <Fieldset.Legend>{t('dashboard.basis')}</Fieldset.Legend>
          {(['test', 'onset'] as const).map((b) => (
            <Radio
              key={b}
              name="dateBasis"
              value={b}
              label={t(`dashboard.basis.${b}`)}
              checked={draft.dateBasis === b}
              onChange={() => setDraft({ ...draft, dateBasis: b })}
            />
          ))}
        </Fieldset>
      </div>
      <div>
        <Button type="submit">{t('dashboard.show')}</Button>
      </div>
    </form>
  )
}

function Kpi({ label, value, href }: { label: string; value: string; href?: string | null }) {
  const t = useT()
  return (
    <li>
      <Card className="rp-kpi" data-color="neutral">
        <Paragraph data-size="sm">{label}</Paragraph>
        <Paragraph className="rp-kpi__value">
          {href ? (
            <AppLink to={href} aria-label={t('dashboard.openList', { label: `${label}: ${value}` })}>
              {value}
            </AppLink>
          ) : (
            value
          )}
        </Paragraph>
      </Card>
    </li>
  )
}

function Kpis({ d }: { d: DashboardDto }): ReactNode {
  const t = useT()
  const { locale } = useI18n()
  const n = (x: number) => x.toLocaleString(locale)
  const link = (href: string) => (d.canOpenLists ? href : null)
  const cpc = d.contactsPerCase
  return (
    <section className="app-stack" aria-labelledby="kpi-heading">
      <Heading level={2} data-size="md" id="kpi-heading">
        {t('dashboard.kpis')}
      </Heading>
      <ul className="rp-kpis" data-testid="dashboard-kpis">
        <Kpi
          label={t('dashboard.kpi.cases')}
          value={n(d.totals.cases)}
          href={link(casesHref(d.from, d.to))}
        />
        <Kpi label={t('dashboard.kpi.contacts')} value={n(d.totals.contacts)} />
        <Kpi
          label={t('dashboard.kpi.knownShare')}
          value={formatShare(d.totals.knownContactShare, locale, t)}
        />
        <Kpi
          label={t('dashboard.kpi.contactsPerCase')}
          value={`${cpc.mean === null ? '–' : cpc.mean.toLocaleString(locale)} / ${cpc.median === null ? '–' : cpc.median.toLocaleString(locale)}`}
        />
        <Kpi
          label={t('dashboard.kpi.isolation')}
          value={n(d.today.isolation)}
          href={link('/tiltak?liste=today&type=isolation')}
        />
        <Kpi
          label={t('dashboard.kpi.quarantine')}
          value={n(d.today.quarantine)}
          href={link('/tiltak?liste=today&type=quarantine')}
        />
        <Kpi label={t('dashboard.kpi.outbreaks')} value={n(d.outbreaks.active)} />
        <Kpi label={t('dashboard.kpi.followUpsDue')} value={n(d.followUps.due)} href={link('/oppfolging')} />
        <Kpi
          label={t('dashboard.kpi.followUpsOverdue')}
          value={n(d.followUps.overdue)}
          href={link('/oppfolging')}
        />
      </ul>
    </section>
  )
}
