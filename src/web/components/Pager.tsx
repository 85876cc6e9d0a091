import { Pagination, Paragraph, usePagination } from '@digdir/designsystemet-react'
import { useT } from '../i18n'

/**
 * Designsystemet's Pagination: previous/next and the nearest page numbers (at most 7 places,
 * fewer on a narrow screen), with "page x of y" for screen readers and sighted users alike.
 * Nothing when everything fits on one page.
 */
export function Pager({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number
  pageSize: number
  total: number
  onPage: (page: number) => void
}) {
  const t = useT()
  const totalPages = Math.max(1, Math.ceil(total / pageSize))
  const { pages, prevButtonProps, nextButtonProps } = usePagination({
    currentPage: page,
    totalPages,
    showPages: 5,
    onChange: (event, next) => {
      event.preventDefault()
      onPage(next)
    },
  })
  if (totalPages <= 1) return null
  return (
    <div className="app-pager">
      <Pagination aria-label={t('pager.label')} data-size="sm">
        <Pagination.List>
          <Pagination.Item>
            <Pagination.Button {...prevButtonProps} aria-label={t('pager.previous')}>
              {t('pager.previousShort')}
            </Pagination.Button>
          </Pagination.Item>
          {pages.map(({ page: n, itemKey, buttonProps }) => (
            <Pagination.Item key={itemKey}>
              {typeof n === 'number' && (
                <Pagination.Button {...buttonProps} aria-label={t('pager.page', { page: n })}>
                  {n}
                </Pagination.Button>
              )}
            </Pagination.Item>
          ))}
          <Pagination.Item>
            <Pagination.Button {...nextButtonProps} aria-label={t('pager.next')}>
              {t('pager.nextShort')}
            </Pagination.Button>
          </Pagination.Item>
        </Pagination.List>
      </Pagination>
      <Paragraph data-size="sm" aria-live="polite">
        {t('pager.position', { page, pages: totalPages })}
      </Paragraph>
    </div>
  )
}
