import { z } from 'zod'

/**
 * Roles (SPEC §0). `operator` (plattformadministrator) and `fhi` are national: they hold no
 * municipality and never see personal data. The others are held per municipality.
 */
export const roleSchema = z.enum(['operator', 'admin', 'tracer', 'report', 'fhi'])
export type Role = z.infer<typeof roleSchema>

export const NATIONAL_ROLES: readonly Role[] = ['operator', 'fhi']
export const MUNICIPAL_ROLES: readonly Role[] = ['admin', 'tracer', 'report']

export const roleLabels: Record<Role, string> = {
  operator: 'Plattformadministrator',
  admin: 'Administrator',
  tracer: 'Kommunebruker (smittesporer)',
  report: 'Rapportbruker',
  fhi: 'FHI-analytiker',
}
