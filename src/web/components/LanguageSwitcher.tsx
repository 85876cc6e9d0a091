import { Label, Select } from '@digdir/designsystemet-react'
import { useId } from 'react'
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, useI18n } from '../i18n'

/** Native select of nb/nn/en; the choice is stored by the I18nProvider. */
export function LanguageSwitcher() {
  const { language, setLanguage, t } = useI18n()
  const id = useId()
  return (
    <div className="app-language">
      <Label htmlFor={id} data-size="sm">
        {t('language.label')}
      </Label>
      <Select
        id={id}
        data-size="sm"
        width="auto"
        value={language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) setLanguage(e.target.value)
        }}
      >
        {LANGUAGES.map((lang) => (
          <Select.Option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NAMES[lang]}
          </Select.Option>
        ))}
      </Select>
    </div>
  )
}
