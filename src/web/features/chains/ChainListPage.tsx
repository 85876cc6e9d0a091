import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react'
import { useSearchParams } from 'react-router'
import { type ChainListItem, type ChainListQuery, chainListQuery } from '../../../shared/api/chains'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate } from '../../components/dates'
import { PagedList } from '../../components/PagedList'
import { RequireCan } from '../../components/RequireCan'
import { FilterSelect, useUrlFilters } from '../../components/UrlFilters'
import { usePageTitle } from '../../components/usePageTitle'
import { type MessageKey, useT } from '../../i18n'
import { casePath } from '../cases/useCases'
import { chainPath, useChainList } from './useChains'

const MIN_SIZES: { value: string; label: MessageKey }[] = [
  { value: '1', label: 'chains.minSize.1' },
  { value: '2', label: 'chains.minSize.2' },
  { value: '5', label: 'chains.minSize.5' },
  { value: '10', label: 'chains.minSize.10' },
]

/** `/smittekjeder`: the municipality's chains (SPEC §3.5), active ones and larger ones by default. */
export function ChainListPage() {
  const t = useT()
  usePageTitle(t('chains.title'))
  return (
    <RequireCan action="case.read" title={t('chains.title')}>
      <ChainList />
    </RequireCan>
  )
}

function ChainList() {
  const t = useT()
  const [params, setParams] = useSearchParams()
  // Opens on every chain, newest first: "only active" hid all chains of an older register.
  const active = params.get('aktiv') ?? 'all'
  const minSize = params.get('min') ?? '2'
  const query = chainListQuery.partial().parse({
    active: active === 'all' ? undefined : active,
    minSize: /^\d+$/.test(minSize) ? minSize : '2',
  }) as ChainListQuery
  const list = useChainList(query)
  const filters = useUrlFilters(params, setParams)
  return (
    <div className="app-page">
      <Heading level={1} data-size="lg">
        {t('chains.title')}
      </Heading>
      <Paragraph className="app-prose">{t('chains.lead')}</Paragraph>
      <search className="cw-filters" aria-label={t('chains.filtersLabel')}>
        <FilterSelect filters={filters} name="aktiv" label={t('chains.activeFilter')} fallback="all">
          <option value="true">{t('chains.activeOnly')}</option>
          <option value="false">{t('chains.inactiveOnly')}</option>
          <option value="all">{t('chains.all')}</option>
        </FilterSelect>
        <FilterSelect filters={filters} name="min" label={t('chains.minSize')} fallback="2">
          {MIN_SIZES.map((m) => (
            <option key={m.value} value={m.value}>
              {t(m.label)}
            </option>
          ))}
        </FilterSelect>
      </search>
      <PagedList list={list} prefix="chains">
        {(items) => <ChainTable items={items} />}
      </PagedList>
    </div>
  )
}

function ChainTable({ items }: { items: readonly ChainListItem[] }) {
  const t = useT()
  return (
    <DataTable
      caption={t('chains.caption')}
      columns={[
        t('chains.col.roots'),
        { label: t('chains.col.size'), numeric: true },
        { label: t('chains.col.cases'), numeric: true },
        { label: t('chains.col.contacts'), numeric: true },
        { label: t('chains.col.events'), numeric: true },
        t('chains.col.newest'),
        t('chains.col.active'),
        t('chains.col.open'),
      ]}
    >
      {items.map((c) => {
        const first = c.roots[0]
        const name = first ? `${first.firstName} ${first.lastName}` : t('chains.noRoot')
        return (
          <Table.Row key={c.id}>
            <Table.Cell>
              {c.roots.length === 0 ? (
                <span className="cw-muted">{t('chains.noRoot')}</span>
              ) : (
                <span className="cw-inline">
                  {c.roots.map((r) => (
                    <AppLink key={r.caseId} to={casePath(r.caseId)}>
                      {r.firstName} {r.lastName}
                      {r.testDate ? ` (${formatIsoDate(r.testDate)})` : ''}
                    </AppLink>
                  ))}
                </span>
              )}
            </Table.Cell>
            <Table.Cell className="app-numeric">{c.persons}</Table.Cell>
            <Table.Cell className="app-numeric">{c.cases}</Table.Cell>
            <Table.Cell className="app-numeric">{c.contacts}</Table.Cell>
            <Table.Cell className="app-numeric">{c.events}</Table.Cell>
            <Table.Cell>{formatIsoDate(c.newestCaseDate)}</Table.Cell>
            <Table.Cell>
              <Tag data-size="sm" data-color={c.active ? 'danger' : 'neutral'}>
                {t(c.active ? 'chains.active' : 'chains.inactive')}
              </Tag>
            </Table.Cell>
            <Table.Cell>
              <AppLink to={chainPath(c.id)} aria-label={t('chains.openNamed', { name })}>
                {t('chains.open')}
              </AppLink>
            </Table.Cell>
          </Table.Row>
        )
      })}
    </DataTable>
  )
}
