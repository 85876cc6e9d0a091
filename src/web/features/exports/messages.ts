import { defineMessages } from '../../i18n/define'

/** Export of the line list (SPEC §6). */
export const exportsMessages = defineMessages({
  nb: {
    'exports.maxRows':
      'Én eksport kan ha høyst {max} rader til sammen. Avgrens med tidsrom eller færre typer ved behov.',
    'nav.export': 'Eksport',
    'exports.title': 'Eksport av linjeliste',
    'exports.intro':
      'Last ned kommunens linjeliste. Beskyttede adresser tas aldri med. Eksporten blir logget i sikkerhetsloggen.',
    'exports.types': 'Hva skal eksporteres',
    'exports.columns': 'Kolonner for {type}',
    'exports.format': 'Format',
    'exports.from': 'Registrert fra og med',
    'exports.to': 'Registrert til og med',
    'exports.status': 'Status',
    'exports.anyStatus': 'Alle',
    'exports.download': 'Last ned',
    'exports.csvOneType': 'CSV har plass til én type. Velg XLSX for flere.',
  },
  nn: {
    'exports.maxRows':
      'Éin eksport kan ha høgst {max} rader til saman. Avgrens med tidsrom eller færre typar ved behov.',
    'nav.export': 'Eksport',
    'exports.title': 'Eksport av linjeliste',
    'exports.intro':
      'Last ned linjelista til kommunen. Skjerma adresser vert aldri tekne med. Eksporten vert logga i tryggleiksloggen.',
    'exports.types': 'Kva skal eksporterast',
    'exports.columns': 'Kolonnar for {type}',
    'exports.format': 'Format',
    'exports.from': 'Registrert frå og med',
    'exports.to': 'Registrert til og med',
    'exports.status': 'Status',
    'exports.anyStatus': 'Alle',
    'exports.download': 'Last ned',
    'exports.csvOneType': 'CSV har plass til éin type. Vel XLSX for fleire.',
  },
  en: {
    'exports.maxRows':
      'One export can hold at most {max} rows in all. Narrow it down by period or fewer types if needed.',
    'nav.export': 'Export',
    'exports.title': 'Export line list',
    'exports.intro':
      "Download the municipality's line list. Protected addresses are never included. The export is recorded in the audit log.",
    'exports.types': 'What to export',
    'exports.columns': 'Columns for {type}',
    'exports.format': 'Format',
    'exports.from': 'Registered from',
    'exports.to': 'Registered up to and including',
    'exports.status': 'Status',
    'exports.anyStatus': 'All',
    'exports.download': 'Download',
    'exports.csvOneType': 'CSV holds only one type. Choose XLSX for more.',
  },
})
