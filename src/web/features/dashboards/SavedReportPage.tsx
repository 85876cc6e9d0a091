import { Heading, Link } from '@digdir/designsystemet-react'
import { useParams } from 'react-router'
import type { ReportTableDto } from '../../../shared/api/dashboards'
import { AppLink } from '../../components/AppLink'
import { DataTable, FigureRow } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useI18n, useT } from '../../i18n'
import { formatShare, norwegianDate } from '../reports/format'
import { savedExportHref, useSavedTable } from './useDashboard'

/** `/faste-rapporter/:id`: a saved report run now, with downloads. */
export function SavedReportPage() {
  const t = useT()
  usePageTitle(t('saved.title'))
  return (
    <RequireCan action="report.read" title={t('saved.title')}>
      <SavedReport />
    </RequireCan>
  )
}

function SavedReport() {
  const t = useT()
  const { id = '' } = useParams()
  const table = useSavedTable(id)
  return (
    <div className="app-page">
      <Heading level={1} data-size="lg">
        {table.data?.name ?? t('saved.title')}
      </Heading>
      {table.isPending && <Loading label={t('saved.loading')} />}
      {table.isError && <ErrorAlert error={table.error} onRetry={() => table.refetch()} />}
      {table.data && <ReportTable table={table.data} />}
      <div className="app-title-row">
        <span>{t('weekly.export')}:</span>
        <Link href={savedExportHref(id, 'csv')}>CSV</Link>
        <Link href={savedExportHref(id, 'xlsx')}>Excel</Link>
      </div>
      <div>
        <AppLink to="/dashbord">{t('saved.back')}</AppLink>
      </div>
    </div>
  )
}

function ReportTable({ table }: { table: ReportTableDto }) {
  const t = useT()
  const { locale } = useI18n()
  const value = (v: number | null, measure: string) =>
    measure.endsWith('Share') ? formatShare(v, locale, t) : v === null ? '–' : v.toLocaleString(locale)
  return (
    <DataTable
      caption={t('saved.tableCaption', {
        name: table.name,
        from: norwegianDate(table.from),
        to: norwegianDate(table.to),
      })}
      showCaption
      border
      testId="saved-table"
      columns={[
        t(`saved.breakdown.${table.breakdown}`),
        ...table.measures.map((m) => ({ label: t(`measure.${m}`), numeric: true })),
      ]}
    >
      {table.rows.map((r) => (
        <FigureRow key={r.key} label={r.label} cells={r.values.map((v, i) => value(v, table.measures[i]!))} />
      ))}
    </DataTable>
  )
}
