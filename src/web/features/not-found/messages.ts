import { defineMessages } from '../../i18n/define'

/** The not-found page. */
export const notFoundMessages = defineMessages({
  nb: {
    'notFound.title': 'Fant ikke siden',
    'notFound.text': 'Adressen {path} finnes ikke. Den kan være flyttet, eller det kan være en skrivefeil.',
    'notFound.home': 'Gå til forsiden',
  },
  nn: {
    'notFound.title': 'Fann ikkje sida',
    'notFound.text': 'Adressa {path} finst ikkje. Ho kan vere flytta, eller det kan vere ein skrivefeil.',
    'notFound.home': 'Gå til framsida',
  },
  en: {
    'notFound.title': 'Page not found',
    'notFound.text': 'The address {path} does not exist. It may have moved, or there may be a typo.',
    'notFound.home': 'Go to the front page',
  },
})
