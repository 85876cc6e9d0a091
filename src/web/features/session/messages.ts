import { defineMessages } from '../../i18n/define'

/** Login outcome pages and the choice of municipality. */
export const sessionMessages = defineMessages({
  nb: {
    'selectKommune.title': 'Velg kommune',
    'selectKommune.intro':
      'Du har tilgang i flere kommuner. Velg hvilken kommune du vil arbeide i nå. Du kan bytte senere øverst på siden.',
    'selectKommune.choose': 'Arbeid i {name}',
    'selectKommune.current': 'Valgt nå',
    'loggedOut.title': 'Du er logget ut',
    'loggedOut.text':
      'Du er logget ut av Smittespor og ID-porten. Bruker du en delt datamaskin, bør du lukke nettleseren.',
    'loggedOut.login': 'Logg inn igjen',
    'loginFailed.title': 'Innloggingen mislyktes',
    'loginFailed.reason.state': 'Innloggingen tok for lang tid eller ble startet i en annen fane.',
    'loginFailed.reason.provider': 'ID-porten svarte med en feil.',
    'loginFailed.reason.acr':
      'Innloggingen hadde for lavt sikkerhetsnivå. Smittespor krever høyt nivå, for eksempel BankID.',
    'loginFailed.reason.pid': 'ID-porten sendte ikke fødselsnummeret ditt.',
    'loginFailed.reason.no-access':
      'Du har ingen aktiv tilgang i Smittespor. Kontakt administratoren (systemansvarlig) i din kommune.',
    'loginFailed.reason.unknown': 'Noe gikk galt under innloggingen.',
    'loginFailed.retry': 'Prøv å logge inn igjen',
  },
  nn: {
    'selectKommune.title': 'Vel kommune',
    'selectKommune.intro':
      'Du har tilgang i fleire kommunar. Vel kva kommune du vil arbeide i no. Du kan byte seinare øvst på sida.',
    'selectKommune.choose': 'Arbeid i {name}',
    'selectKommune.current': 'Vald no',
    'loggedOut.title': 'Du er logga ut',
    'loggedOut.text':
      'Du er logga ut av Smittespor og ID-porten. Brukar du ei delt datamaskin, bør du late att nettlesaren.',
    'loggedOut.login': 'Logg inn igjen',
    'loginFailed.title': 'Innlogginga mislukkast',
    'loginFailed.reason.state': 'Innlogginga tok for lang tid eller vart starta i ei anna fane.',
    'loginFailed.reason.provider': 'ID-porten svarte med ein feil.',
    'loginFailed.reason.acr':
      'Innlogginga hadde for lågt tryggleiksnivå. Smittespor krev høgt nivå, til dømes BankID.',
    'loginFailed.reason.pid': 'ID-porten sende ikkje fødselsnummeret ditt.',
    'loginFailed.reason.no-access':
      'Du har ingen aktiv tilgang i Smittespor. Kontakt administratoren (systemansvarleg) i kommunen din.',
    'loginFailed.reason.unknown': 'Noko gjekk gale under innlogginga.',
    'loginFailed.retry': 'Prøv å logge inn igjen',
  },
  en: {
    'selectKommune.title': 'Choose municipality',
    'selectKommune.intro':
      'You have access in more than one municipality. Choose which one to work in now. You can switch later at the top of the page.',
    'selectKommune.choose': 'Work in {name}',
    'selectKommune.current': 'Current choice',
    'loggedOut.title': 'You are logged out',
    'loggedOut.text':
      'You are logged out of Smittespor and ID-porten. On a shared computer, close the browser.',
    'loggedOut.login': 'Log in again',
    'loginFailed.title': 'Login failed',
    'loginFailed.reason.state': 'The login took too long or was started in another tab.',
    'loginFailed.reason.provider': 'ID-porten answered with an error.',
    'loginFailed.reason.acr':
      'The login used too low a security level. Smittespor requires a high level, such as BankID.',
    'loginFailed.reason.pid': 'ID-porten did not send your national identity number.',
    'loginFailed.reason.no-access':
      'You have no active access to Smittespor. Contact the administrator (systemansvarlig) in your municipality.',
    'loginFailed.reason.unknown': 'Something went wrong during login.',
    'loginFailed.retry': 'Try to log in again',
  },
})
