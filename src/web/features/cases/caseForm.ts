import { z } from 'zod'
import { type CaseFields, type CaseView, caseFields } from '../../../shared/api/cases'
import { caseDateErrors } from '../../../shared/domain/caseDates'
import { todayOslo } from '../../components/dates'
import { blankToNull } from '../../components/formErrors'

/** The case fields as the form holds them: strings for inputs and selects, '' meaning empty. */
export const caseFormValues = z.object({
  probable: z.boolean(),
  testDate: z.string(),
  testType: z.string(),
  resultDate: z.string(),
  /** 'yes' / 'no' / '' (not known yet). */
  symptomatic: z.enum(['', 'yes', 'no']),
  onsetDate: z.string(),
  symptoms: z.string(),
  likelyInfectionDate: z.string(),
  infectionSource: z.string(),
  exposureSetting: z.string(),
  travelHistory: z.string(),
  hospitalised: z.boolean(),
  outcome: z.string(),
  vaccinationStatus: z.string(),
  vaccinationDate: z.string(),
  interviewStatus: z.string(),
  notes: z.string(),
  isolationEnd: z.string(),
})
export type CaseFormValues = z.infer<typeof caseFormValues>
export type CaseFieldName = keyof CaseFormValues
export const CASE_FIELD_NAMES = Object.keys(caseFormValues.shape) as CaseFieldName[]

export const EMPTY_CASE_FORM: CaseFormValues = {
  probable: false,
  testDate: '',
  testType: '',
  resultDate: '',
  symptomatic: '',
  onsetDate: '',
  symptoms: '',
  likelyInfectionDate: '',
  infectionSource: '',
  exposureSetting: '',
  travelHistory: '',
  hospitalised: false,
  outcome: '',
  vaccinationStatus: '',
  vaccinationDate: '',
  interviewStatus: 'not_started',
  notes: '',
  isolationEnd: '',
}

/** Form values → the API's case fields (empty → null). */
export function toCaseFields(v: CaseFormValues): CaseFields {
  const { symptomatic, interviewStatus, ...rest } = v
  return {
    ...(blankToNull(rest) as CaseFields),
    symptomatic: symptomatic === '' ? null : symptomatic === 'yes',
    ...(interviewStatus ? { interviewStatus: interviewStatus as CaseFields['interviewStatus'] } : {}),
  }
}

/** A stored case → form values. */
export function caseToForm(c: CaseView): CaseFormValues {
  return {
    probable: c.probable,
    testDate: c.testDate ?? '',
    testType: c.testType ?? '',
    resultDate: c.resultDate ?? '',
    symptomatic: c.symptomatic === null ? '' : c.symptomatic ? 'yes' : 'no',
    onsetDate: c.onsetDate ?? '',
    symptoms: c.symptoms ?? '',
    likelyInfectionDate: c.likelyInfectionDate ?? '',
    infectionSource: c.infectionSource ?? '',
    exposureSetting: c.exposureSetting ?? '',
    travelHistory: c.travelHistory ?? '',
    hospitalised: c.hospitalised,
    outcome: c.outcome ?? '',
    vaccinationStatus: c.vaccinationStatus ?? '',
    vaccinationDate: c.vaccinationDate ?? '',
    interviewStatus: c.interviewStatus,
    notes: c.notes ?? '',
    isolationEnd: c.isolationEnd ?? '',
  }
}

/**
 * Checks the form values with the shared `caseFields` schema and the shared date plausibility
 * rules, reporting issues under the form's own field names.
 */
export function checkCaseForm(v: CaseFormValues, ctx: z.RefinementCtx, prefix: string[] = []) {
  const fields = toCaseFields(v)
  const parsed = caseFields.safeParse(fields)
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', message: issue.message, path: [...prefix, ...issue.path] })
    return
  }
  for (const e of caseDateErrors(parsed.data, todayOslo()))
    ctx.addIssue({ code: 'custom', message: e.message, path: [...prefix, e.field] })
}
