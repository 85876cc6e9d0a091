import { Button, Heading } from '@digdir/designsystemet-react'
import { Link as RouterLink, useSearchParams } from 'react-router'
import { type CaseListQuery, caseListQuery } from '../../../shared/api/cases'
import { PagedList } from '../../components/PagedList'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { DefaultUnitControl } from '../ownership/DefaultUnitControl'
import { CaseFilters } from './CaseFilters'
import { type CaseSortKey, CaseTable } from './CaseTable'
import { useCaseList } from './useCases'

/** The address's filters as a valid list query; anything invalid in the address is dropped. */
function filterFromParams(params: URLSearchParams): CaseListQuery {
  const raw = Object.fromEntries(params)
  const status = raw.status ?? 'open'
  const candidate = { ...raw, status: status === 'all' ? undefined : status }
  const parsed = caseListQuery.partial().safeParse(candidate)
  if (parsed.success) {
    const { limit: _, cursor: __, ...filter } = parsed.data
    return filter
  }
  // Keep what is valid field by field.
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(candidate)) {
    const one = caseListQuery.partial().safeParse({ [k]: v })
    if (one.success && k !== 'limit' && k !== 'cursor') out[k] = v
  }
  return out as CaseListQuery
}

/** `/saker`: the municipality's cases, filtered, searchable, sortable and paged. */
export function CaseListPage() {
  const t = useT()
  usePageTitle(t('cases.title'))
  return (
    <RequireCan action="case.read" title={t('cases.title')}>
      <CaseList />
    </RequireCan>
  )
}

function CaseList() {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const filter = filterFromParams(params)
  const list = useCaseList(filter)
  const sortParam = filter.sort ?? '-createdAt'
  const sort = { key: sortParam.replace('-', '') as CaseSortKey, desc: sortParam.startsWith('-') }
  const onSort = (key: CaseSortKey) => {
    const next = sort.key === key ? (sort.desc ? key : `-${key}`) : `-${key}`
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev)
        p.set('sort', next)
        return p
      },
      { replace: true },
    )
  }
  return (
    <div className="app-page">
      <div className="app-title-row cw-title-row">
        <Heading level={1} data-size="lg">
          {t('cases.title')}
        </Heading>
        <Button asChild>
          <RouterLink to="/saker/ny">{t('cases.new')}</RouterLink>
        </Button>
      </div>
      <DefaultUnitControl />
      <CaseFilters params={params} setParams={setParams} />
      <PagedList list={list} prefix="cases">
        {(items) => <CaseTable items={items} caption={t('cases.caption')} sort={sort} onSort={onSort} />}
      </PagedList>
    </div>
  )
}
