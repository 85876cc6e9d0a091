import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import { useNavigate, useSearchParams } from 'react-router'
import type { SessionResponse } from '../../../shared/api/session'
import { useLoginHref, useSelectKommune, useSession } from '../../api/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'

/** Same rule as the server: only a local path, never `//host` (no open redirect). */
export function safeReturnTo(value: string | null): string {
  return value && /^\/(?!\/)[^\\]*$/.test(value) ? value : '/'
}

/** `/velg-kommune?returnTo=…`: after login, users with several municipalities pick one. */
export function SelectKommunePage() {
  const t = useT()
  const state = useSession()
  const [params] = useSearchParams()
  const returnTo = safeReturnTo(params.get('returnTo'))
  const loginHref = useLoginHref(returnTo)
  usePageTitle(t('selectKommune.title'))
  return (
    <div className="app-stack">
      <Heading level={1} data-size="lg">
        {t('selectKommune.title')}
      </Heading>
      {state.status === 'loading' && <Loading label={t('session.loading')} />}
      {state.status === 'anonymous' && (
        <div>
          <Button asChild>
            <a href={loginHref}>{t('session.login')}</a>
          </Button>
        </div>
      )}
      {state.status === 'authenticated' && <Choices session={state.session} returnTo={returnTo} />}
    </div>
  )
}

function Choices({ session, returnTo }: { session: SessionResponse; returnTo: string }) {
  const t = useT()
  const navigate = useNavigate()
  const select = useSelectKommune()
  return (
    <>
      <Paragraph className="app-prose">{t('selectKommune.intro')}</Paragraph>
      {select.isError && <ErrorAlert error={select.error} />}
      <ul className="app-card-grid">
        {session.memberships.map((m) => {
          const current = session.activeKommune?.code === m.kommune
          return (
            <li key={m.kommune}>
              <Card className="app-entry-card app-stack">
                <div className="app-title-row">
                  <Heading level={2} data-size="xs">
                    {m.kommuneName}
                  </Heading>
                  {current && <Tag data-color="info">{t('selectKommune.current')}</Tag>}
                </div>
                <Paragraph data-size="sm">{m.roles.map((r) => t(`role.${r}`)).join(', ')}</Paragraph>
                <div>
                  <Button
                    variant={current ? 'secondary' : 'primary'}
                    loading={select.isPending && select.variables === m.kommune}
                    disabled={select.isPending}
                    onClick={() =>
                      select.mutate(m.kommune, { onSuccess: () => navigate(returnTo, { replace: true }) })
                    }
                  >
                    {t('selectKommune.choose', { name: m.kommuneName })}
                  </Button>
                </div>
              </Card>
            </li>
          )
        })}
      </ul>
    </>
  )
}
