import { defineMessages } from '../../i18n/define'

/** The start page. */
export const startMessages = defineMessages({
  nb: {
    'nav.start': 'Start',
    'start.title': 'Velkommen til Smittespor',
    'start.lead':
      'Smittespor er kommunenes verktøy for smittesporing: fra positiv prøve til avsluttet oppfølging.',
    'start.body1':
      'Kommunens smitteteam registrerer indekstilfeller, nærkontakter og hendelser, følger opp isolasjon og karantene og sender ukentlige rapporter til Folkehelseinstituttet.',
    'start.body2':
      'Hver kommune ser bare sine egne saker. Innlogging skjer med ID-porten, og all tilgang til personopplysninger blir logget.',
    'start.linksHeading': 'Kom i gang',
    'start.orgUnitsTitle': 'Organisasjon',
    'start.orgUnitsText':
      'Bla i fylker, kommuner og bydeler og se hvilke kommuner som har tatt i bruk Smittespor.',
    'start.loginTitle': 'Logg inn',
    'start.loginText': 'Logg inn med ID-porten for å arbeide med saker i kommunen din.',
  },
  nn: {
    'nav.start': 'Start',
    'start.title': 'Velkomen til Smittespor',
    'start.lead':
      'Smittespor er verktøyet kommunane brukar til smittesporing: frå positiv prøve til avslutta oppfølging.',
    'start.body1':
      'Smitteteamet i kommunen registrerer indekstilfelle, nærkontaktar og hendingar, følgjer opp isolasjon og karantene og sender vekesrapportar til Folkehelseinstituttet.',
    'start.body2':
      'Kvar kommune ser berre sine eigne saker. Innlogging skjer med ID-porten, og all tilgang til personopplysningar vert logga.',
    'start.linksHeading': 'Kom i gang',
    'start.orgUnitsTitle': 'Organisasjon',
    'start.orgUnitsText':
      'Bla i fylke, kommunar og bydelar og sjå kva kommunar som har teke i bruk Smittespor.',
    'start.loginTitle': 'Logg inn',
    'start.loginText': 'Logg inn med ID-porten for å arbeide med saker i kommunen din.',
  },
  en: {
    'nav.start': 'Home',
    'start.title': 'Welcome to Smittespor',
    'start.lead':
      'Smittespor is the municipalities’ contact-tracing tool: from a positive test to completed follow-up.',
    'start.body1':
      'The municipal tracing team registers index cases, close contacts and events, follows up isolation and quarantine, and sends weekly reports to the Norwegian Institute of Public Health.',
    'start.body2':
      'Each municipality sees only its own cases. Login is through ID-porten, and every access to personal data is logged.',
    'start.linksHeading': 'Get started',
    'start.orgUnitsTitle': 'Organisation',
    'start.orgUnitsText':
      'Browse counties, municipalities and districts and see which municipalities use Smittespor.',
    'start.loginTitle': 'Log in',
    'start.loginText': 'Log in with ID-porten to work on your municipality’s cases.',
  },
})
