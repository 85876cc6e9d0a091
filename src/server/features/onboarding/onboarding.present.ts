import {
  ACTIVATION_STEPS,
  FREG_STEPS,
  type KommuneChecklist,
  type KommuneProgress,
  type KommuneSettings,
  ONBOARDING_STEPS,
} from '../../../shared/api/onboarding'
import type * as q from './onboarding.queries'
import type { KommuneRow } from './onboarding.queries'

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

type StepRow = Awaited<ReturnType<typeof q.listSteps>>[number]
type SettingsRow = NonNullable<Awaited<ReturnType<typeof q.findSettings>>>

export const presentKommune = (k: KommuneRow) => ({
  code: k.code,
  name: k.name,
  fylkeCode: k.fylke_code,
  fylkeName: k.fylke_name,
  status: k.status === 'active' ? ('active' as const) : ('inactive' as const),
  activatedAt: iso(k.activated_at),
  orgNumber: k.org_number,
})

export const presentProgress = (
  k: KommuneRow & { activation_done: number; freg_done: number },
): KommuneProgress => ({
  ...presentKommune(k),
  activationDone: k.activation_done,
  fregDone: k.freg_done,
})

export const presentSettings = (s: SettingsRow | undefined): KommuneSettings => ({
  startDate: s?.start_date ?? null,
  trainingDate: s?.training_date ?? null,
  contactName: s?.contact_name ?? null,
  contactEmail: s?.contact_email ?? null,
  contactPhone: s?.contact_phone ?? null,
  version: s?.version ?? 0,
})

export function presentChecklist(
  k: KommuneRow,
  steps: StepRow[],
  settings: SettingsRow | undefined,
  administrators: { id: string; name: string }[],
): KommuneChecklist {
  const byStep = new Map(steps.map((s) => [s.step, s]))
  return {
    kommune: presentKommune(k),
    steps: ONBOARDING_STEPS.map((step) => {
      const s = byStep.get(step)
      return {
        step,
        done: !!s,
        doneOn: s?.done_on ?? null,
        note: s?.note ?? null,
        recordedBy: s?.recorded_by_name ?? null,
        recordedAt: iso(s?.recorded_at ?? null),
      }
    }),
    missingForActivation: ACTIVATION_STEPS.filter((step) => !byStep.has(step)),
    folkeregisterEnabled: FREG_STEPS.every((step) => byStep.has(step)),
    settings: presentSettings(settings),
    administrators,
  }
}
