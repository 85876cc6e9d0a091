import { defineMessages } from '../../i18n/define'

/** Sub-unit ownership: the user's default unit and the unit filter (issue 19). */
export const ownershipMessages = defineMessages({
  nb: {
    'ownership.defaultUnit': 'Min enhet for nye registreringer',
    'ownership.defaultUnitHelp':
      'Nye tilfeller, nærkontakter og hendelser du registrerer eies av denne enheten.',
    'ownership.wholeKommune': 'Hele kommunen',
    'ownership.saved': 'Lagret.',
    'ownership.unitFilter': 'Enhet',
    'ownership.allUnits': 'Alle enheter',
    'ownership.ownerUnit': 'Eies av enhet',
  },
  nn: {
    'ownership.defaultUnit': 'Eininga mi for nye registreringar',
    'ownership.defaultUnitHelp':
      'Nye tilfelle, nærkontaktar og hendingar du registrerer, vert eigde av denne eininga.',
    'ownership.wholeKommune': 'Heile kommunen',
    'ownership.saved': 'Lagra.',
    'ownership.unitFilter': 'Eining',
    'ownership.allUnits': 'Alle einingar',
    'ownership.ownerUnit': 'Eigd av eining',
  },
  en: {
    'ownership.defaultUnit': 'My unit for new records',
    'ownership.defaultUnitHelp': 'New cases, close contacts and events you register are owned by this unit.',
    'ownership.wholeKommune': 'Whole municipality',
    'ownership.saved': 'Saved.',
    'ownership.unitFilter': 'Unit',
    'ownership.allUnits': 'All units',
    'ownership.ownerUnit': 'Owned by unit',
  },
})
