/**
 * TanStack Query keys in one place, so features invalidate each other's data without guessing.
 * Each feature's keys start with its own root, e.g. `['org-units', …]`.
 */
export const queryKeys = {
  session: () => ['session'] as const,
  meta: () => ['meta'] as const,
  orgUnits: {
    all: () => ['org-units'] as const,
    detail: (code: string) => ['org-units', 'detail', code] as const,
    list: (filter: { kind?: string; status?: string; q?: string }) => ['org-units', 'list', filter] as const,
  },
}
