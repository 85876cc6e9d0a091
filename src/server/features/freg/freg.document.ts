import { z } from 'zod'

/**
 * The parts of Skatteetaten's Folkeregister person document ("offentlig med hjemmel",
 * `part=person-basis`) that Smittespor reads, by the documented field names. Every element is a
 * list of versions; each version carries `erGjeldende`, `gyldighetstidspunkt`,
 * `ajourholdstidspunkt`, `kilde`, `aarsak` (and `opphoerstidspunkt` when ended). Unknown fields
 * are allowed: the document grows, and a new field must never break a lookup.
 */
const version = {
  erGjeldende: z.boolean().optional(),
  gyldighetstidspunkt: z.string().optional(),
  ajourholdstidspunkt: z.string().optional(),
  opphoerstidspunkt: z.string().optional(),
  kilde: z.string().optional(),
  aarsak: z.string().optional(),
  metadata: z.unknown().optional(),
}
const versions = <T extends z.ZodRawShape>(shape: T) =>
  z.array(z.looseObject({ ...version, ...shape })).optional()

const text = z.string().nullish()
const poststed = z.looseObject({ poststedsnavn: text, postnummer: text }).nullish()

export const vegadresse = z.looseObject({
  kommunenummer: text,
  adressenavn: text,
  adressenummer: z
    .looseObject({ husnummer: z.union([z.string(), z.number()]).nullish(), husbokstav: text })
    .nullish(),
  adressetilleggsnavn: text,
  bruksenhetsnummer: text,
  coAdressenavn: text,
  poststed,
})

export const matrikkeladresse = z.looseObject({
  kommunenummer: text,
  matrikkelnummer: z
    .looseObject({
      kommunenummer: text,
      gaardsnummer: z.number().nullish(),
      bruksnummer: z.number().nullish(),
      festenummer: z.number().nullish(),
    })
    .nullish(),
  undernummer: z.number().nullish(),
  adressetilleggsnavn: text,
  bruksenhetsnummer: text,
  coAdressenavn: text,
  poststed,
})

const addressShape = {
  vegadresse: vegadresse.nullish(),
  matrikkeladresse: matrikkeladresse.nullish(),
  ukjentBosted: z.looseObject({ bostedskommune: text }).nullish(),
  adressegradering: text,
  flyttedato: text,
  angittFlyttedato: text,
}

export const fregDocument = z.looseObject({
  identifikasjonsnummer: versions({
    foedselsEllerDNummer: z.string(),
    identifikatortype: text,
    status: text,
  }),
  navn: versions({ fornavn: text, mellomnavn: text, etternavn: text }),
  foedsel: versions({ foedselsdato: text, foedselsaar: z.union([z.string(), z.number()]).nullish() }),
  kjoenn: versions({ kjoenn: text }),
  status: versions({ status: text }),
  doedsfall: versions({ doedsdato: text }),
  adressebeskyttelse: versions({ graderingsnivaa: text }),
  bostedsadresse: versions(addressShape),
  oppholdsadresse: versions({ ...addressShape, oppholdAnnetSted: text }),
})
export type FregDocument = z.infer<typeof fregDocument>
export type Vegadresse = z.infer<typeof vegadresse>
export type Matrikkeladresse = z.infer<typeof matrikkeladresse>
