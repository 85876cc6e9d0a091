import { Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { AuditFiltersForm } from './AuditFiltersForm'
import { AuditLogNav } from './AuditLogNav'
import { AuditTable } from './AuditTable'
import type { PickedPerson } from './PersonPicker'
import { personLabel } from './PersonPicker'
import { type AuditFilters, auditCsvHref, FILTER_KEYS, useAuditLog } from './useAuditLog'
import './audit-log.css'

/** `/sikkerhetslogg`: the municipality's audit log for its Administrator, filtered and exportable. */
export function AuditLogPage() {
  const t = useT()
  usePageTitle(t('auditLog.title'))
  return (
    <RequireCan action="audit.read" title={t('auditLog.title')}>
      <AuditLogView />
    </RequireCan>
  )
}

/** The filters live in the address (ids and dates only), so a search can be bookmarked and shared. */
function useFiltersFromAddress(): [AuditFilters, (f: AuditFilters) => void] {
  const [params, setParams] = useSearchParams()
  const filters = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, params.get(k) ?? '']),
  ) as unknown as AuditFilters
  const apply = (f: AuditFilters) =>
    setParams(Object.fromEntries(FILTER_KEYS.filter((k) => f[k]).map((k) => [k, f[k]])), { replace: false })
  return [filters, apply]
}

function AuditLogView() {
  const t = useT()
  const [filters, setFilters] = useFiltersFromAddress()
  const [picked, setPicked] = useState<PickedPerson | null>(null)
  const log = useAuditLog(filters)
  const pages = log.data?.pages ?? []
  const items = pages.flatMap((p) => p.items)
  const filterPerson = pages[0]?.person
  const person =
    picked?.id === filters.personId
      ? picked
      : filterPerson
        ? { id: filterPerson.id, name: personLabel(filterPerson) }
        : filters.personId
          ? { id: filters.personId, name: t('auditLog.person.unknown', { id: filters.personId }) }
          : null

  return (
    <div className="app-page">
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('auditLog.title')}
        </Heading>
        <AuditLogNav />
        <Paragraph className="app-prose">{t('auditLog.intro')}</Paragraph>
      </div>
      <AuditFiltersForm
        // A new address (back button, reset) starts the form from what is applied.
        key={JSON.stringify(filters) + (person?.name ?? '')}
        applied={filters}
        appliedPerson={person}
        error={log.error}
        onApply={(f, p) => {
          setPicked(p)
          setFilters(f)
        }}
      />
      <div className="app-stack">
        <div>
          <Button asChild variant="secondary">
            <a href={auditCsvHref(filters)} download>
              {t('auditLog.download')}
            </a>
          </Button>
          <Paragraph data-size="sm" className="app-muted">
            {t('auditLog.downloadHelp')}
          </Paragraph>
        </div>
        {log.isPending && <Loading label={t('auditLog.loading')} />}
        {log.isError && <ErrorAlert error={log.error} onRetry={() => log.refetch()} />}
        {log.isSuccess && (
          <>
            <Paragraph data-size="sm" aria-live="polite">
              {items.length === 0
                ? t('auditLog.empty')
                : log.hasNextPage
                  ? t('auditLog.countMore', { count: items.length })
                  : items.length === 1
                    ? t('auditLog.countOne')
                    : t('auditLog.count', { count: items.length })}
            </Paragraph>
            {items.length > 0 && <AuditTable items={items} />}
            {log.hasNextPage && (
              <div>
                <Button
                  variant="secondary"
                  loading={log.isFetchingNextPage}
                  disabled={log.isFetchingNextPage}
                  onClick={() => log.fetchNextPage()}
                >
                  {t('auditLog.more')}
                </Button>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  )
}
