import { AppNavLink } from '../../components/AppLink'
import { useT } from '../../i18n'

/** Links between the Administrator's two audit pages (the log and the innsyn report). */
export function AuditLogNav() {
  const t = useT()
  return (
    <nav aria-label={t('auditLog.subnavLabel')} className="app-audit-subnav">
      <ul>
        <li>
          <AppNavLink to="/sikkerhetslogg" end>
            {t('auditLog.tab.log')}
          </AppNavLink>
        </li>
        <li>
          <AppNavLink to="/sikkerhetslogg/innsyn">{t('auditLog.tab.innsyn')}</AppNavLink>
        </li>
      </ul>
    </nav>
  )
}
