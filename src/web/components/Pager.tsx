import { Button, Paragraph } from '@digdir/designsystemet-react'
import { useT } from '../i18n'

/** Previous/next page buttons with "page x of y"; nothing when everything fits on one page. */
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
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1) return null
  return (
    <nav className="app-pager" aria-label={t('pager.label')}>
      <Button variant="secondary" data-size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pager.previous')}
      </Button>
      <Paragraph data-size="sm">{t('pager.position', { page, pages })}</Paragraph>
      <Button variant="secondary" data-size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('pager.next')}
      </Button>
    </nav>
  )
}
