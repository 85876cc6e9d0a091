import { z } from 'zod'

export const orgUnitKind = z.enum(['country', 'fylke', 'kommune', 'bydel', 'subunit'])
export const orgUnitStatus = z.enum(['active', 'inactive', 'retired'])

export const orgUnitSummary = z.object({
  code: z.string(),
  kind: orgUnitKind,
  name: z.string(),
  shortName: z.string(),
  status: orgUnitStatus,
  childCount: z.number().int(),
})
export type OrgUnitSummary = z.infer<typeof orgUnitSummary>

export const orgUnitDetail = z.object({
  code: z.string(),
  kind: orgUnitKind,
  name: z.string(),
  shortName: z.string(),
  status: orgUnitStatus,
  source: z.enum(['ssb', 'local']),
  version: z.number().int(),
  activatedAt: z.string().nullable(),
  /** From Norge down to the parent. */
  ancestors: z.array(z.object({ code: z.string(), kind: orgUnitKind, name: z.string() })),
  children: z.array(orgUnitSummary),
})
export type OrgUnitDetail = z.infer<typeof orgUnitDetail>

export const orgUnitCodeParam = z.object({
  code: z.string().regex(/^[0-9A-Za-z-]{2,20}$/, 'Ugyldig enhetskode'),
})

export const orgUnitListQuery = z.object({
  kind: orgUnitKind.optional(),
  status: orgUnitStatus.optional(),
  q: z.string().trim().max(100).optional(),
})
export const orgUnitList = z.object({ items: z.array(orgUnitSummary) })

/**
 * The municipality's own sub-units (teams, districts). Only 'local' units can be changed, and
 * only renamed or retired: a unit is never deleted, since records may be owned by it.
 */
export const subunitName = z.string().trim().min(1, 'Navnet må fylles ut').max(120)

export const createSubunitBody = z.object({
  name: subunitName,
  /** The kommune itself or one of its bydeler. */
  parentCode: z.string().regex(/^[0-9A-Za-z-]{2,20}$/, 'Ugyldig enhetskode'),
})
export type CreateSubunitInput = z.input<typeof createSubunitBody>

export const renameSubunitBody = z.object({
  version: z.number().int().min(1),
  name: subunitName,
})
export type RenameSubunitInput = z.input<typeof renameSubunitBody>

export const retireSubunitBody = z.object({ version: z.number().int().min(1) })

export const subunitSummary = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string(),
  parentName: z.string(),
  status: orgUnitStatus,
  version: z.number().int(),
})
export type SubunitSummary = z.infer<typeof subunitSummary>

/** The active municipality's sub-unit management view. */
export const subunitOverview = z.object({
  kommune: z.object({ code: z.string(), name: z.string() }),
  /** Units a new sub-unit may be placed under: the kommune and its bydeler. */
  parents: z.array(z.object({ code: z.string(), name: z.string(), kind: orgUnitKind })),
  subunits: z.array(subunitSummary),
})
export type SubunitOverview = z.infer<typeof subunitOverview>
