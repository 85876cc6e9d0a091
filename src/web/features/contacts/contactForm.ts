import { z } from 'zod'
import { type ContactDetail, type ContactPatch, contactPatch } from '../../../shared/api/contacts'
import { futureDateError } from '../../../shared/domain/caseDates'
import { todayOslo } from '../../components/dates'

/** The editable contact fields as the form holds them ('' = empty). */
export const contactFormValues = z.object({
  relation: z.string(),
  exposureSetting: z.string(),
  exposureTypes: z.array(z.string()),
  lastExposure: z.string(),
  household: z.boolean(),
  status: z.string(),
  symptoms: z.string(),
  notes: z.string(),
})
export type ContactFormValues = z.infer<typeof contactFormValues>
export type ContactFieldName = keyof ContactFormValues
export const CONTACT_FIELD_NAMES = Object.keys(contactFormValues.shape) as ContactFieldName[]

export function contactToForm(c: ContactDetail): ContactFormValues {
  return {
    relation: c.relation ?? '',
    exposureSetting: c.exposureSetting ?? '',
    exposureTypes: [...c.exposureTypes],
    lastExposure: c.lastExposure ?? '',
    household: c.household,
    status: c.status,
    symptoms: c.symptoms ?? '',
    notes: c.notes ?? '',
  }
}

/** All form values as API values ('' → null; 'became_case' is never sent). */
function toContactBody(v: ContactFormValues): Record<ContactFieldName, unknown> {
  const out = {} as Record<ContactFieldName, unknown>
  for (const k of CONTACT_FIELD_NAMES) {
    const value = v[k]
    out[k] = typeof value === 'string' && value === '' ? null : value
  }
  out.status = v.status === 'became_case' ? undefined : v.status
  return out
}

/** The fields that changed, as a PATCH body without the version. */
export function contactChanges(v: ContactFormValues, base: ContactFormValues): Omit<ContactPatch, 'version'> {
  const body = toContactBody(v)
  const out: Record<string, unknown> = {}
  for (const k of CONTACT_FIELD_NAMES)
    if (JSON.stringify(v[k]) !== JSON.stringify(base[k]) && body[k] !== undefined) out[k] = body[k]
  return out
}

/** Checked with the shared `contactPatch` schema and the shared no-future-date rule. */
export const contactFormSchema = contactFormValues.superRefine((v, ctx) => {
  const parsed = contactPatch.safeParse({ ...toContactBody(v), version: 1 })
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path })
  const future = futureDateError(v.lastExposure || null, todayOslo(), 'Siste eksponering')
  if (future) ctx.addIssue({ code: 'custom', message: future, path: ['lastExposure'] })
})
