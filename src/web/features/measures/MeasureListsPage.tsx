import { Heading, Paragraph, Table, Tabs, Tag } from '@digdir/designsystemet-react'
import { useSearchParams } from 'react-router'
import {
  MEASURE_BOARDS,
  type MeasureBoardName,
  type MeasureKind,
  measureBoardName,
} from '../../../shared/api/measures'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { ShowMoreButton } from '../../components/PagedList'
import { RequireCan } from '../../components/RequireCan'
import { SelectField } from '../../components/SelectField'
import { useUrlFilters } from '../../components/UrlFilters'
import { usePageTitle } from '../../components/usePageTitle'
import { type MessageKey, useI18n, useT } from '../../i18n'
import { KIND_LABELS, STATUS_COLOR, STATUS_LABELS } from './labels'
import { recordPath } from './paths'
import { useMeasureBoard } from './useMeasures'

const LIST_LABELS: Record<MeasureBoardName, MessageKey> = {
  today: 'measures.list.today',
  'ending-today': 'measures.list.ending-today',
  ended: 'measures.list.ended',
}

/** `/tiltak`: people in isolation/quarantine today, ending today, and ended (SPEC §4). */
export function MeasureListsPage() {
  const t = useT()
  usePageTitle(t('measures.title'))
  return (
    <RequireCan action="measure.read" title={t('measures.title')}>
      <MeasureLists />
    </RequireCan>
  )
}

function MeasureLists() {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const parsed = measureBoardName.safeParse(params.get('liste'))
  const list: MeasureBoardName = parsed.success ? parsed.data : 'today'
  const kindParam = params.get('type')
  const kind: MeasureKind | undefined =
    kindParam === 'isolation' || kindParam === 'quarantine' ? kindParam : undefined
  const board = useMeasureBoard(list, kind)
  const counts = board.data?.pages[0]?.counts
  const { set } = useUrlFilters(params, setParams)
  return (
    <div className="app-page">
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('measures.title')}
        </Heading>
        <Paragraph>{t('measures.intro')}</Paragraph>
      </div>
      <SelectField
        label={t('measures.kindFilter')}
        value={kind ?? ''}
        onChange={(e) => set('type', e.target.value)}
      >
        <option value="">{t('measures.kindAll')}</option>
        <option value="isolation">{t('measure.kind.isolation')}</option>
        <option value="quarantine">{t('measure.kind.quarantine')}</option>
      </SelectField>
      <Tabs value={list} onChange={(v) => set('liste', v)}>
        <Tabs.List aria-label={t('measures.tabs')}>
          {MEASURE_BOARDS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(LIST_LABELS[name], { count: counts?.[name] ?? '…' })}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {MEASURE_BOARDS.map((name) => (
          <Tabs.Panel key={name} value={name}>
            {name === list && <Board board={board} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </div>
  )
}

function Board({ board }: { board: ReturnType<typeof useMeasureBoard> }) {
  const { t, formatDate } = useI18n()
  if (board.isPending) return <Loading label={t('measure.panel.loading')} />
  if (board.isError) return <ErrorAlert error={board.error} onRetry={() => board.refetch()} />
  const items = board.data.pages.flatMap((p) => p.items)
  if (items.length === 0) return <Paragraph>{t('measures.empty')}</Paragraph>
  return (
    <div className="app-stack">
      <DataTable
        caption={t('measures.title')}
        columns={[
          t('measures.col.name'),
          t('measures.col.kind'),
          t('measures.col.period'),
          t('measures.col.status'),
          t('measures.col.followUp'),
        ]}
      >
        {items.map((m) => (
          <Table.Row key={m.id}>
            <Table.Cell>
              <AppLink to={recordPath(m)}>{`${m.person.firstName} ${m.person.lastName}`}</AppLink>
            </Table.Cell>
            <Table.Cell>{t(KIND_LABELS[m.kind])}</Table.Cell>
            <Table.Cell>
              {t('measure.period', {
                start: formatIsoDate(m.startDate),
                end: formatIsoDate(m.actualEnd ?? m.endDate),
              })}
            </Table.Cell>
            <Table.Cell>
              <Tag data-color={STATUS_COLOR[m.status]} data-size="sm">
                {t(STATUS_LABELS[m.status])}
              </Tag>
            </Table.Cell>
            <Table.Cell>
              {m.unreachedSince ? t('measure.unreached', { date: formatDate(m.unreachedSince) }) : ''}
            </Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
      <ShowMoreButton list={board} />
    </div>
  )
}
