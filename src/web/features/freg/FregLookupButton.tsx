import { Alert, Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react'
import { useId, useRef, useState } from 'react'
import type { FregLookupResult } from '../../../shared/api/freg'
import { useSession } from '../../api/session'
import { AppLink } from '../../components/AppLink'
import { useT } from '../../i18n'
import { FregPersonFacts } from './FregPersonFacts'
import { FregDisabledNotice, FregProblem } from './FregProblem'
import { useFregLookup, useFregStatus } from './useFreg'

/** The active municipality's code, or null. */
export function useActiveKommune(): string | null {
  const session = useSession()
  return session.status === 'authenticated' ? (session.session.activeKommune?.code ?? null) : null
}

/**
 * "Hent fra Folkeregisteret" for a registration form: looks the typed national id up, shows what
 * FREG says in a dialog, and on "Fyll ut skjemaet" hands the answer to `onUse` (the form decides
 * what to fill). When the municipality's FREG onboarding is incomplete the button is off and says
 * what is missing; a failed lookup is explained below it. Neither blocks manual registration.
 */
export function FregLookupButton({
  nationalId,
  onUse,
  personPath = (id) => `/personer/${encodeURIComponent(id)}`,
}: {
  nationalId: string
  onUse: (result: FregLookupResult) => void
  personPath?: (id: string) => string
}) {
  const t = useT()
  const kommune = useActiveKommune()
  const status = useFregStatus(kommune)
  const lookup = useFregLookup()
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const noticeId = useId()
  const [missingId, setMissingId] = useState(false)
  const [result, setResult] = useState<FregLookupResult | null>(null)
  const [used, setUsed] = useState<FregLookupResult | null>(null)
  const disabled = status.data ? !status.data.enabled : false

  const fetch = async () => {
    const id = nationalId.replace(/\s/g, '')
    setMissingId(!id)
    if (!id) return
    try {
      setResult(await lookup.mutateAsync(id))
      dialog.current?.showModal()
    } catch {
      // Explained by <FregProblem> below.
    }
  }
  const use = () => {
    if (result) onUse(result)
    setUsed(result)
    dialog.current?.close()
  }
  const usedNow = used && used.person.nationalId === nationalId.replace(/\s/g, '') ? used : null

  return (
    <div className="app-stack">
      <div className="freg-lookup">
        <Button
          type="button"
          variant="secondary"
          onClick={fetch}
          disabled={disabled}
          loading={lookup.isPending}
          aria-describedby={disabled ? noticeId : undefined}
        >
          {lookup.isPending ? t('freg.fetching') : t('freg.button')}
        </Button>
      </div>
      <div aria-live="polite" id={noticeId}>
        {status.data && !status.data.enabled && <FregDisabledNotice status={status.data} />}
        {missingId && <Paragraph data-size="sm">{t('freg.needId')}</Paragraph>}
        {lookup.isError && <FregProblem error={lookup.error} />}
        {usedNow && !lookup.isError && (
          <Paragraph data-size="sm" data-testid="freg-filled">
            {t('freg.filled')}
          </Paragraph>
        )}
        {usedNow && usedNow.person.protectedAddress !== 'none' && (
          <Alert data-color="warning" data-testid="freg-address-withheld">
            <Paragraph>
              {t('freg.protected.notice', { level: t(`freg.protection.${usedNow.person.protectedAddress}`) })}
            </Paragraph>
          </Alert>
        )}
      </div>
      <Dialog ref={dialog} closeButton={t('common.close')} aria-labelledby={titleId} className="freg-dialog">
        <div className="app-stack">
          <Heading level={2} data-size="xs" id={titleId}>
            {t('freg.preview.title')}
          </Heading>
          {result && <FregPersonFacts person={result.person} fetchedAt={result.fetchedAt} />}
          {result?.knownPersonId && (
            <Paragraph>
              {t('freg.known')}{' '}
              <AppLink to={personPath(result.knownPersonId)}>{t('freg.known.open')}</AppLink>
            </Paragraph>
          )}
          <div className="freg-actions">
            <Button type="button" onClick={use}>
              {t('freg.use')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => dialog.current?.close()}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      </Dialog>
    </div>
  )
}
