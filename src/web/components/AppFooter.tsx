import { Link, Paragraph } from '@digdir/designsystemet-react'
import { useT } from '../i18n'

export function AppFooter() {
  const t = useT()
  return (
    <footer className="app-footer">
      <div className="app-container app-footer__content">
        <Paragraph data-size="sm">{t('layout.footerText')}</Paragraph>
        <Paragraph data-size="sm">
          <Link href="/api/docs">{t('layout.apiDocs')}</Link>
        </Paragraph>
      </div>
    </footer>
  )
}
