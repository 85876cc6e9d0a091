import { Paragraph } from '@digdir/designsystemet-react'
import type { ReactNode } from 'react'
import { ErrorAlert } from './ErrorAlert'
import { Loading } from './Loading'
import { Pager } from './Pager'

/** One page of a page-numbered list, with the total. */
export interface TotalPage<Item> {
  items: Item[]
  total: number
  page: number
  pageSize: number
}

/**
 * A page-numbered list: loading and errors, the total (announced politely), the page's items
 * (rendered by `children` when there are any) and the pager.
 */
export function TotalList<Item>({
  list,
  loading,
  count,
  onPage,
  children,
}: {
  list: {
    data?: TotalPage<Item>
    isPending: boolean
    isError: boolean
    error: unknown
    refetch: () => unknown
  }
  loading: string
  count: (total: number) => string
  onPage: (page: number) => void
  children: (items: Item[]) => ReactNode
}) {
  return (
    <>
      {list.isPending && <Loading label={loading} />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.data && (
        <>
          <Paragraph data-size="sm" aria-live="polite">
            {count(list.data.total)}
          </Paragraph>
          {list.data.items.length > 0 && children(list.data.items)}
          <Pager
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={onPage}
          />
        </>
      )}
    </>
  )
}
