/** Folding table shared by the TS and SQL tests (foldName and fold_name must agree). */
export const FOLD_CASES: [string, string][] = [
  ['Jon Ødegård', 'jon odegard'],
  ['Jon Odegaard', 'jon odegard'],
  ['Jon Oedegaard', 'jon odegard'],
  ['Åse Æsøy', 'ase asoy'],
  ['Aase Aesoey', 'ase asoy'],
  ['Asbjørn Sæther', 'asbjorn sather'],
  ['Asbjoern Saether', 'asbjorn sather'],
  ['Asbjorn Sather', 'asbjorn sather'],
  ['René Müller', 'rene muller'],
  ['Rene Mueller', 'rene muller'],
  ['Rene Muller', 'rene muller'],
  ['Björk Bråten', 'bjork braten'],
  ['Juni Testesen3', 'juni testesen3'],
]
