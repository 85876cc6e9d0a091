/**
 * One feature's messages in every language, side by side in the feature's `messages.ts`. Bokmål
 * defines the keys; nynorsk and English must have exactly the same keys (the compiler refuses a
 * missing or an extra one). Texts are ICU MessageFormat: `{name}` for a value,
 * `{count, plural, one {# sak} other {# saker}}` for a count (see CONTRIBUTING.md).
 */
export function defineMessages<const Nb extends Record<string, string>>(messages: {
  nb: Nb
  nn: Record<keyof Nb, string>
  en: Record<keyof Nb, string>
}) {
  return messages
}

export type FeatureMessages = ReturnType<typeof defineMessages<Record<string, string>>>
