import { Alert, Button, Heading, Link, Paragraph, Table, Textfield } from '@digdir/designsystemet-react'
import { useSearchParams } from 'react-router'
import { submitBody, type WeeklyReportDto } from '../../../shared/api/reports'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { fieldProps } from '../../components/formErrors'
import { Loading } from '../../components/Loading'
import { RequireCan, useCan } from '../../components/RequireCan'
import { SelectField } from '../../components/SelectField'
import { useMutationForm } from '../../components/useMutationForm'
import { usePageTitle } from '../../components/usePageTitle'
import { useI18n, useT } from '../../i18n'
import { norwegianDate, settingName } from './format'
import { SettingsTable, SummaryTable } from './ReportTables'
import { useSubmitWeek, useWeekList, useWeeklyReport, weeklyExportHref } from './useReports'
import './reports.css'

/** `/ukesrapport?uke=2021-W03&enhet=030101`: review, submit and export a week (SPEC §5). */
export function WeeklyReportPage() {
  const t = useT()
  usePageTitle(t('weekly.title'))
  return (
    <RequireCan action="report.read" title={t('weekly.title')}>
      <WeeklyReport />
    </RequireCan>
  )
}

function WeeklyReport() {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const weeks = useWeekList()
  // Default: the last week that has ended.
  const week = params.get('uke') ?? weeks.data?.items.find((w) => w.weekEnded)?.week ?? ''
  const unit = params.get('enhet') ?? ''
  const report = useWeeklyReport(week, unit)
  const choose = (next: { uke?: string; enhet?: string }) =>
    setParams({ uke: next.uke ?? week, ...((next.enhet ?? unit) ? { enhet: next.enhet ?? unit } : {}) })
  return (
    <div className="app-page">
      <div className="app-stack app-prose">
        <Heading level={1} data-size="lg">
          {t('weekly.title')}
        </Heading>
        <Paragraph>{t('weekly.intro')}</Paragraph>
      </div>
      <div className="app-filters rp-filters">
        <Textfield
          label={t('weekly.week')}
          type="week"
          value={week}
          onChange={(e) => e.target.value && choose({ uke: e.target.value })}
        />
        <SelectField
          label={t('weekly.unit')}
          value={unit}
          onChange={(e) => choose({ enhet: e.target.value })}
        >
          <option value="">{t('weekly.wholeKommune')}</option>
          {report.data?.units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </SelectField>
      </div>
      {(weeks.isPending || report.isPending) && week === '' && <Loading label={t('weekly.loading')} />}
      {report.isError && <ErrorAlert error={report.error} onRetry={() => report.refetch()} />}
      {report.data && <WeekView report={report.data} />}
      {weeks.data && <RecentWeeks items={weeks.data.items} current={week} />}
    </div>
  )
}

function WeekView({ report }: { report: WeeklyReportDto }) {
  const t = useT()
  const { formatDate, language } = useI18n()
  const s = report.submitted
  const views = [{ label: t('report.col.draft'), view: report.draft.view }]
  if (s) views.push({ label: t('report.col.submitted', { version: s.version }), view: s.view })
  const fieldLabel = (field: string) => {
    const [a, b, c] = field.split('.')
    return a === 'settings'
      ? `${settingName(b!, language)}: ${t(`report.col.${c}` as never)}`
      : t(`report.row.${a}` as never)
  }
  return (
    <section className="app-stack" aria-labelledby="week-heading" data-testid="weekly-report">
      <Heading level={2} data-size="md" id="week-heading">
        {t('weekly.heading', { week: report.week, kommune: report.unit?.name ?? report.kommune.name })}
      </Heading>
      <Paragraph>
        {t('weekly.period', { start: norwegianDate(report.start), end: norwegianDate(report.end) })}
      </Paragraph>
      {s ? (
        <Paragraph data-testid="submitted-info">
          {t('weekly.submittedInfo', {
            version: s.version,
            at: formatDate(s.submittedAt),
            by: s.submittedBy,
          })}
          {s.reason && ` ${t('weekly.reasonInfo', { reason: s.reason })}`}
        </Paragraph>
      ) : (
        <Paragraph>{t('weekly.notSubmitted')}</Paragraph>
      )}
      {s && report.changes.length > 0 && (
        <Alert data-color="warning" data-testid="weekly-changed">
          {t('weekly.changedAlert', { version: s.version })}
        </Alert>
      )}
      <SummaryTable caption={t('weekly.summary')} views={views} testId="weekly-summary" />
      <SettingsTable caption={t('weekly.settings')} view={report.draft.view} />
      <Paragraph data-size="sm" className="app-muted">
        {t('report.sharesNote')}
      </Paragraph>
      {s && (
        <div className="app-stack">
          <Heading level={3} data-size="sm">
            {t('weekly.changes')}
          </Heading>
          {report.changes.length === 0 ? (
            <Paragraph>{t('weekly.noChanges')}</Paragraph>
          ) : (
            <ul data-testid="weekly-changes">
              {report.changes.map((c) => (
                <li key={c.field}>
                  {t('weekly.change', { field: fieldLabel(c.field), from: c.submitted, to: c.draft })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <SubmitForm report={report} />
      {report.versions.length > 0 && <Versions report={report} />}
      <div className="app-title-row">
        <span>{t('weekly.export')}:</span>
        <Link href={weeklyExportHref(report.week, 'csv')}>{t('weekly.exportCsv')}</Link>
        <Link href={weeklyExportHref(report.week, 'xlsx')}>{t('weekly.exportXlsx')}</Link>
        {s && (
          <Link href={weeklyExportHref(report.week, 'xlsx', s.version)}>
            {t('weekly.exportVersion', { version: s.version })}
          </Link>
        )}
      </div>
    </section>
  )
}

/** Submitting the week: a resubmission carries a reason, checked with the shared `submitBody`. */
export function useSubmitWeekForm(report: WeeklyReportDto) {
  const again = report.versions.length > 0
  const result = useMutationForm({
    schema: submitBody,
    defaultValues: { reason: '' },
    mutation: useSubmitWeek(report.week),
    toBody: ({ reason }) => (again ? { reason } : {}),
    onSuccess: () => result.form.reset(),
  })
  return result
}

function SubmitForm({ report }: { report: WeeklyReportDto }) {
  const t = useT()
  const maySubmit = useCan('report.submit')
  const { form, mutation: submit, onSubmit, unplacedError } = useSubmitWeekForm(report)
  if (!maySubmit) return <Paragraph>{t('weekly.cannotSubmit')}</Paragraph>
  if (!report.weekEnded) return <Alert data-color="info">{t('weekly.notEnded')}</Alert>
  if (report.unit) return <Paragraph>{t('weekly.unitNote')}</Paragraph>
  const again = report.versions.length > 0
  return (
    <form className="app-stack rp-submit" onSubmit={onSubmit}>
      {again && (
        <Textfield
          label={t('weekly.reason')}
          description={t('weekly.reasonHelp')}
          multiline
          rows={2}
          {...fieldProps(form, 'reason')}
        />
      )}
      {unplacedError && <ErrorAlert error={unplacedError} />}
      {submit.isSuccess && (
        <Alert data-color="success" role="status">
          {t('weekly.submitted', { week: report.week, version: submit.data.submitted?.version ?? '' })}
        </Alert>
      )}
      <div>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {again ? t('weekly.resubmit') : t('weekly.submit', { week: report.week })}
        </Button>
      </div>
    </form>
  )
}

function Versions({ report }: { report: WeeklyReportDto }) {
  const t = useT()
  const { formatDate } = useI18n()
  return (
    <DataTable
      caption={t('weekly.versions')}
      showCaption
      border
      testId="weekly-versions"
      columns={[t('weekly.version'), t('weekly.submittedAt'), t('weekly.submittedBy'), t('weekly.reasonCol')]}
    >
      {report.versions.map((v) => (
        <Table.Row key={v.version}>
          <Table.Cell>{v.version}</Table.Cell>
          <Table.Cell>{formatDate(v.submittedAt)}</Table.Cell>
          <Table.Cell>{v.submittedBy}</Table.Cell>
          <Table.Cell>{v.reason ?? ''}</Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  )
}

function RecentWeeks({
  items,
  current,
}: {
  items: {
    week: string
    start: string
    end: string
    weekEnded: boolean
    version: number | null
    changedAfterSubmission: boolean
  }[]
  current: string
}) {
  const t = useT()
  return (
    <nav aria-labelledby="recent-weeks" className="app-stack">
      <Heading level={2} data-size="sm" id="recent-weeks">
        {t('weekly.recent')}
      </Heading>
      <ul className="rp-weeks">
        {items.map((w) => (
          <li key={w.week}>
            <AppLink to={`/ukesrapport?uke=${w.week}`} aria-current={w.week === current ? 'page' : undefined}>
              {t('weekly.weekOption', {
                week: w.week,
                start: norwegianDate(w.start),
                end: norwegianDate(w.end),
                status: w.version
                  ? t('weekly.statusSubmitted', { version: w.version }) +
                    (w.changedAfterSubmission ? t('weekly.statusChanged') : '')
                  : w.weekEnded
                    ? ''
                    : t('weekly.statusOpen'),
              })}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
