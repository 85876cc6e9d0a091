/**
 * The isolation/quarantine notice in bokmål, nynorsk and English. Plain functions of the facts so
 * the same wording is used whatever renders it; dates arrive already formatted (dd.mm.yyyy).
 */
export type Language = 'nb' | 'nn' | 'en'
export type NoticeKind = 'isolation' | 'quarantine'

export interface NoticeFacts {
  kind: NoticeKind
  kommuneName: string
  name: string
  birthDate: string | null
  /** Address lines, empty when the person has a protected address or none is known. */
  address: string[]
  start: string
  end: string
  /** The rule in force on the start date; null when the tracer set the dates by hand. */
  rule: { name: string; days: number; testOutDay: number | null; testOutFrom: string | null } | null
  adjusted: boolean
  contact: { name: string | null; phone: string | null; email: string | null }
  issuedOn: string
}

export interface NoticeText {
  title: string
  filenameStem: string
  lines: { text: string; style?: 'heading' | 'small' | 'bold' }[]
}

type Dict = {
  title: Record<NoticeKind, string>
  stem: Record<NoticeKind, string>
  date: string
  to: string
  born: string
  intro: Record<NoticeKind, string>
  period: (start: string, end: string) => string
  rule: Record<NoticeKind, (name: string, days: number) => string>
  testOut: (day: number, from: string) => string
  adjusted: string
  noRule: string
  meaningHeading: string
  meaning: Record<NoticeKind, string[]>
  followUp: string
  contactHeading: string
  contact: (name: string | null, phone: string | null, email: string | null) => string
  footer: (on: string) => string
}

const nb: Dict = {
  title: { isolation: 'Melding om isolasjon', quarantine: 'Melding om smittekarantene' },
  stem: { isolation: 'isolasjon', quarantine: 'karantene' },
  date: 'Dato',
  to: 'Til',
  born: 'født',
  intro: {
    isolation: 'Du har fått påvist covid-19 og skal være i isolasjon.',
    quarantine: 'Du har vært nærkontakt til en person med covid-19 og skal være i smittekarantene.',
  },
  period: (s, e) => `Perioden gjelder fra og med ${s} til og med ${e}.`,
  rule: {
    isolation: (n, d) => `Reglene som gjaldt da isolasjonen startet (${n}): isolasjon i ${d} døgn.`,
    quarantine: (n, d) =>
      `Reglene som gjaldt da karantenen startet (${n}): karantene i ${d} døgn etter siste nærkontakt.`,
  },
  testOut: (d, f) =>
    `Karantenen kan avsluttes med en negativ test tatt tidligst døgn ${d} (${f}). Du må vente på svaret før du går ut av karantene.`,
  adjusted: 'Kommunen har fastsatt datoene særskilt for deg.',
  noRule: 'Kommunen har fastsatt datoene for deg.',
  meaningHeading: 'Hva betyr dette?',
  meaning: {
    isolation: [
      'Hold deg hjemme og unngå nærkontakt med andre, også i husstanden så langt det går.',
      'Ikke gå på jobb, skole eller barnehage, og ikke bruk offentlig transport.',
      'Ta kontakt med lege hvis du blir sykere.',
    ],
    quarantine: [
      'Hold deg hjemme. Du kan gå tur ute, men hold god avstand til andre.',
      'Ikke gå på jobb, skole eller barnehage, ikke bruk offentlig transport, og unngå besøk.',
      'Får du symptomer, skal du teste deg og si fra til kommunen.',
    ],
  },
  followUp: 'Kommunen ringer deg i perioden for å høre hvordan det går og om du trenger hjelp.',
  contactHeading: 'Kontakt',
  contact: (n, p, e) =>
    [n, p ? `telefon ${p}` : null, e ? `e-post ${e}` : null].filter(Boolean).join(', ') ||
    'Kontakt kommunens smittesporingsteam.',
  footer: (on) => `Laget i Smittespor ${on}.`,
}

const nn: Dict = {
  ...nb,
  title: { isolation: 'Melding om isolasjon', quarantine: 'Melding om smittekarantene' },
  to: 'Til',
  born: 'fødd',
  intro: {
    isolation: 'Du har fått påvist covid-19 og skal vere i isolasjon.',
    quarantine: 'Du har vore nærkontakt til ein person med covid-19 og skal vere i smittekarantene.',
  },
  period: (s, e) => `Perioden gjeld frå og med ${s} til og med ${e}.`,
  rule: {
    isolation: (n, d) => `Reglane som galdt då isolasjonen starta (${n}): isolasjon i ${d} døgn.`,
    quarantine: (n, d) =>
      `Reglane som galdt då karantenen starta (${n}): karantene i ${d} døgn etter siste nærkontakt.`,
  },
  testOut: (d, f) =>
    `Karantenen kan avsluttast med ein negativ test teken tidlegast døgn ${d} (${f}). Du må vente på svaret før du går ut av karantene.`,
  adjusted: 'Kommunen har fastsett datoane særskilt for deg.',
  noRule: 'Kommunen har fastsett datoane for deg.',
  meaningHeading: 'Kva betyr dette?',
  meaning: {
    isolation: [
      'Hald deg heime og unngå nærkontakt med andre, også i hushaldet så langt det går.',
      'Ikkje gå på jobb, skule eller barnehage, og ikkje bruk offentleg transport.',
      'Ta kontakt med lege om du blir sjukare.',
    ],
    quarantine: [
      'Hald deg heime. Du kan gå tur ute, men hald god avstand til andre.',
      'Ikkje gå på jobb, skule eller barnehage, ikkje bruk offentleg transport, og unngå besøk.',
      'Får du symptom, skal du teste deg og seie frå til kommunen.',
    ],
  },
  followUp: 'Kommunen ringjer deg i perioden for å høyre korleis det går og om du treng hjelp.',
  contactHeading: 'Kontakt',
  contact: (n, p, e) =>
    [n, p ? `telefon ${p}` : null, e ? `e-post ${e}` : null].filter(Boolean).join(', ') ||
    'Kontakt smittesporingsteamet i kommunen.',
  footer: (on) => `Laga i Smittespor ${on}.`,
}

const en: Dict = {
  title: { isolation: 'Notice of isolation', quarantine: 'Notice of quarantine' },
  stem: { isolation: 'isolation', quarantine: 'quarantine' },
  date: 'Date',
  to: 'To',
  born: 'born',
  intro: {
    isolation: 'You have tested positive for COVID-19 and must stay in isolation.',
    quarantine: 'You have been a close contact of a person with COVID-19 and must stay in quarantine.',
  },
  period: (s, e) => `The period runs from ${s} up to and including ${e}.`,
  rule: {
    isolation: (n, d) => `Rules in force when the isolation started (${n}): isolation for ${d} days.`,
    quarantine: (n, d) =>
      `Rules in force when the quarantine started (${n}): quarantine for ${d} days after the last close contact.`,
  },
  testOut: (d, f) =>
    `The quarantine can be ended by a negative test taken on day ${d} (${f}) or later. Wait for the result before leaving quarantine.`,
  adjusted: 'The municipality has set these dates specifically for you.',
  noRule: 'The municipality has set these dates for you.',
  meaningHeading: 'What does this mean?',
  meaning: {
    isolation: [
      'Stay at home and avoid close contact with others, including your household as far as possible.',
      'Do not go to work, school or kindergarten, and do not use public transport.',
      'Contact a doctor if you get worse.',
    ],
    quarantine: [
      'Stay at home. You may go for walks, but keep your distance from others.',
      'Do not go to work, school or kindergarten, do not use public transport, and avoid visitors.',
      'If you get symptoms, get tested and tell the municipality.',
    ],
  },
  followUp: 'The municipality will call you during the period to ask how you are and whether you need help.',
  contactHeading: 'Contact',
  contact: (n, p, e) =>
    [n, p ? `phone ${p}` : null, e ? `e-mail ${e}` : null].filter(Boolean).join(', ') ||
    "Contact the municipality's contact tracing team.",
  footer: (on) => `Produced by Smittespor on ${on}.`,
}

const DICTS: Record<Language, Dict> = { nb, nn, en }

/** The notice as lines of text in the chosen language. */
export function noticeText(language: Language, f: NoticeFacts): NoticeText {
  const d = DICTS[language]
  const lines: NoticeText['lines'] = [
    { text: f.kommuneName, style: 'bold' },
    { text: `${d.date}: ${f.issuedOn}`, style: 'small' },
    { text: '' },
    { text: `${d.to}: ${f.name}${f.birthDate ? ` (${d.born} ${f.birthDate})` : ''}` },
    ...f.address.map((text) => ({ text })),
    { text: '' },
    { text: d.title[f.kind], style: 'heading' },
    { text: d.intro[f.kind] },
    { text: d.period(f.start, f.end), style: 'bold' },
  ]
  if (f.rule) {
    lines.push({ text: d.rule[f.kind](f.rule.name, f.rule.days) })
    if (f.kind === 'quarantine' && f.rule.testOutDay && f.rule.testOutFrom)
      lines.push({ text: d.testOut(f.rule.testOutDay, f.rule.testOutFrom) })
    if (f.adjusted) lines.push({ text: d.adjusted })
  } else lines.push({ text: d.noRule })
  lines.push({ text: '' }, { text: d.meaningHeading, style: 'heading' })
  for (const text of d.meaning[f.kind]) lines.push({ text: `• ${text}` })
  lines.push({ text: d.followUp })
  lines.push({ text: '' }, { text: d.contactHeading, style: 'heading' })
  lines.push({ text: `${f.kommuneName}: ${d.contact(f.contact.name, f.contact.phone, f.contact.email)}` })
  lines.push({ text: '' }, { text: d.footer(f.issuedOn), style: 'small' })
  return { title: d.title[f.kind], filenameStem: d.stem[f.kind], lines }
}
