import { Link } from '@digdir/designsystemet-react'
import { Link as RouterLink } from 'react-router'
import { useSession, useTestEnvironment } from '../api/session'
import { useT } from '../i18n'
import { AppNavLink } from './AppLink'
import { LanguageSwitcher } from './LanguageSwitcher'
import { visibleNavItems } from './navigation'
import { sessionSubject } from './RequireCan'
import { SessionSlot } from './SessionSlot'

/** Product name, session slot, language switcher and primary navigation. */
export function AppHeader() {
  const t = useT()
  const session = useSession()
  const testEnvironment = useTestEnvironment()
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
        <ul className="app-container">
          {visibleNavItems(sessionSubject(session)).map((item) => (
            <li key={item.to}>
              <AppNavLink to={item.to} end={item.end}>
                {t(item.label)}
              </AppNavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  )
}
