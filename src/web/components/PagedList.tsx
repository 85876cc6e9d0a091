import { Button, Paragraph } from '@digdir/designsystemet-react'
import type { ReactNode } from 'react'
import type { MessageKey } from '../i18n'
import { useT } from '../i18n'
import { ErrorAlert } from './ErrorAlert'
import { Loading } from './Loading'

/** What the list components need from a keyset-paged `useInfiniteQuery`. */
export interface PagedQuery<Item> {
  data?: { pages: readonly { items: readonly Item[] }[] }
  isPending: boolean
  isSuccess: boolean
  isError: boolean
  error: unknown
  refetch: () => unknown
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => unknown
}

/** The items of every page fetched so far. */
export const pagedItems = <Item,>(list: PagedQuery<Item>): Item[] =>
  list.data?.pages.flatMap((p) => p.items) ?? []

/** "Vis flere": fetches the next page while there is one. */
export function ShowMoreButton({ list }: { list: PagedQuery<unknown> }) {
  const t = useT()
  if (!list.hasNextPage) return null
  return (
    <div>
      <Button variant="secondary" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
        {t('common.showMore')}
      </Button>
    </div>
  )
}

/** The lists whose texts follow `<list>.none`, `.shown`, `.shownMore` and `.loading`. */
type ListPrefix = 'cases' | 'events' | 'chains'
const listText = (prefix: ListPrefix, name: 'none' | 'shown' | 'shownMore' | 'loading'): MessageKey =>
  `${prefix}.${name}`

/**
 * A filtered, paged list: how many are shown (announced politely), loading and errors, the
 * items (rendered by `children` when there are any) and "Vis flere".
 */
export function PagedList<Item>({
  list,
  prefix,
  children,
}: {
  list: PagedQuery<Item>
  prefix: ListPrefix
  children: (items: Item[]) => ReactNode
}) {
  const t = useT()
  const items = pagedItems(list)
  return (
    <div className="app-stack">
      <Paragraph data-size="sm" aria-live="polite" className="cw-muted">
        {list.isSuccess &&
          (items.length === 0
            ? t(listText(prefix, 'none'))
            : t(listText(prefix, list.hasNextPage ? 'shownMore' : 'shown'), { count: items.length }))}
      </Paragraph>
      {list.isPending && <Loading label={t(listText(prefix, 'loading'))} />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {items.length > 0 && children(items)}
      <ShowMoreButton list={list} />
    </div>
  )
}
