import { Heading, Paragraph, Table } from '@digdir/designsystemet-react'
import { type ReactNode, useMemo } from 'react'
import type { DashboardDto } from '../../../shared/api/dashboards'
import { weekRange } from '../../../shared/domain/isoWeek'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { useI18n, useT } from '../../i18n'
import { formatShare, norwegianDate, settingName } from '../reports/format'
import { Chart } from './Chart'
import { casesHref } from './DashboardPage'

/** The chart's data as a table: the accessible alternative to a chart. */
function ChartTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: ReactNode[][] }) {
  return (
    <DataTable
      caption={caption}
      showCaption
      border
      columns={headers.map((h, i) => (i > 0 ? { label: h, numeric: true } : h))}
    >
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are fixed for one render
        <Table.Row key={i}>
          {r.map((c, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
            <Table.Cell key={j} className={j > 0 ? 'app-numeric' : undefined}>
              {c}
            </Table.Cell>
          ))}
        </Table.Row>
      ))}
    </DataTable>
  )
}

const bar = (name: string, data: number[]) => ({ type: 'bar', name, data })

/** The dashboard's charts, each with its table; counts link to the case list where allowed. */
export function DashboardCharts({ d }: { d: DashboardDto }) {
  const t = useT()
  const { locale, language } = useI18n()
  const n = (x: number) => x.toLocaleString(locale)
  const linked = (x: number, href: string) =>
    d.canOpenLists && x > 0 ? <AppLink to={href}>{n(x)}</AppLink> : n(x)
  const pct = (s: number | null) => formatShare(s, locale, t)

  const options = useMemo(() => {
    const grid = { left: 48, right: 16, top: 32, bottom: 32 }
    const days = d.epiCurve.map((p) => norwegianDate(p.date).slice(0, 5))
    const weeks = d.weekly.map((w) => w.week)
    return {
      epi: {
        grid,
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: days },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          bar(
            t('dashboard.col.cases'),
            d.epiCurve.map((p) => p.cases),
          ),
        ],
      },
      weekly: {
        grid,
        legend: { top: 0 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: weeks },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          bar(
            t('dashboard.col.cases'),
            d.weekly.map((w) => w.cases),
          ),
          bar(
            t('dashboard.col.contacts'),
            d.weekly.map((w) => w.contacts),
          ),
        ],
      },
      share: {
        grid,
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: weeks },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
        series: [
          {
            type: 'line',
            name: t('dashboard.col.share'),
            data: d.weekly.map((w) =>
              w.knownContactShare === null ? null : Math.round(w.knownContactShare * 1000) / 10,
            ),
          },
        ],
      },
      settings: {
        grid: { ...grid, left: 160 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: {
          type: 'category',
          inverse: true,
          // Long names end in a parenthesis ("helseinstitusjon (sykehjem, …)"): the axis shows the short form.
          data: d.settings.map((s) => settingName(s.setting, language).split(' (')[0]),
        },
        series: [
          bar(
            t('report.col.confirmed'),
            d.settings.map((s) => s.confirmed),
          ),
        ],
      },
    }
  }, [d, t, language])

  return (
    <section className="app-stack" aria-labelledby="charts-heading">
      <Heading level={2} data-size="md" id="charts-heading" className="ds-sr-only">
        {t('dashboard.title')}
      </Heading>
      <div className="rp-charts" data-testid="dashboard-charts">
        <Chart
          title={`${t('dashboard.epiCurve')} (${t(`dashboard.basis.${d.dateBasis}`).toLowerCase()})`}
          option={options.epi}
          table={
            <ChartTable
              caption={t('dashboard.epiCurve')}
              headers={[t('dashboard.col.date'), t('dashboard.col.cases')]}
              rows={d.epiCurve.map((p) => [
                norwegianDate(p.date),
                d.dateBasis === 'test' ? linked(p.cases, casesHref(p.date, p.date)) : n(p.cases),
              ])}
            />
          }
        />
        <Chart
          title={t('dashboard.weekly')}
          option={options.weekly}
          table={
            <ChartTable
              caption={t('dashboard.weekly')}
              headers={[t('dashboard.col.week'), t('dashboard.col.cases'), t('dashboard.col.contacts')]}
              rows={d.weekly.map((w) => {
                const r = weekRange(w.week)
                return [w.week, linked(w.cases, casesHref(r.start, r.end)), n(w.contacts)]
              })}
            />
          }
        />
        <Chart
          title={t('dashboard.knownShare')}
          option={options.share}
          table={
            <ChartTable
              caption={t('dashboard.knownShare')}
              headers={[
                t('dashboard.col.week'),
                t('report.col.confirmed'),
                t('report.col.knownContact'),
                t('dashboard.col.share'),
              ]}
              rows={d.weekly.map((w) => [
                w.week,
                n(w.confirmed),
                n(w.knownContact),
                pct(w.knownContactShare),
              ])}
            />
          }
        />
        <Chart
          title={t('dashboard.settings')}
          option={options.settings}
          table={
            <ChartTable
              caption={t('dashboard.settings')}
              headers={[
                t('report.col.setting'),
                t('report.col.confirmed'),
                t('report.col.knownContact'),
                t('report.col.outbreak'),
              ]}
              rows={d.settings.map((s) => [
                settingName(s.setting, language),
                linked(s.confirmed, casesHref(d.from, d.to, s.setting)),
                n(s.knownContact),
                n(s.outbreak),
              ])}
            />
          }
        />
      </div>
      <Outbreaks d={d} />
    </section>
  )
}

function Outbreaks({ d }: { d: DashboardDto }) {
  const t = useT()
  const { language } = useI18n()
  if (d.outbreaks.active === 0) return <Paragraph>{t('dashboard.noOutbreaks')}</Paragraph>
  if (!d.outbreaks.items) return null
  return (
    <ChartTable
      caption={t('dashboard.outbreaks')}
      headers={[t('dashboard.col.name'), t('report.col.setting'), t('dashboard.col.cases')]}
      rows={d.outbreaks.items.map((o) => [o.name, settingName(o.setting, language), String(o.cases)])}
    />
  )
}
