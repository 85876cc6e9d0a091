import { Button, Heading, Paragraph, Tabs } from '@digdir/designsystemet-react'
import { useSearchParams } from 'react-router'
import { WORKLISTS, type WorklistName, type WorklistPage, worklistName } from '../../../shared/api/worklists'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { type MessageKey, useT } from '../../i18n'
import { CaseTable } from '../cases/CaseTable'
import { ContactTable } from '../contacts/CaseContactsList'
import { useWorklist, useWorklistCounts } from './useWorklists'
import { CallTable, EndingTable, TransferTable } from './WorklistTables'

const LABELS: Record<WorklistName, MessageKey> = {
  'my-cases': 'worklists.my-cases',
  'my-contacts': 'worklists.my-contacts',
  'unassigned-cases': 'worklists.unassigned-cases',
  'interviews-not-done': 'worklists.interviews-not-done',
  'contacts-not-notified': 'worklists.contacts-not-notified',
  'followups-due': 'worklists.followups-due',
  'measures-ending-today': 'worklists.measures-ending-today',
  'transfers-waiting': 'worklists.transfers-waiting',
}
const EMPTY: Record<WorklistName, MessageKey> = {
  'my-cases': 'worklists.empty.my-cases',
  'my-contacts': 'worklists.empty.my-contacts',
  'unassigned-cases': 'worklists.empty.unassigned-cases',
  'interviews-not-done': 'worklists.empty.interviews-not-done',
  'contacts-not-notified': 'worklists.empty.contacts-not-notified',
  'followups-due': 'worklists.empty.followups-due',
  'measures-ending-today': 'worklists.empty.measures-ending-today',
  'transfers-waiting': 'worklists.empty.transfers-waiting',
}

/** `/arbeidslister`: the tracer's work queues (SPEC §3.7) as tabs with counts; `?liste=` selects one. */
export function WorklistsPage() {
  const t = useT()
  usePageTitle(t('worklists.title'))
  return (
    <RequireCan action="case.read" title={t('worklists.title')}>
      <Worklists />
    </RequireCan>
  )
}

function Worklists() {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const parsed = worklistName.safeParse(params.get('liste'))
  const current: WorklistName = parsed.success ? parsed.data : 'my-cases'
  const counts = useWorklistCounts()
  return (
    <div className="app-page">
      <Heading level={1} data-size="lg">
        {t('worklists.title')}
      </Heading>
      {counts.isError && <ErrorAlert error={counts.error} onRetry={() => counts.refetch()} />}
      <Tabs value={current} onChange={(v) => setParams({ liste: v }, { replace: true })}>
        <Tabs.List>
          {WORKLISTS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(LABELS[name])}
              {counts.data && <span className="cw-count"> ({counts.data[name]})</span>}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {WORKLISTS.map((name) => (
          <Tabs.Panel key={name} value={name}>
            {name === current && <Worklist name={name} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </div>
  )
}

function Worklist({ name }: { name: WorklistName }) {
  const t = useT()
  const list = useWorklist(name)
  if (list.isPending) return <Loading label={t('worklists.loading')} />
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
  const pages = list.data.pages
  const empty = pages.every((p) => p.items.length === 0)
  const caption = t(LABELS[name])
  return (
    <div className="app-stack cw-worklist" data-testid={`worklist-${name}`}>
      {empty ? <Paragraph>{t(EMPTY[name])}</Paragraph> : <WorklistTable pages={pages} caption={caption} />}
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

/** The table for the list's kind; every page of one list has the same kind. */
function WorklistTable({ pages, caption }: { pages: WorklistPage[]; caption: string }) {
  switch (pages[0]?.kind) {
    case 'cases':
      return <CaseTable items={pages.flatMap((p) => (p.kind === 'cases' ? p.items : []))} caption={caption} />
    case 'contacts':
      return (
        <ContactTable
          contacts={pages.flatMap((p) => (p.kind === 'contacts' ? p.items : []))}
          caption={caption}
          showCase
        />
      )
    case 'followups':
      return (
        <CallTable items={pages.flatMap((p) => (p.kind === 'followups' ? p.items : []))} caption={caption} />
      )
    case 'measures':
      return (
        <EndingTable items={pages.flatMap((p) => (p.kind === 'measures' ? p.items : []))} caption={caption} />
      )
    case 'transfers':
      return (
        <TransferTable
          items={pages.flatMap((p) => (p.kind === 'transfers' ? p.items : []))}
          caption={caption}
        />
      )
    default:
      return null
  }
}
