import type { FregUnavailableReason } from '../../../shared/api/freg'
import { AppError } from '../../http/errors'

/** Problem answers of the FREG endpoints; titles and details are shown to the tracer as they are. */

const MANUAL = 'Du kan registrere personen manuelt.'

const UNAVAILABLE: Record<FregUnavailableReason, string> = {
  timeout: 'Folkeregisteret svarte ikke innen tidsfristen.',
  'server-error': 'Folkeregisteret svarte med en feil.',
  network: 'Smittespor fikk ikke kontakt med Folkeregisteret.',
  'circuit-open': 'Oppslag er satt på pause etter gjentatte feil. Prøv igjen om litt.',
  auth: 'Smittespor fikk ikke tilgangsbevis fra Maskinporten. Kontakt plattformadministratoren.',
  forbidden: 'Folkeregisteret avviste tilgangen. Kontakt plattformadministratoren.',
  'rate-limited': 'For mange oppslag på kort tid. Vent litt og prøv igjen.',
  'bad-response': 'Svaret fra Folkeregisteret kunne ikke leses.',
  'not-delegated':
    'Maskinporten avviste oppslaget på vegne av kommunen: kommunen har ikke delegert rettigheten til plattformoperatøren i Altinn.',
}

const STEP_LABELS: Record<string, string> = {
  freg_rf1514: 'RF-1514 godkjent',
  freg_delegation: 'rettighet delegert til plattformoperatøren',
  freg_agreement: 'avtale om bruk av Folkeregisteret',
  freg_enabled: 'Folkeregisteret slått på i konfigurasjonen',
  freg_org_number: 'kommunens organisasjonsnummer registrert',
}

export const fregNotFound = () =>
  new AppError(404, 'freg-not-found', 'Personen finnes ikke i Folkeregisteret', {
    detail: `Sjekk at fødselsnummeret er riktig. ${MANUAL}`,
  })

export const fregUnavailable = (reason: FregUnavailableReason) =>
  new AppError(503, 'freg-unavailable', 'Folkeregisteret er ikke tilgjengelig akkurat nå', {
    detail: `${UNAVAILABLE[reason]} ${MANUAL}`,
    reason,
  })

export const fregDisabled = (missingSteps: string[]) =>
  new AppError(422, 'freg-disabled', 'Oppslag i Folkeregisteret er ikke slått på for kommunen', {
    detail: `Dette mangler i oppstartssjekklisten: ${missingSteps.map((s) => STEP_LABELS[s] ?? s).join(', ')}. ${MANUAL}`,
    missingSteps,
  })

/** Maskinporten says the municipality has not delegated the Folkeregister right to the operator. */
export const fregNotDelegated = () =>
  new AppError(422, 'freg-not-delegated', 'Kommunen har ikke delegert tilgang til Folkeregisteret', {
    detail: `Maskinporten avviste oppslaget på vegne av kommunen fordi rettigheten ikke er delegert til plattformoperatøren i Altinn. Kommunens administrator må delegere den i Altinn. ${MANUAL}`,
    reason: 'not-delegated',
  })

export const fregNotConfigured = () =>
  new AppError(503, 'freg-not-configured', 'Oppslag i Folkeregisteret er ikke satt opp i Smittespor', {
    detail: MANUAL,
  })

export const fregReceiptInvalid = (detail = 'Hent opplysningene fra Folkeregisteret på nytt.') =>
  new AppError(
    422,
    'freg-receipt-invalid',
    'Oppslaget i Folkeregisteret er utløpt eller gjelder en annen person',
    {
      detail,
    },
  )

export const fregNoNationalId = () =>
  new AppError(422, 'freg-no-national-id', 'Personen har ikke fødselsnummer eller D-nummer', {
    detail: 'Legg inn fødselsnummer eller D-nummer først, så kan opplysningene hentes fra Folkeregisteret.',
  })
