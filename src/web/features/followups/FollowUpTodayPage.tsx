import { Checkbox, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import type { FollowUpToday, FollowUpTodayItem, FollowUpTodayQuery } from '../../../shared/api/followups'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { Can, RequireCan } from '../../components/RequireCan'
import { SelectField } from '../../components/SelectField'
import { useUrlFilters } from '../../components/UrlFilters'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { recordPath } from '../measures/paths'
import { AssignCallsForm } from './AssignCallsForm'
import { RecordCallButton, RecordCallDialog } from './RecordCallDialog'
import { useFollowUpToday } from './useFollowUps'

/** `/oppfolging`: "Dagens oppfølging" — calls due today and overdue (SPEC §4). */
export function FollowUpTodayPage() {
  const t = useT()
  usePageTitle(t('followUp.title'))
  return (
    <RequireCan action="measure.read" title={t('followUp.title')}>
      <TodayWorklist />
    </RequireCan>
  )
}

function TodayWorklist() {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const assignedTo = params.get('smittesporer') ?? undefined
  const subunit = params.get('enhet') ?? undefined
  const needs = (params.get('behov') ?? undefined) as FollowUpTodayQuery['needs']
  const symptoms = params.get('symptomer') === 'ja' ? ('true' as const) : undefined
  const query = useFollowUpToday({ assignedTo, subunit, needs, symptoms })
  const [active, setActive] = useState<FollowUpTodayItem | null>(null)
  const setFilter = useUrlFilters(params, setParams).set
  return (
    <div className="app-page">
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('followUp.title')}
        </Heading>
        <Paragraph>{t('followUp.intro')}</Paragraph>
        <Can action="followup.configure">
          <Paragraph data-size="sm">
            <AppLink to="/oppfolging/innstillinger">{t('followUp.settingsLink')}</AppLink>
          </Paragraph>
        </Can>
      </div>
      <div className="cw-form-grid">
        <SelectField
          label={t('followUp.filter.tracer')}
          value={assignedTo ?? ''}
          onChange={(e) => setFilter('smittesporer', e.target.value)}
        >
          <option value="">{t('followUp.filter.all')}</option>
          <option value="me">{t('followUp.filter.me')}</option>
          <option value="none">{t('followUp.filter.none')}</option>
          {query.data?.tracers.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('followUp.filter.subunit')}
          value={subunit ?? ''}
          onChange={(e) => setFilter('enhet', e.target.value)}
        >
          <option value="">{t('followUp.filter.allUnits')}</option>
          {query.data?.subunits.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('followUp.filter.needs')}
          value={needs ?? ''}
          onChange={(e) => setFilter('behov', e.target.value)}
        >
          <option value="">{t('followUp.filter.all')}</option>
          <option value="any">{t('followUp.needs.any')}</option>
          <option value="food">{t('followUp.needs.food')}</option>
          <option value="medicine">{t('followUp.needs.medicine')}</option>
          <option value="practical">{t('followUp.needs.practical')}</option>
          <option value="other">{t('followUp.needs.other')}</option>
        </SelectField>
        <Checkbox
          label={t('followUp.filter.symptoms')}
          checked={symptoms === 'true'}
          onChange={(e) => setFilter('symptomer', e.target.checked ? 'ja' : '')}
        />
      </div>
      <Paragraph data-size="sm">
        <AppLink to="/oppfolging/symptomer">{t('symptoms.link')}</AppLink>
      </Paragraph>
      {query.isPending ? (
        <Loading label={t('followUp.loading')} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <CallList data={query.data} onRecord={setActive} />
      )}
      {/* Kept here, outside the list: the call leaves the list once recorded, and the dialog may
          still have to offer the contact → case conversion. */}
      {active && (
        <RecordCallDialog
          key={active.id}
          call={active}
          personName={`${active.person.firstName} ${active.person.lastName}`}
          onClose={() => setActive(null)}
        />
      )}
    </div>
  )
}

function CallList({ data, onRecord }: { data: FollowUpToday; onRecord: (call: FollowUpTodayItem) => void }) {
  const t = useT()
  const [selected, setSelected] = useState<string[]>([])
  const [assigned, setAssigned] = useState<number | null>(null)
  const visible = selected.filter((id) => data.items.some((c) => c.id === id))
  const all = data.items.length > 0 && visible.length === data.items.length
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]))
  if (data.items.length === 0) return <Paragraph>{t('followUp.empty')}</Paragraph>
  return (
    <div className="app-stack">
      <Paragraph role="status">{t('followUp.count', { count: data.items.length })}</Paragraph>
      <Checkbox
        label={t('followUp.assign.selectAll')}
        checked={all}
        onChange={() => setSelected(all ? [] : data.items.map((c) => c.id))}
      />
      <DataTable
        caption={t('followUp.title')}
        columns={[
          t('followUp.col.select'),
          t('followUp.col.name'),
          t('followUp.col.phone'),
          t('followUp.col.measure'),
          t('followUp.col.planned'),
          t('followUp.col.reported'),
          t('followUp.col.assigned'),
          t('followUp.col.action'),
        ]}
      >
        {data.items.map((c) => (
          <CallRow
            key={c.id}
            call={c}
            selected={visible.includes(c.id)}
            onToggle={() => toggle(c.id)}
            onRecord={() => onRecord(c)}
          />
        ))}
      </DataTable>
      {visible.length > 0 && (
        <AssignCallsForm
          callIds={visible}
          tracers={data.tracers}
          onDone={(count) => {
            setSelected([])
            setAssigned(count)
          }}
        />
      )}
      <Paragraph role="status" data-size="sm" className="cw-muted">
        {assigned !== null ? t('followUp.assign.done', { count: assigned }) : ''}
      </Paragraph>
    </div>
  )
}

function CallRow({
  call,
  selected,
  onToggle,
  onRecord,
}: {
  call: FollowUpTodayItem
  selected: boolean
  onToggle: () => void
  onRecord: () => void
}) {
  const t = useT()
  const name = `${call.person.firstName} ${call.person.lastName}`
  const m = call.measure
  return (
    <Table.Row>
      <Table.Cell>
        <Checkbox aria-label={t('followUp.col.selectRow', { name })} checked={selected} onChange={onToggle} />
      </Table.Cell>
      <Table.Cell>
        <AppLink to={recordPath(m)}>{name}</AppLink>
        {m.unreachedSince && (
          <>
            {' '}
            <Tag data-color="danger" data-size="sm">
              {t('measure.calls.notReached')}
            </Tag>
          </>
        )}
      </Table.Cell>
      <Table.Cell>{call.person.phone ?? ''}</Table.Cell>
      <Table.Cell>
        {t(m.kind === 'isolation' ? 'measure.kind.isolation' : 'measure.kind.quarantine')}{' '}
        {t('measure.period', { start: formatIsoDate(m.startDate), end: formatIsoDate(m.endDate) })}
      </Table.Cell>
      <Table.Cell>
        {formatIsoDate(call.plannedDate)} ({t('measure.calls.day', { day: call.dayNumber })}){' '}
        {call.late && <Tag data-size="sm">{t('measure.calls.late')}</Tag>}{' '}
        {call.overdueDays > 0 ? (
          <Tag data-color="warning" data-size="sm">
            {t('followUp.overdue', { days: call.overdueDays })}
          </Tag>
        ) : (
          t('followUp.dueToday')
        )}
      </Table.Cell>
      <Table.Cell>
        <Reported call={call} />
      </Table.Cell>
      <Table.Cell>{call.assignedTo?.name ?? t('followUp.notAssigned')}</Table.Cell>
      <Table.Cell>
        <RecordCallButton personName={name} onClick={onRecord} />
      </Table.Cell>
    </Table.Row>
  )
}

const NEEDS = ['food', 'medicine', 'practical', 'other'] as const

/** What the person said on the latest call: help needs and symptoms. */
function Reported({ call }: { call: FollowUpTodayItem }) {
  const t = useT()
  const r = call.lastReport
  if (!r) return null
  return (
    <span className="cw-inline">
      {r.symptoms && (
        <Tag data-color="danger" data-size="sm">
          {t('followUp.reported.symptoms')}
        </Tag>
      )}
      {NEEDS.filter((n) => r.needs[n]).map((n) => (
        <Tag key={n} data-color="info" data-size="sm">
          {t(`followUp.needs.${n}`)}
        </Tag>
      ))}
    </span>
  )
}
