import { Button, Textfield } from '@digdir/designsystemet-react'
import { type ReactNode, useEffect, useState } from 'react'
import { type SetURLSearchParams, useSearchParams } from 'react-router'
import { SelectField } from './SelectField'
import { useDebounced } from './useDebounced'

/** List filters kept in the address (shareable, and Back restores them). */
export interface UrlFilters {
  /** The filter's value in the address, or `fallback`. */
  value: (key: string, fallback?: string) => string
  /** Sets a filter (an empty value removes it) without adding a history entry. */
  set: (key: string, value: string) => void
}

export function useUrlFilters(params: URLSearchParams, setParams: SetURLSearchParams): UrlFilters {
  return {
    value: (key, fallback = '') => params.get(key) ?? fallback,
    set: (key, value) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          if (value) next.set(key, value)
          else next.delete(key)
          return next
        },
        { replace: true },
      ),
  }
}

/** The free-text search (`q`): it updates the address after a typing pause. */
export function FilterSearch({
  filters,
  label,
  description,
}: {
  filters: UrlFilters
  label: string
  description?: string
}) {
  const [q, setQ] = useState(filters.value('q'))
  const debouncedQ = useDebounced(q.trim(), 350)
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search term updates the address
  useEffect(() => {
    if (debouncedQ !== filters.value('q')) filters.set('q', debouncedQ)
  }, [debouncedQ])
  return (
    <Textfield
      type="search"
      className="cw-filters__search"
      label={label}
      description={description}
      autoComplete="off"
      value={q}
      onChange={(e) => setQ(e.target.value)}
    />
  )
}

/** A select filter that applies at once. */
export function FilterSelect({
  filters,
  name,
  label,
  fallback,
  children,
}: {
  filters: UrlFilters
  name: string
  label: string
  /** The value when the address has none. */
  fallback?: string
  children: ReactNode
}) {
  return (
    <SelectField
      label={label}
      value={filters.value(name, fallback)}
      onChange={(e) => filters.set(name, e.target.value)}
    >
      {children}
    </SelectField>
  )
}

/** A date filter that applies at once. */
export function FilterDate({ filters, name, label }: { filters: UrlFilters; name: string; label: string }) {
  return (
    <Textfield
      type="date"
      label={label}
      value={filters.value(name)}
      onChange={(e) => filters.set(name, e.target.value)}
    />
  )
}

/** A filter of a page-numbered list: its fields, all strings, and the page. */
export type PageFilter<K extends string> = Record<K, string> & { page: number }

/**
 * Filters of a page-numbered list in the address: `names` maps each field to its address
 * parameter (in address order); the page is `side`. Any change but the page's goes back to page 1.
 */
export function usePageFilter<K extends string>(
  names: Record<K, string>,
): [PageFilter<K>, (next: Partial<PageFilter<K>>) => void] {
  const [params, setParams] = useSearchParams()
  const keys = Object.keys(names) as K[]
  const filter = {
    ...Object.fromEntries(keys.map((k) => [k, params.get(names[k]) ?? ''])),
    page: Math.max(1, Number(params.get('side')) || 1),
  } as PageFilter<K>
  const update = (next: Partial<PageFilter<K>>) => {
    const merged: PageFilter<K> = { ...filter, page: 1, ...next }
    const out = new URLSearchParams()
    for (const k of keys) if (merged[k]) out.set(names[k], merged[k])
    if (merged.page > 1) out.set('side', String(merged.page))
    setParams(out, { replace: true })
  }
  return [filter, update]
}

/**
 * A search form for a list: the text applies on "Søk" (Enter), the selects in `children` at once.
 */
export function SearchForm({
  label,
  search,
  searchHelp,
  button,
  initial,
  onSearch,
  children,
}: {
  /** The accessible name of the search landmark. */
  label: string
  search: string
  searchHelp?: string
  button: string
  initial: string
  onSearch: (q: string) => void
  children: ReactNode
}) {
  const [text, setText] = useState(initial)
  return (
    <search aria-label={label}>
      <form
        className="app-filters"
        onSubmit={(e) => {
          e.preventDefault()
          onSearch(text.trim())
        }}
      >
        <Textfield
          label={search}
          description={searchHelp}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {children}
        <div>
          <Button type="submit" variant="secondary">
            {button}
          </Button>
        </div>
      </form>
    </search>
  )
}
