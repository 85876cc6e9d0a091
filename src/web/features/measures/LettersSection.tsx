import { Button, Paragraph } from '@digdir/designsystemet-react'
import { useState } from 'react'
import type { MeasureView } from '../../../shared/api/measures'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SelectField } from '../../components/SelectField'
import { useI18n } from '../../i18n'
import { LANGUAGE_LABELS } from './labels'
import { documentHref, useCreateLetter } from './useMeasures'

/** The isolation/quarantine notice: make it in a language, download what was made (audited). */
export function LettersSection({ measure: m }: { measure: MeasureView }) {
  const { t, formatDate } = useI18n()
  const create = useCreateLetter(m.id)
  const [language, setLanguage] = useState<'nb' | 'nn' | 'en'>('nb')
  return (
    <div className="app-stack">
      <Paragraph data-size="sm">
        <strong>{t('measure.letters.heading')}</strong>
      </Paragraph>
      {m.status !== 'cancelled' && (
        <div className="cw-actions">
          <SelectField
            label={t('measure.letters.language')}
            value={language}
            onChange={(e) => setLanguage(e.target.value as 'nb' | 'nn' | 'en')}
          >
            {(['nb', 'nn', 'en'] as const).map((l) => (
              <option key={l} value={l}>
                {t(LANGUAGE_LABELS[l])}
              </option>
            ))}
          </SelectField>
          <Button
            type="button"
            variant="secondary"
            loading={create.isPending}
            onClick={() => create.mutate({ language })}
          >
            {t('measure.letters.create')}
          </Button>
        </div>
      )}
      {create.isError && <ErrorAlert error={create.error} />}
      {m.documents.length === 0 ? (
        <Paragraph data-size="sm">{t('measure.letters.none')}</Paragraph>
      ) : (
        <ul className="app-stack">
          {m.documents.map((d) => (
            <li key={d.id}>
              <a href={documentHref(d.id)} download={d.filename}>
                {t('measure.letters.download', { title: d.title, language: t(LANGUAGE_LABELS[d.language]) })}
              </a>{' '}
              <span className="cw-muted">
                {formatDate(d.createdAt)}
                {d.createdBy ? `, ${d.createdBy.name}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
