import { compareIsoDates, isIsoDate } from './dates'
import type { RuleSet } from './measures'

/**
 * Norway's national isolation/quarantine rules for covid-19, simplified to what an end date can
 * express. Rules that depended on vaccination status, household membership, the virus variant or
 * daily testing (autumn 2021 – February 2022) are not modelled: the tracer records such
 * exemptions and overrides on the measure. The sources are news and municipal pages quoting
 * regjeringen/FHI; the exact figures and dates should be checked against the history of
 * covid-19-forskriften (Lovdata) before they are relied on, as each `source` says.
 */
export const DEFAULT_RULE_SETS: readonly RuleSet[] = [
  {
    id: 'no-2020-03-12',
    name: 'Karantene 14 døgn (mars 2020)',
    validFrom: '2020-03-12',
    validTo: '2020-05-06',
    source:
      'FHI 13.03.2020 (NPK/Sunnmøringen): nærkontakter i hjemmekarantene i 14 dager; forskrift om karantene, isolasjon mv. fastsatt 15.03.2020. Startdato 12.03.2020 som i SPEC §4. Isolasjon var symptombasert og er ikke lagt inn – sett sluttdato manuelt. Bør verifiseres mot Lovdata.',
    quarantine: { days: 14, from: 'last-exposure', testOutDay: null },
    isolation: null,
  },
  {
    id: 'no-2020-05-07',
    name: 'Karantene 10 døgn (mai 2020)',
    validFrom: '2020-05-07',
    validTo: '2020-12-31',
    source:
      'Regjeringen reduserte karantenetiden fra 14 til 10 dager torsdag 07.05.2020, uten overgangsregler (Helsedirektoratet, NTB 08.05.2020). Isolasjon ikke lagt inn – sett sluttdato manuelt. Bør verifiseres mot Lovdata.',
    quarantine: { days: 10, from: 'last-exposure', testOutDay: null },
    isolation: null,
  },
  {
    id: 'no-2021-01-01',
    name: 'Karantene 10 døgn med test ut døgn 7, isolasjon 10 døgn (2021)',
    validFrom: '2021-01-01',
    validTo: '2021-09-24',
    source:
      'FHI «Opphevelse av isolasjon»: 10 døgn etter symptomdebut (uten symptomer: testdato) og feberfri i 24 timer. Smittekarantene kan avsluttes ved negativ test tatt tidligst 7 døgn etter siste nærkontakt. USIKKER startdato: 01.01.2021 er valgt etter SPEC §4 («2021»); innreisekarantene fikk test ut døgn 7 fra 29.12.2020 (NRK), men datoen for smittekarantene er ikke funnet – verifiser mot Lovdata.',
    quarantine: { days: 10, from: 'last-exposure', testOutDay: 7 },
    isolation: { days: 10, from: 'onset-or-test' },
  },
  {
    id: 'no-2021-09-25',
    name: 'Isolasjon 5 døgn (september 2021)',
    validFrom: '2021-09-25',
    validTo: '2021-12-14',
    source:
      'Nye isolasjonsregler fra 25.09.2021 (Kristiansand kommune, etter FHI): 5 døgn etter symptomdebut og feberfri i 24 timer. Fullvaksinerte nærkontakter var unntatt karantene og fullvaksinerte uten symptomer hadde kortere isolasjon; omikron-mistanke ga 7 døgn isolasjon fra 02.12.2021 – ikke modellert. Bør verifiseres mot Lovdata.',
    quarantine: { days: 10, from: 'last-exposure', testOutDay: 7 },
    isolation: { days: 5, from: 'onset-or-test' },
  },
  {
    id: 'no-2021-12-15',
    name: 'Isolasjon 6 døgn, karantene for husstand (desember 2021)',
    validFrom: '2021-12-15',
    validTo: '2022-02-11',
    source:
      'FHI: «Fra 15.12.21 er det endringer i covid-19-forskriften med samme regler for isolasjon og karantene uavhengig av virusvariant»; isolasjon minst 6 døgn fra symptomstart (TV 2, desember 2021); husstandsmedlemmer 10 døgn karantene med test ut døgn 7. Øvrige nærkontakter fikk ikke karanteneplikt fra 13.01.2022, og fra 26.01.2022 kunne karantene erstattes med daglig testing – ikke modellert. Bør verifiseres mot Lovdata.',
    quarantine: { days: 10, from: 'last-exposure', testOutDay: 7 },
    isolation: { days: 6, from: 'onset-or-test' },
  },
  {
    id: 'no-2022-02-12',
    name: 'Ingen plikt til isolasjon eller karantene (februar 2022)',
    validFrom: '2022-02-12',
    validTo: null,
    source:
      'Regjeringen fjernet alle forskriftsfestede tiltak fra 12.02.2022 kl. 10, også plikt til isolasjon; smittede voksne anbefales å holde seg hjemme i 4 døgn (Vågå kommune). Ingen beregnet sluttdato.',
    quarantine: null,
    isolation: null,
  },
]

/**
 * Everything wrong with a list of rule sets, as Norwegian messages for the operator's editor;
 * empty when the list is usable. Checks dates, positive durations, a test-out day inside the
 * quarantine, unique ids and that no two sets are in force on the same day (so `ruleSetFor` has
 * exactly one answer).
 */
export function ruleSetProblems(ruleSets: readonly RuleSet[]): string[] {
  const problems: string[] = []
  const ids = new Set<string>()
  for (const r of ruleSets) {
    if (ids.has(r.id)) problems.push(`Regelsettet «${r.id}» finnes flere ganger`)
    ids.add(r.id)
    problems.push(...singleSetProblems(r))
  }
  const dated = ruleSets.filter((r) => isIsoDate(r.validFrom) && (r.validTo === null || isIsoDate(r.validTo)))
  const sorted = [...dated].sort((a, b) => compareIsoDates(a.validFrom, b.validFrom))
  // Sweep in start order, remembering the set that reaches furthest: a long set can overlap
  // sets that are not its direct neighbour.
  let furthest: RuleSet | undefined
  for (const current of sorted) {
    if (
      furthest &&
      (furthest.validTo === null || compareIsoDates(current.validFrom, furthest.validTo) <= 0)
    ) {
      problems.push(`Regelsettene «${furthest.id}» og «${current.id}» gjelder samtidig`)
    }
    if (!furthest || reachesFurther(current, furthest)) furthest = current
  }
  return problems
}

function reachesFurther(a: RuleSet, b: RuleSet): boolean {
  if (b.validTo === null) return false
  return a.validTo === null || compareIsoDates(a.validTo, b.validTo) > 0
}

function singleSetProblems(r: RuleSet): string[] {
  const problems: string[] = []
  const name = `«${r.id}»`
  if (!isIsoDate(r.validFrom)) problems.push(`${name}: ugyldig fra-dato`)
  if (r.validTo !== null && !isIsoDate(r.validTo)) problems.push(`${name}: ugyldig til-dato`)
  else if (r.validTo !== null && isIsoDate(r.validFrom) && compareIsoDates(r.validTo, r.validFrom) < 0) {
    problems.push(`${name}: til-dato er før fra-dato`)
  }
  const q = r.quarantine
  if (q && !(Number.isInteger(q.days) && q.days > 0))
    problems.push(`${name}: karantenetiden må være minst 1 døgn`)
  if (
    q &&
    q.testOutDay !== null &&
    !(Number.isInteger(q.testOutDay) && q.testOutDay > 0 && q.testOutDay < q.days)
  ) {
    problems.push(`${name}: test ut-døgnet må være mellom 1 og karantenetiden`)
  }
  const iso = r.isolation
  if (iso && !(Number.isInteger(iso.days) && iso.days > 0))
    problems.push(`${name}: isolasjonstiden må være minst 1 døgn`)
  return problems
}
