import { Table } from '@digdir/designsystemet-react'
import type { WeeklyReportViewDto, WeeklySummaryDto } from '../../../shared/api/reports'
import { useI18n, useT } from '../../i18n'
import { formatCell, formatShare, settingName } from './format'

export interface LabelledView {
  label: string
  view: WeeklySummaryDto
}

/** The headline cells of one or more reports side by side (draft vs submitted, submitted vs live). */
export function SummaryTable({
  caption,
  views,
  testId,
}: {
  caption: string
  views: LabelledView[]
  testId?: string
}) {
  const t = useT()
  const { locale } = useI18n()
  const count = (pick: (v: WeeklySummaryDto) => number | '<5') =>
    views.map((v) => formatCell(pick(v.view), locale))
  const rows: [string, string[]][] = [
    [t('report.row.cases'), count((v) => v.cases)],
    [t('report.row.probable'), count((v) => v.probable)],
    [t('report.row.confirmed'), count((v) => v.confirmed)],
    [t('report.row.contacts'), count((v) => v.contacts)],
    [t('report.row.knownContact'), count((v) => v.knownContact)],
    [t('report.col.knownContactShare'), views.map((v) => formatShare(v.view.knownContactShare, locale, t))],
    [t('report.row.outbreak'), count((v) => v.outbreak)],
    [t('report.col.outbreakShare'), views.map((v) => formatShare(v.view.outbreakShare, locale, t))],
  ]
  return (
    <div className="app-table-scroll">
      <Table zebra border data-size="sm" data-testid={testId}>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('report.col.measure')}</Table.HeaderCell>
            {views.map((v) => (
              <Table.HeaderCell key={v.label} className="app-numeric">
                {v.label}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map(([label, values]) => (
            <Table.Row key={label}>
              <Table.HeaderCell scope="row">{label}</Table.HeaderCell>
              {values.map((value, i) => (
                <Table.Cell key={views[i]!.label} className="app-numeric">
                  {value}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}

/** Items 2 and 3 of the report: every exposure setting in FHI's order, with a sum row. */
export function SettingsTable({
  caption,
  view,
  testId,
}: {
  caption: string
  view: WeeklyReportViewDto
  testId?: string
}) {
  const t = useT()
  const { locale, language } = useI18n()
  const cells = (r: {
    confirmed: number | '<5'
    knownContact: number | '<5'
    knownContactShare: WeeklyReportViewDto['knownContactShare']
    outbreak: number | '<5'
    outbreakShare: WeeklyReportViewDto['outbreakShare']
  }) => [
    formatCell(r.confirmed, locale),
    formatCell(r.knownContact, locale),
    formatShare(r.knownContactShare, locale, t),
    formatCell(r.outbreak, locale),
    formatShare(r.outbreakShare, locale, t),
  ]
  const headers = [
    t('report.col.confirmed'),
    t('report.col.knownContact'),
    t('report.col.knownContactShare'),
    t('report.col.outbreak'),
    t('report.col.outbreakShare'),
  ]
  return (
    <div className="app-table-scroll">
      <Table zebra border data-size="sm" data-testid={testId}>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('report.col.setting')}</Table.HeaderCell>
            {headers.map((h) => (
              <Table.HeaderCell key={h} className="app-numeric">
                {h}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {view.settings.map((s) => (
            <Table.Row key={s.setting}>
              <Table.HeaderCell scope="row">{settingName(s.setting, language)}</Table.HeaderCell>
              {cells(s).map((c, i) => (
                <Table.Cell key={headers[i]} className="app-numeric">
                  {c}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
        <Table.Foot>
          <Table.Row>
            <Table.HeaderCell scope="row">{t('report.row.total')}</Table.HeaderCell>
            {cells(view).map((c, i) => (
              <Table.Cell key={headers[i]} className="app-numeric">
                {c}
              </Table.Cell>
            ))}
          </Table.Row>
        </Table.Foot>
      </Table>
    </div>
  )
}
