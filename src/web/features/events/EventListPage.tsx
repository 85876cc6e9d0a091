import { Button, Heading, Table, Tag } from '@digdir/designsystemet-react'
import { Link as RouterLink, useSearchParams } from 'react-router'
import {
  type EventListItem,
  type EventListQuery,
  eventListQuery,
  eventStatus,
} from '../../../shared/api/events'
import { AppLink } from '../../components/AppLink'
import { CodeOptions } from '../../components/CodeOptions'
import { DataTable } from '../../components/DataTable'
import { PagedList } from '../../components/PagedList'
import { RequireCan } from '../../components/RequireCan'
import {
  FilterDate,
  FilterSearch,
  FilterSelect,
  type UrlFilters,
  useUrlFilters,
} from '../../components/UrlFilters'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { codeLabel, EXPOSURE_SETTING_CODES, EXPOSURE_SETTING_LABELS } from '../cases/labels'
import { EVENT_STATUS_LABELS } from './labels'
import { formatOsloDateTime } from './osloTime'
import { eventPath, useEventList } from './useEvents'

/** The address's filters as a valid list query; anything invalid is dropped, field by field. */
function filterFromParams(params: URLSearchParams): EventListQuery {
  const out: Record<string, string> = {}
  for (const [k, v] of params) {
    if (k === 'limit' || k === 'cursor') continue
    if (eventListQuery.partial().safeParse({ [k]: v }).success) out[k] = v
  }
  return out as EventListQuery
}

/** `/hendelser`: the municipality's events, filtered by setting, dates, outbreak and status. */
export function EventListPage() {
  const t = useT()
  usePageTitle(t('events.title'))
  return (
    <RequireCan action="event.read" title={t('events.title')}>
      <EventList />
    </RequireCan>
  )
}

function EventList() {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const list = useEventList(filterFromParams(params))
  return (
    <div className="app-page">
      <div className="app-title-row cw-title-row">
        <Heading level={1} data-size="lg">
          {t('events.title')}
        </Heading>
        <Button asChild>
          <RouterLink to="/hendelser/ny">{t('events.new')}</RouterLink>
        </Button>
      </div>
      <EventFilters filters={useUrlFilters(params, setParams)} />
      <PagedList list={list} prefix="events">
        {(items) => <EventTable items={items} />}
      </PagedList>
    </div>
  )
}

function EventFilters({ filters }: { filters: UrlFilters }) {
  const t = useT()
  return (
    <search className="cw-filters" aria-label={t('events.filtersLabel')}>
      <FilterSearch filters={filters} label={t('events.search')} />
      <FilterSelect filters={filters} name="setting" label={t('events.setting')}>
        <option value="">{t('events.all')}</option>
        <CodeOptions codes={EXPOSURE_SETTING_CODES} labels={EXPOSURE_SETTING_LABELS} />
      </FilterSelect>
      <FilterSelect filters={filters} name="outbreak" label={t('events.outbreakFilter')}>
        <option value="">{t('events.all')}</option>
        <option value="true">{t('events.onlyOutbreaks')}</option>
        <option value="false">{t('events.noOutbreaks')}</option>
      </FilterSelect>
      <FilterSelect filters={filters} name="status" label={t('events.statusFilter')}>
        <option value="">{t('events.all')}</option>
        <CodeOptions codes={eventStatus.options} labels={EVENT_STATUS_LABELS} />
      </FilterSelect>
      <FilterDate filters={filters} name="from" label={t('events.from')} />
      <FilterDate filters={filters} name="to" label={t('events.to')} />
    </search>
  )
}

function EventTable({ items }: { items: readonly EventListItem[] }) {
  const t = useT()
  return (
    <DataTable
      caption={t('events.caption')}
      columns={[
        t('events.col.name'),
        t('events.col.setting'),
        t('events.col.startsAt'),
        { label: t('events.col.participants'), numeric: true },
        { label: t('events.col.cases'), numeric: true },
        t('events.col.status'),
      ]}
    >
      {items.map((e) => (
        <Table.Row key={e.id}>
          <Table.Cell>
            <AppLink to={eventPath(e.id)}>{e.name}</AppLink>
            {e.location && <span className="cw-muted"> · {e.location}</span>}
          </Table.Cell>
          <Table.Cell>{codeLabel(t, EXPOSURE_SETTING_LABELS, e.exposureSetting)}</Table.Cell>
          <Table.Cell>{formatOsloDateTime(e.startsAt)}</Table.Cell>
          <Table.Cell className="app-numeric">{e.participants}</Table.Cell>
          <Table.Cell className="app-numeric">{e.cases}</Table.Cell>
          <Table.Cell>
            <span className="cw-inline">
              {e.outbreak && (
                <Tag data-size="sm" data-color="danger">
                  {t('events.outbreakTag')}
                </Tag>
              )}
              <Tag data-size="sm" data-color={e.status === 'active' ? 'info' : 'neutral'}>
                {t(EVENT_STATUS_LABELS[e.status])}
              </Tag>
            </span>
          </Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  )
}
