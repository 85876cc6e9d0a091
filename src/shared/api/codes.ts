import { z } from 'zod'

/** FHI weekly-report exposure settings (data/org-units/../exposure-settings.csv), in report order. */
export const EXPOSURE_SETTINGS = [
  { code: 'household', nb: 'husstand', nn: 'hushald', en: 'household', msis: '01' },
  { code: 'kindergarten', nb: 'barnehage', nn: 'barnehage', en: 'kindergarten', msis: '04' },
  {
    code: 'school',
    nb: 'skole (1.-12. trinn)',
    nn: 'skule (1.-12. trinn)',
    en: 'school (years 1-12)',
    msis: '04',
  },
  {
    code: 'university',
    nb: 'universitet eller høyskole',
    nn: 'universitet eller høgskule',
    en: 'university or university college',
    msis: '14',
  },
  { code: 'workplace', nb: 'arbeidsplass', nn: 'arbeidsplass', en: 'workplace', msis: '15' },
  {
    code: 'health_institution',
    nb: 'helseinstitusjon (sykehjem, aldershjem, rehabilitering, sykehus etc.)',
    nn: 'helseinstitusjon (sjukeheim, aldersheim, rehabilitering, sjukehus osb.)',
    en: 'health institution (nursing home, care home, rehabilitation, hospital etc.)',
    msis: '02',
  },
  { code: 'event', nb: 'arrangement', nn: 'arrangement', en: 'event', msis: '06' },
  {
    code: 'organised_leisure',
    nb: 'organisert fritidsaktivitet',
    nn: 'organisert fritidsaktivitet',
    en: 'organised leisure activity',
    msis: '07',
  },
  { code: 'travel', nb: 'reise', nn: 'reise', en: 'travel', msis: '16' },
  { code: 'unknown', nb: 'ukjent', nn: 'ukjend', en: 'unknown', msis: '99' },
] as const

export const exposureSetting = z.enum(EXPOSURE_SETTINGS.map((s) => s.code) as [string, ...string[]], {
  message: 'Velg et smittested fra listen',
})
export type ExposureSetting = (typeof EXPOSURE_SETTINGS)[number]['code']

export const relation = z.enum(
  ['household', 'partner', 'family', 'colleague', 'classmate', 'friend', 'health_care', 'other'],
  {
    message: 'Velg relasjon fra listen',
  },
)
export const RELATION_LABELS: Record<z.infer<typeof relation>, string> = {
  household: 'Husstand',
  partner: 'Partner',
  family: 'Familie',
  colleague: 'Kollega',
  classmate: 'Klassekamerat',
  friend: 'Venn',
  health_care: 'Helsetjeneste',
  other: 'Annet',
}

export const exposureType = z.enum(['close_15min', 'physical', 'secretions', 'same_household'])
export const EXPOSURE_TYPE_LABELS: Record<z.infer<typeof exposureType>, string> = {
  close_15min: 'Under 2 meter i mer enn 15 minutter',
  physical: 'Fysisk kontakt',
  secretions: 'Kontakt med sekret',
  same_household: 'Samme husstand',
}

export const sex = z.enum(['female', 'male', 'other', 'unknown'])
export const protectedAddress = z.enum(['none', 'fortrolig', 'strengt_fortrolig', 'strengt_fortrolig_utland'])
export const workplaceType = z.enum(['workplace', 'school', 'kindergarten', 'university', 'health', 'other'])

/** 'yyyy-mm-dd' that is a real calendar date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ugyldig dato (bruk åååå-mm-dd)')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, 'Datoen finnes ikke')

export const uuid = z.string().uuid('Ugyldig id')

/** Keyset paging: an opaque cursor from the previous page. */
export const pageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

export const versionField = z.number().int().min(1, 'Ugyldig versjon')
