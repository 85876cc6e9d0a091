import { useEffect } from 'react'
import { useT } from '../i18n'

/** Sets `document.title` to "<page> – Smittespor" so each route has a distinct, announced title. */
export function usePageTitle(page: string | undefined) {
  const t = useT()
  useEffect(() => {
    document.title = page ? t('app.documentTitle', { page }) : t('app.name')
  }, [page, t])
}
