import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react'
import { apiClientCreate } from '../../../shared/api/fhi'
import { DataTable } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { fieldProps } from '../../components/formErrors'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { checkedAs, useMutationForm } from '../../components/useMutationForm'
import { usePageTitle } from '../../components/usePageTitle'
import { useI18n, useT } from '../../i18n'
import { useApiClients, useCreateApiClient, useRevokeApiClient } from './useFhi'

/** `/api-klienter`: the operator creates and revokes machine clients for the FHI API. */
export function ApiClientsPage() {
  const t = useT()
  usePageTitle(t('apiClients.title'))
  return (
    <RequireCan action="apiclient.manage" title={t('apiClients.title')}>
      <ApiClients />
    </RequireCan>
  )
}

function ApiClients() {
  const t = useT()
  const { formatDate } = useI18n()
  const list = useApiClients()
  const revoke = useRevokeApiClient()
  return (
    <div className="app-page">
      <div className="app-stack app-prose">
        <Heading level={1} data-size="lg">
          {t('apiClients.title')}
        </Heading>
        <Paragraph>{t('apiClients.intro')}</Paragraph>
      </div>
      <CreateForm />
      {list.isPending && <Loading label={t('apiClients.title')} />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {revoke.error && <ErrorAlert error={revoke.error} />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t('apiClients.none')}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <DataTable
          caption={t('apiClients.title')}
          border
          testId="api-clients"
          columns={[
            t('apiClients.clientId'),
            t('apiClients.name'),
            t('apiClients.col.created'),
            t('apiClients.col.lastUsed'),
            t('apiClients.col.status'),
            { label: <span className="ds-sr-only">{t('apiClients.col.status')}</span> },
          ]}
        >
          {list.data.items.map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell>
                <code>{c.clientId}</code>
              </Table.Cell>
              <Table.Cell>{c.name}</Table.Cell>
              <Table.Cell>{formatDate(c.createdAt)}</Table.Cell>
              <Table.Cell>{c.lastUsedAt ? formatDate(c.lastUsedAt) : t('apiClients.never')}</Table.Cell>
              <Table.Cell>
                <Tag data-color={c.revokedAt ? 'neutral' : 'success'}>
                  {c.revokedAt ? t('apiClients.revoked') : t('apiClients.active')}
                </Tag>
              </Table.Cell>
              <Table.Cell>
                {!c.revokedAt && (
                  <Button variant="tertiary" data-size="sm" onClick={() => revoke.mutate(c.id)}>
                    {t('apiClients.revoke', { clientId: c.clientId })}
                  </Button>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
    </div>
  )
}

type CreateValues = { name: string; clientId: string }
const createBody = ({ name, clientId }: CreateValues) => ({ name, ...(clientId.trim() ? { clientId } : {}) })

/** A new API client: name and optional client id, checked as the shared `apiClientCreate` body. */
export function useCreateApiClientForm() {
  return useMutationForm({
    schema: checkedAs<CreateValues>((v) => ({ schema: apiClientCreate, body: createBody(v) })),
    defaultValues: { name: '', clientId: '' },
    mutation: useCreateApiClient(),
    toBody: createBody,
  })
}

function CreateForm() {
  const t = useT()
  const { form, mutation: create, onSubmit, unplacedError } = useCreateApiClientForm()
  return (
    <form className="app-stack rp-submit" onSubmit={onSubmit}>
      <Textfield label={t('apiClients.name')} {...fieldProps(form, 'name')} />
      <Textfield
        label={t('apiClients.clientId')}
        description={t('apiClients.clientIdHelp')}
        {...fieldProps(form, 'clientId')}
      />
      {unplacedError && <ErrorAlert error={unplacedError} />}
      {create.data && (
        <Alert data-color="success" role="status" data-testid="api-client-secret">
          <Paragraph>{t('apiClients.created', { clientId: create.data.client.clientId })}</Paragraph>
          <Paragraph>
            <code>{create.data.secret}</code>
          </Paragraph>
        </Alert>
      )}
      <div>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('apiClients.create')}
        </Button>
      </div>
    </form>
  )
}
