import { Button, Card, Heading, Paragraph, Tag, Textfield, ToggleGroup } from '@digdir/designsystemet-react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { type FlagView, flagResolveBody } from '../../../shared/api/flags'
import { isApiError } from '../../api/client'
import { AppLink } from '../../components/AppLink'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { applyApiErrors } from '../../components/formErrors'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { type MessageKey, useI18n, useT } from '../../i18n'
import { casePath } from '../cases/useCases'
import { contactPath } from '../contacts/useContacts'
import { personPath } from '../persons/usePersons'
import { useFlagList, useResolveFlag } from './useFlags'

const RECORD_LABELS: Record<FlagView['recordType'], MessageKey> = {
  person: 'flags.record.person',
  case: 'flags.record.case',
  contact: 'flags.record.contact',
  event: 'flags.record.event',
}

function recordPath(f: FlagView): string | null {
  if (f.recordType === 'case') return casePath(f.recordId)
  if (f.recordType === 'contact') return contactPath(f.recordId)
  if (f.recordType === 'person') return personPath(f.recordId)
  return null
}

/** `/feilmeldinger`: the Administrator's queue of "Meld feil" reports. */
export function FlagsPage() {
  const t = useT()
  usePageTitle(t('flags.title'))
  return (
    <RequireCan action="flag.resolve" title={t('flags.title')}>
      <Flags />
    </RequireCan>
  )
}

function Flags() {
  const t = useT()
  const [status, setStatus] = useState<'open' | 'resolved'>('open')
  const list = useFlagList(status)
  const items = list.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <div className="app-page">
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('flags.title')}
        </Heading>
        <Paragraph className="app-prose">{t('flags.intro')}</Paragraph>
      </div>
      <ToggleGroup
        value={status}
        onChange={(v) => setStatus(v as 'open' | 'resolved')}
        data-size="sm"
        aria-label={t('flags.statusFilter')}
      >
        <ToggleGroup.Item value="open">{t('flags.open')}</ToggleGroup.Item>
        <ToggleGroup.Item value="resolved">{t('flags.resolved')}</ToggleGroup.Item>
      </ToggleGroup>
      {list.isPending && <Loading label={t('flags.loading')} />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.isSuccess && items.length === 0 && (
        <Paragraph>{t(status === 'open' ? 'flags.noneOpen' : 'flags.noneResolved')}</Paragraph>
      )}
      <ul className="cw-flag-list">
        {items.map((f) => (
          <li key={f.id}>
            <FlagCard flag={f} />
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <div>
          <Button variant="secondary" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.showMore')}
          </Button>
        </div>
      )}
    </div>
  )
}

type ResolveValues = z.input<typeof flagResolveBody>

/** The resolve form of one flag (shared `flagResolveBody` schema, version as read). */
function useResolveForm(flag: FlagView) {
  const resolve = useResolveFlag(flag.id)
  const form = useForm<ResolveValues>({
    resolver: zodResolver(flagResolveBody),
    defaultValues: { resolution: '', version: flag.version },
  })
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await resolve.mutateAsync({ ...values, version: flag.version })
    } catch (err) {
      applyApiErrors(err, form.setError, ['resolution'])
    }
  })
  return { form, onSubmit, resolve }
}

function FlagCard({ flag }: { flag: FlagView }) {
  const { t, formatDate } = useI18n()
  const headingId = useId()
  const path = recordPath(flag)
  const { form, onSubmit, resolve } = useResolveForm(flag)
  return (
    <Card className="app-stack" aria-labelledby={headingId}>
      <div className="app-title-row">
        <Heading level={2} data-size="xs" id={headingId}>
          {t('flags.cardTitle', {
            type: t(RECORD_LABELS[flag.recordType]),
            date: formatDate(flag.createdAt),
          })}
        </Heading>
        <Tag data-size="sm" data-color={flag.status === 'open' ? 'warning' : 'success'}>
          {t(flag.status === 'open' ? 'flags.open' : 'flags.resolved')}
        </Tag>
      </div>
      <Paragraph data-testid="flag-subject">
        {flag.subject
          ? t(flag.subject.date ? 'flags.subjectDated' : 'flags.subject', {
              type: t(RECORD_LABELS[flag.recordType]),
              name: flag.subject.name,
              date: formatIsoDate(flag.subject.date),
            })
          : t('flags.subjectGone')}
      </Paragraph>
      <Paragraph data-size="sm" className="cw-muted">
        {t('flags.reportedBy', { name: flag.createdBy.name })}
        {path && (
          <>
            {' · '}
            <AppLink to={path}>{t('flags.openRecord', { type: t(RECORD_LABELS[flag.recordType]) })}</AppLink>
          </>
        )}
      </Paragraph>
      <Paragraph className="cw-preline">{flag.comment}</Paragraph>
      {flag.status === 'resolved' ? (
        <Paragraph className="cw-preline">
          {t('flags.resolvedBy', {
            name: flag.resolvedBy?.name ?? t('common.unknown'),
            date: flag.resolvedAt ? formatDate(flag.resolvedAt) : '',
            resolution: flag.resolution ?? '',
          })}
        </Paragraph>
      ) : (
        <form className="app-stack" onSubmit={onSubmit} noValidate>
          <Textfield
            multiline
            rows={2}
            label={t('flags.resolution')}
            error={form.formState.errors.resolution?.message}
            {...form.register('resolution')}
          />
          {resolve.isError &&
            !form.formState.errors.resolution &&
            (isApiError(resolve.error) && resolve.error.code === 'conflict' ? (
              <Paragraph role="alert">{t('flags.stale')}</Paragraph>
            ) : (
              <ErrorAlert error={resolve.error} />
            ))}
          <div>
            <Button type="submit" variant="secondary" data-size="sm" loading={resolve.isPending}>
              {t('flags.resolve')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  )
}
