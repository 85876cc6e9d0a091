import type { WeeklyReportViewDto, WeeklySummaryDto } from '../../../shared/api/reports'
import { DataTable, FigureRow } from '../../components/DataTable'
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
    [t('report.row.registered'), count((v) => v.registered)],
    [t('report.row.knownContact'), count((v) => v.knownContact)],
    [t('report.col.knownContactShare'), views.map((v) => formatShare(v.view.knownContactShare, locale, t))],
    [t('report.row.outbreak'), count((v) => v.outbreak)],
    [t('report.col.outbreakShare'), views.map((v) => formatShare(v.view.outbreakShare, locale, t))],
  ]
  return (
    <DataTable
      caption={caption}
      showCaption
      border
      testId={testId}
      columns={[t('report.col.measure'), ...views.map((v) => ({ label: v.label, numeric: true }))]}
    >
      {rows.map(([label, values]) => (
        <FigureRow key={label} label={label} cells={values} />
      ))}
    </DataTable>
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
    <DataTable
      caption={caption}
      showCaption
      border
      testId={testId}
      columns={[t('report.col.setting'), ...headers.map((h) => ({ label: h, numeric: true }))]}
      foot={<FigureRow label={t('report.row.total')} cells={cells(view)} />}
    >
      {view.settings.map((s) => (
        <FigureRow key={s.setting} label={settingName(s.setting, language)} cells={cells(s)} />
      ))}
    </DataTable>
  )
}
