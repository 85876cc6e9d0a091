import { z } from 'zod'
import { checkOrgNumber } from '../domain/orgNumber'
import {
  isoDate,
  nationalIdInput,
  optionalDate,
  optionalEmail,
  optionalText,
  personName,
  requiredEmail,
} from './users'

/**
 * Onboarding (SPEC §9, *før oppstart*): the checklist a municipality completes before it may use
 * Smittespor. The first four steps are required for activation; the last four enable the
 * Folkeregister lookup (§7).
 */
export const ACTIVATION_STEPS = ['dpia', 'ros', 'dpa', 'service_annex'] as const
export const FREG_STEPS = ['freg_rf1514', 'freg_delegation', 'freg_agreement', 'freg_enabled'] as const
export const ONBOARDING_STEPS = [...ACTIVATION_STEPS, ...FREG_STEPS] as const

export const onboardingStepSchema = z.enum(ONBOARDING_STEPS)
export type OnboardingStep = z.infer<typeof onboardingStepSchema>

/** Norwegian names of the steps, used in error messages and the CSV/ UI fallback. */
export const onboardingStepLabels: Record<OnboardingStep, string> = {
  dpia: 'DPIA (vurdering av personvernkonsekvenser)',
  ros: 'ROS-analyse',
  dpa: 'Databehandleravtale',
  service_annex: 'Tjenestevedlegg',
  freg_rf1514: 'RF-1514 godkjent (tilgang til Folkeregisteret)',
  freg_delegation: 'Rettighet delegert til plattformoperatøren i Altinn',
  freg_agreement: 'Avtale om bruk av Folkeregisteret',
  freg_enabled: 'Folkeregisteret slått på i konfigurasjonen',
}

export const kommuneStatusSchema = z.enum(['active', 'inactive'])

export const stepState = z.object({
  step: onboardingStepSchema,
  done: z.boolean(),
  doneOn: isoDate.nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string().nullable(),
})
export type StepState = z.infer<typeof stepState>

export const kommuneSettings = z.object({
  startDate: isoDate.nullable(),
  trainingDate: isoDate.nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** 0 while nothing has been saved. */
  version: z.number().int(),
})
export type KommuneSettings = z.infer<typeof kommuneSettings>

export const kommuneRef = z.object({
  code: z.string(),
  name: z.string(),
  fylkeCode: z.string().nullable(),
  fylkeName: z.string().nullable(),
  status: kommuneStatusSchema,
  activatedAt: z.string().nullable(),
  /** Organisation number (Enhetsregisteret): FREG lookups are made on the municipality's behalf. */
  orgNumber: z.string().nullable(),
})

export const kommuneChecklist = z.object({
  kommune: kommuneRef,
  steps: z.array(stepState),
  /** Required steps not yet recorded; activation is possible when empty. */
  missingForActivation: z.array(onboardingStepSchema),
  folkeregisterEnabled: z.boolean(),
  settings: kommuneSettings,
  administrators: z.array(z.object({ id: z.string(), name: z.string() })),
})
export type KommuneChecklist = z.infer<typeof kommuneChecklist>

export const kommuneProgress = kommuneRef.extend({
  /** Recorded activation steps (of 4) and Folkeregister steps (of 4). */
  activationDone: z.number().int(),
  fregDone: z.number().int(),
})
export type KommuneProgress = z.infer<typeof kommuneProgress>

export const kommuneCodeParam = z.object({ code: z.string().regex(/^\d{4}$/, 'Ugyldig kommunenummer') })
export const stepParam = kommuneCodeParam.extend({ step: onboardingStepSchema })

export const kommuneListQuery = z.object({
  fylke: z
    .string()
    .regex(/^\d{2}$/, 'Ugyldig fylkesnummer')
    .optional(),
  /** 'ready': not active yet, but every activation step is recorded. */
  status: z.enum(['active', 'inactive', 'ready']).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(400).default(50),
})
export type KommuneListQuery = z.input<typeof kommuneListQuery>

export const kommuneList = z.object({
  items: z.array(kommuneProgress),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

export const recordStepBody = z.object({
  doneOn: isoDate,
  note: optionalText(1000),
})
export type RecordStepInput = z.input<typeof recordStepBody>

export const undoStepBody = z.object({
  reason: z.string().trim().min(1, 'Skriv hvorfor steget angres').max(1000),
})

export const appointAdminInput = z.object({
  nationalId: nationalIdInput,
  name: personName,
  email: requiredEmail,
})

export const activateKommuneBody = z.object({ admin: appointAdminInput })
export type ActivateKommuneInput = z.input<typeof activateKommuneBody>

export const activateKommuneResponse = z.object({
  checklist: kommuneChecklist,
  admin: z.object({ id: z.string(), name: z.string(), existing: z.boolean() }),
})

export const updateSettingsBody = z.object({
  version: z.number().int().min(0),
  startDate: optionalDate,
  trainingDate: optionalDate,
  contactName: optionalText(200),
  contactEmail: optionalEmail,
  contactPhone: optionalText(30),
})
export type UpdateSettingsInput = z.input<typeof updateSettingsBody>

/** The operator records the municipality's organisation number; empty clears it. */
export const orgNumberBody = z.object({
  orgNumber: z
    .string()
    .trim()
    .max(20)
    .transform((v, ctx) => {
      if (v === '') return null
      const checked = checkOrgNumber(v)
      if (!checked.ok) {
        ctx.addIssue({ code: 'custom', message: checked.message })
        return z.NEVER
      }
      return checked.value
    }),
})
export type OrgNumberInput = z.input<typeof orgNumberBody>
