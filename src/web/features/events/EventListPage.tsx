import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react'
import { useEffect, useState } from 'react'
import { Link as RouterLink, type SetURLSearchParams, useSearchParams } from 'react-router'
import {
  type EventListItem,
  type EventListQuery,
  eventListQuery,
  eventStatus,
} from '../../../shared/api/events'
import { AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { CASEWORK_ROLES, RequireRole } from '../../components/RequireRole'
import { SelectField } from '../../components/SelectField'
import { useDebounced } from '../../components/useDebounced'
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
    <RequireRole roles={CASEWORK_ROLES} title={t('events.title')}>
      <EventList />
    </RequireRole>
  )
}

function EventList() {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const list = useEventList(filterFromParams(params))
  const items = list.data?.pages.flatMap((p) => p.items) ?? []
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
      <EventFilters params={params} setParams={setParams} />
      <div className="app-stack">
        <Paragraph data-size="sm" aria-live="polite" className="cw-muted">
          {list.isSuccess &&
            (items.length === 0
              ? t('events.none')
              : t(list.hasNextPage ? 'events.shownMore' : 'events.shown', { count: items.length }))}
        </Paragraph>
        {list.isPending && <Loading label={t('events.loading')} />}
        {list.isError && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
        {items.length > 0 && <EventTable items={items} />}
        {list.hasNextPage && (
          <div>
            <Button
              variant="secondary"
              onClick={() => list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              {t('common.showMore')}
            </Button>
          </div>
        )}
      </div>
    </div>
  )
}

function EventFilters({ params, setParams }: { params: URLSearchParams; setParams: SetURLSearchParams }) {
  const t = useT()
  const set = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (value) next.set(key, value)
        else next.delete(key)
        return next
      },
      { replace: true },
    )
  const [q, setQ] = useState(params.get('q') ?? '')
  const debouncedQ = useDebounced(q.trim(), 350)
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search term updates the address
  useEffect(() => {
    if (debouncedQ !== (params.get('q') ?? '')) set('q', debouncedQ)
  }, [debouncedQ])
  return (
    <search className="cw-filters" aria-label={t('events.filtersLabel')}>
      <Textfield
        type="search"
        className="cw-filters__search"
        label={t('events.search')}
        autoComplete="off"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <SelectField
        label={t('events.setting')}
        value={params.get('setting') ?? ''}
        onChange={(e) => set('setting', e.target.value)}
      >
        <option value="">{t('events.all')}</option>
        {EXPOSURE_SETTING_CODES.map((s) => (
          <option key={s} value={s}>
            {t(EXPOSURE_SETTING_LABELS[s])}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('events.outbreakFilter')}
        value={params.get('outbreak') ?? ''}
        onChange={(e) => set('outbreak', e.target.value)}
      >
        <option value="">{t('events.all')}</option>
        <option value="true">{t('events.onlyOutbreaks')}</option>
        <option value="false">{t('events.noOutbreaks')}</option>
      </SelectField>
      <SelectField
        label={t('events.statusFilter')}
        value={params.get('status') ?? ''}
        onChange={(e) => set('status', e.target.value)}
      >
        <option value="">{t('events.all')}</option>
        {eventStatus.options.map((s) => (
          <option key={s} value={s}>
            {t(EVENT_STATUS_LABELS[s])}
          </option>
        ))}
      </SelectField>
      <Textfield
        type="date"
        label={t('events.from')}
        value={params.get('from') ?? ''}
        onChange={(e) => set('from', e.target.value)}
      />
      <Textfield
        type="date"
        label={t('events.to')}
        value={params.get('to') ?? ''}
        onChange={(e) => set('to', e.target.value)}
      />
    </search>
  )
}

function EventTable({ items }: { items: readonly EventListItem[] }) {
  const t = useT()
  return (
    <div className="app-table-scroll">
      <Table zebra data-size="sm" className="cw-table">
        <caption className="cw-visually-hidden">{t('events.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('events.col.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('events.col.setting')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('events.col.startsAt')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="app-numeric">
              {t('events.col.participants')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="app-numeric">
              {t('events.col.cases')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('events.col.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
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
        </Table.Body>
      </Table>
    </div>
  )
}
