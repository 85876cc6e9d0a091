import { SkipLink } from '@digdir/designsystemet-react'
import { useEffect, useRef } from 'react'
import { Outlet, ScrollRestoration, useLocation } from 'react-router'
import { useT } from '../i18n'
import { AppFooter } from './AppFooter'
import { AppHeader } from './AppHeader'

/**
 * Moves focus to <main> after client-side navigation, so keyboard and screen-reader users start
 * at the new page's content instead of the link they just activated.
 */
function useFocusMainOnNavigate() {
  const { pathname } = useLocation()
  const mainRef = useRef<HTMLElement>(null)
  const previous = useRef(pathname)
  useEffect(() => {
    if (previous.current === pathname) return
    previous.current = pathname
    mainRef.current?.focus({ preventScroll: true })
  }, [pathname])
  return mainRef
}

/** The page frame: skip link, header with navigation, main content and footer. */
export function Layout() {
  const t = useT()
  const mainRef = useFocusMainOnNavigate()
  return (
    <div className="app">
      <SkipLink href="#main">{t('layout.skipLink')}</SkipLink>
      <AppHeader />
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main app-container">
        <Outlet />
      </main>
      <AppFooter />
      <ScrollRestoration />
    </div>
  )
}
