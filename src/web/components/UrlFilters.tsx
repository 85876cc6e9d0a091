import { Textfield } from '@digdir/designsystemet-react'
import { type ReactNode, useEffect, useState } from 'react'
import type { SetURLSearchParams } from 'react-router'
import { type MessageKey, useT } from '../i18n'
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

/** One `<option>` a code, labelled in the current language. */
export function CodeOptions<C extends string>({
  codes,
  labels,
}: {
  codes: readonly C[]
  labels: Record<C, MessageKey>
}) {
  const t = useT()
  return codes.map((c) => (
    <option key={c} value={c}>
      {t(labels[c])}
    </option>
  ))
}
