import { Alert, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { FregPerson } from '../../../shared/api/freg'
import { formatNationalId } from '../../../shared/domain/nationalId'
import { formatIsoDate } from '../../components/dates'
import { useI18n } from '../../i18n'
import './freg.css'

const WARN_STATUSES = new Set(['doed', 'utflyttet', 'forsvunnet', 'opphoert', 'inaktiv'])

/** The address part of a FREG answer: protected, unknown, none, or the lines. */
function AddressText({ person }: { person: FregPerson }) {
  const { t } = useI18n()
  if (person.protectedAddress !== 'none')
    return (
      <Tag data-color="warning" data-size="sm">
        {t(`freg.protection.${person.protectedAddress}`)}
      </Tag>
    )
  if (person.unknownResidence)
    return <span>{t('freg.address.unknown', { kommune: person.residenceKommune ?? '?' })}</span>
  if (!person.address) return <span className="freg-muted">{t('freg.address.none')}</span>
  const a = person.address
  return (
    <span>
      {[a.street, [a.postcode, a.place].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
      {person.residenceKommune ? ` (${person.residenceKommune})` : ''}
    </span>
  )
}

/** What Folkeregisteret says about a person, as a list — with the status and protection made plain. */
export function FregPersonFacts({ person, fetchedAt }: { person: FregPerson; fetchedAt: string }) {
  const { t, locale } = useI18n()
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(
    new Date(fetchedAt),
  )
  return (
    <div className="app-stack">
      <dl className="freg-facts" data-testid="freg-facts">
        <dt>{t('freg.field.name')}</dt>
        <dd>
          {person.firstName} {person.lastName}
        </dd>
        <dt>{t(`freg.field.idType.${person.idType}`)}</dt>
        <dd>{formatNationalId(person.nationalId)}</dd>
        <dt>{t('freg.field.birthDate')}</dt>
        <dd>{formatIsoDate(person.birthDate) || '–'}</dd>
        <dt>{t('freg.field.sex')}</dt>
        <dd>{person.sex ? t(`freg.sex.${person.sex}`) : '–'}</dd>
        <dt>{t('freg.field.status')}</dt>
        <dd>
          <Tag data-size="sm" data-color={WARN_STATUSES.has(person.status) ? 'warning' : 'neutral'}>
            {t(`freg.status.${person.status}`)}
          </Tag>
        </dd>
        <dt>{t('freg.field.address')}</dt>
        <dd>
          <AddressText person={person} />
        </dd>
      </dl>
      {person.status === 'doed' && (
        <Alert data-color="warning">
          <Paragraph>{t('freg.status.deceased', { date: formatIsoDate(person.deathDate) })}</Paragraph>
        </Alert>
      )}
      {person.status === 'utflyttet' && (
        <Alert data-color="warning">
          <Paragraph>{t('freg.status.emigrated')}</Paragraph>
        </Alert>
      )}
      {person.protectedAddress !== 'none' && (
        <Alert data-color="warning" data-testid="freg-protected">
          <Paragraph>
            {t('freg.protected.notice', { level: t(`freg.protection.${person.protectedAddress}`) })}
          </Paragraph>
        </Alert>
      )}
      {person.address?.kind === 'opphold' && (
        <Paragraph data-size="sm">{t('freg.address.opphold')}</Paragraph>
      )}
      <Paragraph data-size="sm" className="freg-muted">
        {t('freg.preview.fetchedAt', { time })}
      </Paragraph>
    </div>
  )
}
