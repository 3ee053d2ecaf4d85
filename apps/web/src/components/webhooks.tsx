import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { keys } from '../queries';
import { useMe } from '../session';
import { Badge, Button, Checkbox, Empty, ErrorAlert, Loading, TextField, useMutation } from './ui';

type Endpoint = Schemas['WebhookEndpointResponse'];
type EventType = Schemas['WebhookEventTypeResponse']['type'];

/**
 * The organisation admin's webhook endpoints (issue #21): register, enable or disable, rotate the
 * secret, delete, and look at an endpoint's deliveries. The secret is shown once, here, right
 * after creation or rotation; the server never shows it again.
 */
export function WebhooksAdmin() {
  const { t } = useI18n();
  const me = useMe();
  const endpoints = useQuery({
    queryKey: keys.admin(me.organisationId, 'webhook-endpoints'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/organisations/{organisationId}/webhook-endpoints', {
            params: { query: { limit: 200, cursor }, path: { organisationId: me.organisationId } },
          }),
        ),
      ),
  });
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const shown = (e: Schemas['WebhookEndpointSecretResponse']) => {
    setSecret({ url: e.url, secret: e.secret });
    void endpoints.refetch();
  };
  return (
    <section className="card" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{t('webhooks.title')}</h2>
      <p className="hint">{t('webhooks.lead')}</p>
      <ErrorAlert error={endpoints.error} />
      <div role="status">
        {secret && (
          <div className="alert alert-ok">
            <p>{t('webhooks.secretOnce', { url: secret.url })}</p>
            <TextField
              label={t('webhooks.secret')}
              readOnly
              value={secret.secret}
              onFocus={(e) => e.target.select()}
            />
          </div>
        )}
      </div>
      {!endpoints.data ? (
        <Loading />
      ) : endpoints.data.length === 0 ? (
        <Empty>{t('webhooks.none')}</Empty>
      ) : (
        <ul className="plain-list">
          {endpoints.data.map((e) => (
            <EndpointRow
              key={e.id}
              endpoint={e}
              open={open === e.id}
              onToggleOpen={() => setOpen(open === e.id ? null : e.id)}
              onSecret={shown}
              onChanged={() => void endpoints.refetch()}
            />
          ))}
        </ul>
      )}
      <CreateEndpoint onCreated={shown} />
    </section>
  );
}

function EndpointRow({
  endpoint,
  open,
  onToggleOpen,
  onSecret,
  onChanged,
}: {
  endpoint: Endpoint;
  open: boolean;
  onToggleOpen: () => void;
  onSecret: (e: Schemas['WebhookEndpointSecretResponse']) => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const path = { params: { path: { webhookEndpointId: endpoint.id } } };
  const toggle = useMutation(async () => {
    await unwrap(
      api.PATCH('/webhook-endpoints/{webhookEndpointId}', {
        ...path,
        body: { enabled: !endpoint.enabled, version: endpoint.version },
      }),
    );
    onChanged();
  });
  const rotate = useMutation(async () => {
    onSecret(
      await unwrap(api.POST('/webhook-endpoints/{webhookEndpointId}/secret-rotations', path)),
    );
  });
  const remove = useMutation(async () => {
    await unwrap(api.DELETE('/webhook-endpoints/{webhookEndpointId}', path));
    onChanged();
  });
  return (
    <li>
      <p>
        <code>{endpoint.url}</code>{' '}
        <Badge tone={endpoint.enabled ? 'ok' : 'neutral'}>
          {endpoint.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}
        </Badge>
      </p>
      {endpoint.description && <p>{endpoint.description}</p>}
      <p className="hint">{t('webhooks.eventCount', { count: endpoint.eventTypes.length })}</p>
      <div className="form-actions">
        <Button variant="secondary" busy={toggle.busy} onClick={() => void toggle.submit()}>
          {endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
        </Button>
        <Button variant="secondary" onClick={onToggleOpen} aria-expanded={open}>
          {t('webhooks.deliveries')}
        </Button>
        <Button
          variant="secondary"
          busy={rotate.busy}
          onClick={() => window.confirm(t('webhooks.rotateConfirm')) && void rotate.submit()}
        >
          {t('webhooks.rotate')}
        </Button>
        <Button
          variant="danger"
          busy={remove.busy}
          onClick={() =>
            window.confirm(t('webhooks.deleteConfirm', { url: endpoint.url })) &&
            void remove.submit()
          }
        >
          {t('webhooks.delete')}
        </Button>
      </div>
      <ErrorAlert error={toggle.error ?? rotate.error ?? remove.error} />
      {open && <Deliveries endpointId={endpoint.id} />}
    </li>
  );
}

function Deliveries({ endpointId }: { endpointId: string }) {
  const { t, label, dateTime } = useI18n();
  const deliveries = useQuery({
    queryKey: keys.admin('webhook-deliveries', endpointId),
    queryFn: () =>
      unwrap(
        api.GET('/webhook-endpoints/{webhookEndpointId}/deliveries', {
          params: { path: { webhookEndpointId: endpointId }, query: { limit: 50 } },
        }),
      ),
  });
  const redeliver = useMutation(async (webhookDeliveryId: string) => {
    await unwrap(
      api.POST('/webhook-deliveries/{webhookDeliveryId}/redeliveries', {
        params: { path: { webhookDeliveryId } },
      }),
    );
    await deliveries.refetch();
  });
  if (!deliveries.data) {
    return deliveries.error ? <ErrorAlert error={deliveries.error} /> : <Loading />;
  }
  if (deliveries.data.items.length === 0) {
    return <Empty>{t('webhooks.noDeliveries')}</Empty>;
  }
  return (
    <div className="table-scroll">
      <ErrorAlert error={redeliver.error} />
      <table className="table">
        <caption className="visually-hidden">{t('webhooks.deliveries')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('webhooks.event')}</th>
            <th scope="col">{t('webhooks.status')}</th>
            <th scope="col">{t('webhooks.attempts')}</th>
            <th scope="col">{t('webhooks.response')}</th>
            <th scope="col">{t('webhooks.lastAttempt')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.items.map((d) => (
            <tr key={d.id}>
              <td>
                <code>{d.eventType}</code>
              </td>
              <td>
                {label('webhookStatus', d.status)}
                {d.nextAttemptAt && (
                  <span className="hint">
                    {' '}
                    {t('webhooks.nextAttempt', { date: dateTime(d.nextAttemptAt) })}
                  </span>
                )}
              </td>
              <td>{d.attempts}</td>
              <td>{d.responseStatus ?? d.lastError ?? '–'}</td>
              <td>{d.lastAttemptAt ? dateTime(d.lastAttemptAt) : '–'}</td>
              <td>
                {d.status !== 'pending' && (
                  <Button
                    variant="secondary"
                    busy={redeliver.busy}
                    onClick={() => void redeliver.submit(d.id)}
                  >
                    {t('webhooks.redeliver')}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateEndpoint({
  onCreated,
}: {
  onCreated: (e: Schemas['WebhookEndpointSecretResponse']) => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const catalogue = useQuery({
    queryKey: keys.admin('webhook-event-types'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/webhook-event-types', { params: { query: { limit: 200, cursor } } })),
      ),
  });
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [types, setTypes] = useState<EventType[]>([]);
  const create = useMutation(async () => {
    onCreated(
      await unwrap(
        api.POST('/organisations/{organisationId}/webhook-endpoints', {
          params: { path: { organisationId: me.organisationId } },
          body: {
            url: url.trim(),
            description: description.trim(),
            eventTypes: types,
            enabled: true,
          },
        }),
      ),
    );
    setUrl('');
    setDescription('');
    setTypes([]);
  });
  return (
    <form
      aria-labelledby="webhook-new-title"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void create.submit();
      }}
    >
      <h3 id="webhook-new-title">{t('webhooks.new')}</h3>
      <TextField
        label={t('webhooks.url')}
        hint={t('webhooks.urlHint')}
        type="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        required
      />
      <TextField
        label={t('webhooks.description')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <fieldset>
        <legend>{t('webhooks.eventTypes')}</legend>
        <ErrorAlert error={catalogue.error} />
        {(catalogue.data ?? []).map((c) => (
          <Checkbox
            key={c.type}
            label={<code>{c.type}</code>}
            checked={types.includes(c.type)}
            onChange={(e) =>
              setTypes(e.target.checked ? [...types, c.type] : types.filter((x) => x !== c.type))
            }
          />
        ))}
      </fieldset>
      <ErrorAlert error={create.error} />
      <button
        type="submit"
        className="button button-primary"
        disabled={create.busy || !url.trim() || types.length === 0}
      >
        {t('webhooks.create')}
      </button>
    </form>
  );
}
