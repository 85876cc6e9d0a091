import { Alert, Heading, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import type { NationalWeeklyDto } from '../../../shared/api/fhi'
import { osloDate } from '../../../shared/domain/dates'
import { isoWeekOf, previousWeek } from '../../../shared/domain/isoWeek'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { SelectField } from '../../components/SelectField'
import { usePageTitle } from '../../components/usePageTitle'
import { useI18n, useT } from '../../i18n'
import { formatCell, formatShare, norwegianDate } from '../reports/format'
import { SettingsTable, SummaryTable } from '../reports/ReportTables'
import { nationalExportHref, useKommuneVersions, useNationalWeekly } from './useFhi'
import '../reports/reports.css'
import { DataTable, FigureRow } from '../../components/DataTable'

/** `/nasjonal-oversikt?uke=2021-W03`: FHI's national overview (the operator sees it masked). */
export function NationalPage() {
  const t = useT()
  usePageTitle(t('national.title'))
  return (
    <RequireCan action="report.national" title={t('national.title')}>
      <National />
    </RequireCan>
  )
}

function National() {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const week = params.get('uke') ?? previousWeek(isoWeekOf(osloDate(new Date())).key).key
  const data = useNationalWeekly(week)
  return (
    <div className="app-page">
      <div className="app-stack app-prose">
        <Heading level={1} data-size="lg">
          {t('national.title')}
        </Heading>
        <Paragraph>{t('national.intro')}</Paragraph>
      </div>
      <div className="app-filters rp-filters">
        <Textfield
          label={t('weekly.week')}
          type="week"
          value={week}
          onChange={(e) => e.target.value && setParams({ uke: e.target.value })}
        />
      </div>
      {data.isPending && <Loading label={t('national.loading')} />}
      {data.isError && <ErrorAlert error={data.error} onRetry={() => data.refetch()} />}
      {data.data && <Overview d={data.data} />}
    </div>
  )
}

function Overview({ d }: { d: NationalWeeklyDto }) {
  const t = useT()
  const { locale } = useI18n()
  const both = (v: {
    submitted: NationalWeeklyDto['national']['submitted']
    live: NationalWeeklyDto['national']['live']
  }) => [
    { label: t('national.submittedFigures'), view: v.submitted },
    { label: t('national.liveFigures'), view: v.live },
  ]
  return (
    <>
      <section className="app-stack" aria-labelledby="country-heading" data-testid="national-overview">
        <Heading level={2} data-size="md" id="country-heading">
          {t('national.countryHeading')}, {d.week} ({norwegianDate(d.start)}–{norwegianDate(d.end)})
        </Heading>
        {d.masked && <Alert data-color="info">{t('national.masked')}</Alert>}
        <Paragraph data-testid="submitted-count">
          {t('national.submittedCount', { submitted: d.submittedCount, total: d.kommuneCount, week: d.week })}
        </Paragraph>
        <SummaryTable caption={t('national.country')} views={both(d.national)} testId="national-summary" />
        <Paragraph data-size="sm" className="app-muted">
          {t('national.liveComputedAt', {
            time: new Date(d.liveComputedAt).toLocaleTimeString(locale, {
              hour: '2-digit',
              minute: '2-digit',
            }),
          })}
        </Paragraph>
        <SettingsTable
          caption={`${t('weekly.settings')} (${t('national.submittedFigures').toLowerCase()})`}
          view={d.national.submitted}
        />
        <Paragraph data-size="sm" className="app-muted">
          {t('report.sharesNote')} {d.masked ? t('report.smallNumbers') : ''}
        </Paragraph>
        <div className="app-title-row">
          <span>{t('weekly.export')}:</span>
          <Link href={nationalExportHref(d.week, 'csv')}>CSV</Link>
          <Link href={nationalExportHref(d.week, 'xlsx')}>Excel</Link>
        </div>
        <Paragraph data-size="sm">
          <code>{t('national.machineApi', { week: d.week })}</code>
        </Paragraph>
      </section>
      <section className="app-stack" aria-labelledby="counties-heading">
        <Heading level={2} data-size="md" id="counties-heading">
          {t('national.counties')}
        </Heading>
        <DataTable
          caption={t('national.counties')}
          border
          testId="national-counties"
          columns={[
            t('national.col.fylke'),
            { label: t('national.col.submittedCount'), numeric: true },
            { label: t('national.col.submittedCases'), numeric: true },
            { label: t('national.col.liveCases'), numeric: true },
            { label: t('national.col.knownShare'), numeric: true },
            { label: t('national.col.outbreakShare'), numeric: true },
          ]}
        >
          {d.counties.map((c) => (
            <FigureRow
              key={c.code}
              label={c.name}
              cells={[
                `${c.submittedCount} / ${c.kommuneCount}`,
                formatCell(c.submitted.cases, locale),
                formatCell(c.live.cases, locale),
                formatShare(c.submitted.knownContactShare, locale, t),
                formatShare(c.submitted.outbreakShare, locale, t),
              ]}
            />
          ))}
        </DataTable>
      </section>
      <Municipalities d={d} />
    </>
  )
}

type Filter = 'relevant' | 'submitted' | 'changed' | 'missing' | 'all'

function Municipalities({ d }: { d: NationalWeeklyDto }) {
  const t = useT()
  const { locale } = useI18n()
  const [filter, setFilter] = useState<Filter>('relevant')
  const fylke = new Map(d.counties.map((c) => [c.code, c.name]))
  const rows = d.municipalities.filter((m) =>
    filter === 'all'
      ? true
      : filter === 'submitted'
        ? m.version !== null
        : filter === 'changed'
          ? m.changedAfterSubmission
          : filter === 'missing'
            ? m.active && m.version === null
            : m.active || m.version !== null,
  )
  return (
    <section className="app-stack" aria-labelledby="kommuner-heading">
      <Heading level={2} data-size="md" id="kommuner-heading">
        {t('national.municipalities')}
      </Heading>
      <div className="app-filters">
        <SelectField
          label={t('national.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
        >
          <option value="relevant">
            {t('national.filter.submitted')} / {t('national.filter.missing').toLowerCase()}
          </option>
          <option value="submitted">{t('national.filter.submitted')}</option>
          <option value="changed">{t('national.filter.changed')}</option>
          <option value="missing">{t('national.filter.missing')}</option>
          <option value="all">{t('national.filter.all')}</option>
        </SelectField>
      </div>
      <DataTable
        caption={t('national.municipalities')}
        border
        testId="national-municipalities"
        columns={[
          t('national.col.kommune'),
          t('national.col.fylke'),
          t('national.col.status'),
          { label: t('national.col.submittedCases'), numeric: true },
          { label: t('national.col.liveCases'), numeric: true },
          { label: t('national.col.contacts'), numeric: true },
          { label: t('national.col.knownShare'), numeric: true },
          { label: t('national.col.outbreakShare'), numeric: true },
        ]}
      >
        {rows.map((m) => (
          <Table.Row key={m.code} data-kommune={m.code}>
            <Table.HeaderCell scope="row">{`${m.code} ${m.name}`}</Table.HeaderCell>
            <Table.Cell>{fylke.get(m.fylke) ?? m.fylke}</Table.Cell>
            <Table.Cell>
              {m.version !== null ? (
                <>
                  <Tag data-color="success">{t('national.status.submitted', { version: m.version })}</Tag>
                  {m.changedAfterSubmission && (
                    <>
                      {' '}
                      <Tag data-color="warning" data-testid="changed-after-submission">
                        {t('national.status.changed')}
                      </Tag>
                    </>
                  )}
                  <KommuneVersions week={d.week} kommune={m.code} name={m.name} changes={m.changes} />
                </>
              ) : m.active ? (
                <Tag data-color="warning">{t('national.status.missing')}</Tag>
              ) : (
                <Tag data-color="neutral">{t('national.status.inactive')}</Tag>
              )}
            </Table.Cell>
            <Table.Cell className="app-numeric">
              {m.submitted ? formatCell(m.submitted.cases, locale) : ''}
            </Table.Cell>
            <Table.Cell className="app-numeric">{formatCell(m.live.cases, locale)}</Table.Cell>
            <Table.Cell className="app-numeric">
              {m.submitted ? formatCell(m.submitted.contacts, locale) : ''}
            </Table.Cell>
            <Table.Cell className="app-numeric">
              {m.submitted ? formatShare(m.submitted.knownContactShare, locale, t) : ''}
            </Table.Cell>
            <Table.Cell className="app-numeric">
              {m.submitted ? formatShare(m.submitted.outbreakShare, locale, t) : ''}
            </Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
    </section>
  )
}

/** A municipality's submitted versions of the week (FHI sees them all), opened on demand. */
function KommuneVersions({
  week,
  kommune,
  name,
  changes,
}: {
  week: string
  kommune: string
  name: string
  changes: NationalWeeklyDto['municipalities'][number]['changes']
}) {
  const t = useT()
  const { locale, formatDate } = useI18n()
  const [open, setOpen] = useState(false)
  const versions = useKommuneVersions(week, kommune, open)
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('national.versions')}</summary>
      {changes.length > 0 && (
        <Paragraph data-size="sm">
          {t('national.changes', {
            changes: changes.map((c) => `${c.field} ${c.submitted} → ${c.draft}`).join(', '),
          })}
        </Paragraph>
      )}
      {versions.isPending && open && <Loading label={t('national.versions.loading')} />}
      {versions.isError && <ErrorAlert error={versions.error} onRetry={() => versions.refetch()} />}
      {versions.data && (
        <DataTable
          caption={t('national.versions.caption', { kommune: name })}
          testId={`versions-${kommune}`}
          columns={[
            t('national.versions.version'),
            t('national.versions.at'),
            { label: t('national.versions.cases'), numeric: true },
            { label: t('national.versions.contacts'), numeric: true },
            { label: t('national.col.knownShare'), numeric: true },
            t('national.versions.reason'),
          ]}
        >
          {versions.data.versions.map((v) => (
            <Table.Row key={v.version}>
              <Table.Cell>{v.version}</Table.Cell>
              <Table.Cell>{formatDate(v.submittedAt)}</Table.Cell>
              <Table.Cell className="app-numeric">{formatCell(v.report.cases, locale)}</Table.Cell>
              <Table.Cell className="app-numeric">{formatCell(v.report.contacts, locale)}</Table.Cell>
              <Table.Cell className="app-numeric">
                {formatShare(v.report.knownContactShare, locale, t)}
              </Table.Cell>
              <Table.Cell>{v.reason ?? ''}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
    </details>
  )
}
