import { zodResolver } from '@hookform/resolvers/zod'
import { useForm } from 'react-hook-form'
import { useNavigate } from 'react-router'
import { z } from 'zod'
import { type ContactDetail, convertToCaseBody } from '../../../shared/api/contacts'
import { caseDateErrors } from '../../../shared/domain/caseDates'
import { isApiError } from '../../api/client'
import { todayOslo } from '../../components/dates'
import { applyApiErrors, blankToNull } from '../../components/formErrors'
import { casePath } from '../cases/useCases'
import { useConvertToCase } from './useContacts'

const convertFormValues = z.object({
  testDate: z.string(),
  testType: z.string(),
  resultDate: z.string(),
  symptomatic: z.enum(['', 'yes', 'no']),
  onsetDate: z.string(),
  symptoms: z.string(),
})
type ConvertFormValues = z.infer<typeof convertFormValues>
const FIELDS = Object.keys(convertFormValues.shape)

function toBody(v: ConvertFormValues, version: number) {
  const { symptomatic, ...rest } = v
  return { ...blankToNull(rest), symptomatic: symptomatic === '' ? null : symptomatic === 'yes', version }
}

/** Checked with the shared `convertToCaseBody` schema and the shared case date rules. */
const schema = convertFormValues.superRefine((v, ctx) => {
  const parsed = convertToCaseBody.safeParse(toBody(v, 1))
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path })
    return
  }
  for (const e of caseDateErrors(parsed.data, todayOslo()))
    ctx.addIssue({ code: 'custom', message: e.message, path: [e.field] })
})

/**
 * "Gjør om til sak": the contact tested positive. Creates the case (which records the contact it
 * came from) and goes to it. A contact already converted answers 409 with the case id: go there.
 */
export function useConvertForm(contact: ContactDetail) {
  const navigate = useNavigate()
  const convert = useConvertToCase(contact.id)
  const form = useForm<ConvertFormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      testDate: '',
      testType: 'pcr',
      resultDate: '',
      symptomatic: '',
      onsetDate: '',
      symptoms: '',
    },
  })
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const created = await convert.mutateAsync(
        toBody(values, contact.version) as z.input<typeof convertToCaseBody>,
      )
      navigate(casePath(created.id))
    } catch (err) {
      if (isApiError(err) && err.code === 'already-converted' && typeof err.problem?.caseId === 'string') {
        navigate(casePath(err.problem.caseId))
        return
      }
      applyApiErrors(err, form.setError, FIELDS)
    }
  })
  return { form, onSubmit, convert }
}
