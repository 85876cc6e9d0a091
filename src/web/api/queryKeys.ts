import type { QueryClient, QueryKey } from '@tanstack/react-query'

/**
 * Every TanStack Query key of the app, in one place, so a feature that changes data invalidates
 * another feature's lists by name instead of by a guessed string. A key is a path: the feature's
 * root, then the kind of query, then its parameters. Invalidating a prefix invalidates everything
 * below it (`queryKeys.cases.all()` refreshes every case list and case page).
 *
 * Filters are typed `object` here: a key only has to identify the query, and this module stays free
 * of feature imports. Keep every key a function, so an entry reads the same whether it takes
 * parameters or not.
 */
export const queryKeys = {
  session: () => ['session'] as const,
  meta: () => ['meta'] as const,
  orgUnits: {
    all: () => ['org-units'] as const,
    detail: (code: string) => ['org-units', 'detail', code] as const,
    list: (filter: { kind?: string; status?: string; q?: string }) => ['org-units', 'list', filter] as const,
    subunits: () => ['org-units', 'subunits'] as const,
  },
  users: {
    all: () => ['users'] as const,
    lists: () => ['users', 'list'] as const,
    list: (filter: object) => ['users', 'list', filter] as const,
    detail: (id: string) => ['users', 'detail', id] as const,
    reviews: () => ['users', 'access-review'] as const,
    review: (period: { from: string; to: string }) => ['users', 'access-review', period] as const,
    assignable: () => ['users', 'assignable'] as const,
  },
  onboarding: {
    own: () => ['onboarding', 'own'] as const,
    kommuner: () => ['onboarding', 'kommuner'] as const,
    kommuneList: (filter: object) => ['onboarding', 'kommuner', filter] as const,
    kommune: (code: string) => ['onboarding', 'kommune', code] as const,
  },
  cases: {
    all: () => ['cases'] as const,
    lists: () => ['cases', 'list'] as const,
    list: (filter: object) => ['cases', 'list', filter] as const,
    details: () => ['cases', 'detail'] as const,
    detail: (id: string) => ['cases', 'detail', id] as const,
    household: (id: string) => ['cases', 'household', id] as const,
  },
  contacts: {
    all: () => ['contacts'] as const,
    detail: (id: string) => ['contacts', 'detail', id] as const,
  },
  persons: {
    all: () => ['persons'] as const,
    detail: (id: string) => ['persons', 'detail', id] as const,
    records: (id: string) => ['persons', 'records', id] as const,
    search: (q: string) => ['persons', 'search', q] as const,
    suggestions: (q: object) => ['persons', 'suggestions', q] as const,
    duplicates: () => ['persons', 'duplicates'] as const,
  },
  events: {
    all: () => ['events'] as const,
    lists: () => ['events', 'list'] as const,
    list: (filter: object) => ['events', 'list', filter] as const,
    detail: (id: string) => ['events', 'detail', id] as const,
  },
  chains: {
    all: () => ['chains'] as const,
    list: (filter: object) => ['chains', 'list', filter] as const,
    byCase: (caseId: string) => ['chains', 'by-case', caseId] as const,
    byId: (id: string) => ['chains', 'id', id] as const,
  },
  worklists: {
    all: () => ['worklists'] as const,
    counts: () => ['worklists', 'counts'] as const,
    page: (name: string) => ['worklists', 'list', name] as const,
  },
  flags: {
    all: () => ['flags'] as const,
    list: (status: string) => ['flags', 'list', status] as const,
  },
  transfers: {
    all: () => ['transfers'] as const,
    list: (filter: object) => ['transfers', 'list', filter] as const,
    counts: () => ['transfers', 'counts'] as const,
  },
  measures: {
    all: () => ['measures'] as const,
    list: (filter: object) => ['measures', 'list', filter] as const,
    preview: (q: object) => ['measures', 'preview', q] as const,
    board: (list: string, kind?: string) => ['measures', 'board', list, kind ?? 'all'] as const,
  },
  followUps: {
    all: () => ['followups'] as const,
    today: (q: object) => ['followups', 'today', q] as const,
    symptoms: () => ['followups', 'symptoms'] as const,
    settings: () => ['followups', 'settings'] as const,
  },
  ruleSets: {
    all: () => ['rulesets'] as const,
    list: () => ['rulesets', 'list'] as const,
    history: (id: string) => ['rulesets', 'history', id] as const,
  },
  imports: {
    all: () => ['imports'] as const,
    run: (id: string) => ['imports', 'run', id] as const,
    rows: (id: string, limit: number) => ['imports', 'rows', id, limit] as const,
    mappings: () => ['imports', 'mappings'] as const,
  },
  freg: {
    status: (kommune: string | null) => ['freg', 'status', kommune] as const,
  },
  reports: {
    all: () => ['reports'] as const,
    weeks: () => ['reports', 'weeks'] as const,
    week: (week: string, unit: string) => ['reports', 'week', week, unit] as const,
    saved: () => ['reports', 'saved'] as const,
    savedTable: (id: string) => ['reports', 'saved', id, 'table'] as const,
  },
  dashboards: {
    kommune: (query: object) => ['dashboards', 'kommune', query] as const,
  },
  fhi: {
    weekly: (week: string) => ['fhi', 'weekly', week] as const,
    versions: (week: string, kommune: string) => ['fhi', 'weekly', week, 'versions', kommune] as const,
    apiClients: () => ['fhi', 'api-clients'] as const,
  },
  auditLog: {
    all: () => ['audit-log'] as const,
    log: (filters: object) => ['audit-log', 'log', filters] as const,
    users: () => ['audit-log', 'users'] as const,
    innsyn: (personId: string, includeDenied: boolean) =>
      ['audit-log', 'innsyn', personId, includeDenied] as const,
    personSearch: (q: string) => ['audit-log', 'person-search', q] as const,
  },
  retention: {
    all: () => ['retention'] as const,
    settings: () => ['retention', 'settings'] as const,
    previews: () => ['retention', 'preview'] as const,
    preview: (type: string) => ['retention', 'preview', type] as const,
    holds: () => ['retention', 'holds'] as const,
  },
}

/** Keys that belong to no municipality: kept when the user switches the active municipality. */
const TENANT_FREE: readonly string[] = [queryKeys.session()[0], queryKeys.meta()[0]]

/** True for a query that holds the active municipality's data. */
export const isTenantQuery = (key: QueryKey) => !TENANT_FREE.includes(String(key[0]))

/**
 * Marks several queries stale at once, e.g. after a save that shows up in other features' lists.
 * Not awaited by callers that only want the refetch to start.
 */
export function invalidate(client: QueryClient, ...keys: QueryKey[]) {
  return Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })))
}
