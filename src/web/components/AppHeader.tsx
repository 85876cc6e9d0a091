import { Button, Link } from '@digdir/designsystemet-react'
import { useState } from 'react'
import { Link as RouterLink, useLocation } from 'react-router'
import { useSession, useTestEnvironment } from '../api/session'
import { useT } from '../i18n'
import { AppNavLink } from './AppLink'
import { LanguageSwitcher } from './LanguageSwitcher'
import { NAV_GROUPS, visibleNavItems } from './navigation'
import { sessionSubject } from './RequireCan'
import { SessionSlot } from './SessionSlot'

/** Product name, session slot, language switcher and primary navigation. */
export function AppHeader() {
  const t = useT()
  const session = useSession()
  const testEnvironment = useTestEnvironment()
  const items = visibleNavItems(sessionSubject(session))
  // On narrow screens the menu is behind a button; it closes when a page is chosen.
  const { pathname } = useLocation()
  const [openOn, setOpenOn] = useState<string | null>(null)
  const menuOpen = openOn === pathname
  return (
    <header className="app-header">
      {testEnvironment && (
        <p className="app-test-banner" data-testid="test-environment-banner">
          {t('layout.testEnvironment')}
        </p>
      )}
      <div className="app-header__bar app-container">
        <div className="app-brand">
          <Link asChild className="app-brand__name">
            <RouterLink to="/">{t('app.name')}</RouterLink>
          </Link>
          <span className="app-brand__tagline">{t('app.tagline')}</span>
        </div>
        <div className="app-header__tools">
          <SessionSlot state={session} />
          <LanguageSwitcher />
        </div>
      </div>
      <nav aria-label={t('layout.navLabel')} className="app-nav">
        <div className="app-container app-nav__toggle">
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            aria-expanded={menuOpen}
            aria-controls="app-nav-list"
            onClick={() => setOpenOn(menuOpen ? null : pathname)}
          >
            {t('nav.menu')}
          </Button>
        </div>
        <ul id="app-nav-list" className="app-container app-nav__list" data-open={menuOpen}>
          {items
            .filter((item) => !item.group)
            .map((item) => (
              <li key={item.to}>
                <AppNavLink to={item.to} end={item.end}>
                  {t(item.label)}
                </AppNavLink>
              </li>
            ))}
          {NAV_GROUPS.map((g) => {
            const inGroup = items.filter((item) => item.group === g.id)
            if (inGroup.length === 0) return null
            return (
              <li key={g.id} className="app-nav__group">
                <span className="app-nav__group-label" id={`nav-group-${g.id}`}>
                  {t(g.label)}
                </span>
                <ul aria-labelledby={`nav-group-${g.id}`}>
                  {inGroup.map((item) => (
                    <li key={item.to}>
                      <AppNavLink to={item.to} end={item.end}>
                        {t(item.label)}
                      </AppNavLink>
                    </li>
                  ))}
                </ul>
              </li>
            )
          })}
        </ul>
      </nav>
    </header>
  )
}
