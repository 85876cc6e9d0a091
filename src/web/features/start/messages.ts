import { defineMessages } from '../../i18n/define'

/** The start page. */
export const startMessages = defineMessages({
  nb: {
    'start.work.heading': 'Dagens arbeid',
    'start.work.myCases': 'Mine tilfeller',
    'start.work.callsDue': 'Oppfølgingssamtaler i dag og forfalte',
    'start.work.notNotified': 'Nærkontakter ikke varslet',
    'start.work.unassigned': 'Tilfeller uten saksbehandler',
    'start.work.transfers': 'Overføringer som venter',
    'start.work.flags': 'Åpne feilmeldinger',
    'start.work.users': 'Brukere og tilganger',
    'start.work.national': 'Nasjonal oversikt og ukens innsendinger',
    'start.work.onboarding': 'Kommuner som venter på oppstart',
    'nav.menu': 'Meny',
    'nav.group.casework': 'Saksbehandling',
    'nav.group.followup': 'Oppfølging',
    'nav.group.reports': 'Rapporter',
    'nav.group.admin': 'Administrasjon',
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
    'start.work.heading': 'Dagens arbeid',
    'start.work.myCases': 'Mine tilfelle',
    'start.work.callsDue': 'Oppfølgingssamtalar i dag og forfalne',
    'start.work.notNotified': 'Nærkontaktar som ikkje er varsla',
    'start.work.unassigned': 'Tilfelle utan saksbehandlar',
    'start.work.transfers': 'Overføringar som ventar',
    'start.work.flags': 'Opne feilmeldingar',
    'start.work.users': 'Brukarar og tilgangar',
    'start.work.national': 'Nasjonal oversikt og innsendingar denne veka',
    'start.work.onboarding': 'Kommunar som ventar på oppstart',
    'nav.menu': 'Meny',
    'nav.group.casework': 'Saksbehandling',
    'nav.group.followup': 'Oppfølging',
    'nav.group.reports': 'Rapportar',
    'nav.group.admin': 'Administrasjon',
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
    'start.work.heading': 'Today’s work',
    'start.work.myCases': 'My cases',
    'start.work.callsDue': 'Follow-up calls today and overdue',
    'start.work.notNotified': 'Close contacts not notified',
    'start.work.unassigned': 'Cases without a tracer',
    'start.work.transfers': 'Transfers waiting',
    'start.work.flags': 'Open error reports',
    'start.work.users': 'Users and access',
    'start.work.national': 'National overview and this week’s submissions',
    'start.work.onboarding': 'Municipalities waiting for onboarding',
    'nav.menu': 'Menu',
    'nav.group.casework': 'Case work',
    'nav.group.followup': 'Follow-up',
    'nav.group.reports': 'Reports',
    'nav.group.admin': 'Administration',
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
