import {
  ACTIVATION_STEPS,
  FREG_STEPS,
  type OnboardingStep,
  type StepState,
} from '../../../shared/api/onboarding'
import type { MessageKey } from '../../i18n'

export const stepLabel = (step: OnboardingStep): MessageKey => `onboarding.step.${step}`

/** The checklist split in its two parts: before activation, and Folkeregister access. */
export function splitSteps(steps: StepState[]) {
  return {
    activation: steps.filter((s) => (ACTIVATION_STEPS as readonly string[]).includes(s.step)),
    freg: steps.filter((s) => (FREG_STEPS as readonly string[]).includes(s.step)),
  }
}
