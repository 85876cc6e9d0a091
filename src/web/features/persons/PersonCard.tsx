import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import { useId, useState } from 'react'
import type { PersonView } from '../../../shared/api/persons'
import { formatNationalId } from '../../../shared/domain/nationalId'
import { AppLink } from '../../components/AppLink'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { useT } from '../../i18n'
import { RevealAddressDialog } from './RevealAddressDialog'
import { personPath, usePerson } from './usePersons'

/** The address lines of a person, or the reason they are not shown. */
export function AddressFacts({
  person,
  onRevealed,
}: {
  person: PersonView
  onRevealed: (p: PersonView) => void
}) {
  const t = useT()
  const protectedAddress = person.protectedAddress !== 'none'
  if (person.addressHidden) {
    return (
      <div className="app-stack cw-address-hidden">
        <Paragraph data-size="sm">
          <Tag data-size="sm" data-color="warning">
            {t('persons.addressProtected')}
          </Tag>{' '}
          {t('persons.addressHiddenText')}
        </Paragraph>
        <div>
          <RevealAddressDialog personId={person.id} onRevealed={onRevealed} />
        </div>
      </div>
    )
  }
  const lines = [person.street, [person.postcode, person.place].filter(Boolean).join(' ')].filter(Boolean)
  return (
    <Paragraph data-size="sm">
      {lines.length ? lines.join(', ') : <span className="cw-muted">{t('persons.noAddress')}</span>}
      {protectedAddress && (
        <>
          {' '}
          <Tag data-size="sm" data-color="warning">
            {t('persons.addressProtectedShown')}
          </Tag>
        </>
      )}
    </Paragraph>
  )
}

/** The case person at a glance (name, ids, phone, address or "skjermet"), with a link to the person. */
export function PersonCard({ personId, headingLevel = 2 }: { personId: string; headingLevel?: 2 | 3 }) {
  const t = useT()
  const headingId = useId()
  const query = usePerson(personId)
  const [revealed, setRevealed] = useState<PersonView | null>(null)
  if (query.isPending) return <Loading label={t('persons.loading')} />
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
  const p = revealed ?? query.data
  return (
    <Card className="app-stack cw-person-card" aria-labelledby={headingId} data-testid="person-card">
      <Heading level={headingLevel} data-size="xs" id={headingId}>
        {t('persons.cardHeading')}
      </Heading>
      <dl className="app-facts">
        <dt>{t('person.name')}</dt>
        <dd>
          <AppLink to={personPath(p.id)}>
            {p.firstName} {p.lastName}
          </AppLink>
        </dd>
        <dt>{t('person.nationalId')}</dt>
        <dd>
          {p.nationalId ? (
            formatNationalId(p.nationalId)
          ) : (
            <span className="cw-muted">{t('persons.noNationalId')}</span>
          )}
        </dd>
        <dt>{t('person.birthDate')}</dt>
        <dd>{formatIsoDate(p.birthDate) || t('common.unknown')}</dd>
        <dt>{t('person.phone')}</dt>
        <dd>{p.phone || t('common.unknown')}</dd>
        {p.email && (
          <>
            <dt>{t('person.email')}</dt>
            <dd>{p.email}</dd>
          </>
        )}
        <dt>{t('person.address')}</dt>
        <dd>
          <AddressFacts person={p} onRevealed={setRevealed} />
        </dd>
        {p.interpreterNeeded && (
          <>
            <dt>{t('person.interpreter')}</dt>
            <dd>{t('persons.interpreterNeeded', { language: p.preferredLanguage ?? '' })}</dd>
          </>
        )}
      </dl>
    </Card>
  )
}
