import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import {
  Badge,
  Checkbox,
  Empty,
  ErrorAlert,
  Loading,
  PageHeader,
  SelectField,
  TextArea,
  TextField,
  useMutation,
} from '../components/ui';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { useMe, useSession } from '../session';
import { ComplaintCounts, ComplaintsDesk } from '../components/complaints';
import { keys } from '../queries';

type AiSystem = Schemas['AiSystemResponse'];
type AiSystemInput = Schemas['CreateAiSystemDto'];
const PURPOSES = [
  'support',
  'automate_task',
  'control_monitor',
  'decide_about_people',
  'other',
] as const;
const STATUSES = ['planned', 'pilot', 'live', 'retired'] as const;

/** The employer's AI register (what systems exist, what they do, who they affect). */
const COUNCIL_ROLES: readonly string[] = [
  'council_chair',
  'council_secretary',
  'council_member',
  'committee_member',
];

export function AiSystemsPage() {
  const { t, label, day } = useI18n();
  const me = useMe();
  const { roles } = useSession();
  const systems = useQuery({
    queryKey: keys.aiSystems(me.organisationId),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/organisations/{organisationId}/ai-systems', {
            params: { query: { limit: 200, cursor }, path: { organisationId: me.organisationId } },
          }),
        ),
      ),
  });
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader title={t('aiSystems.title')} lead={t('aiSystems.lead')}>
        {roles.employer && !adding && (
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            {t('aiSystems.register')}
          </button>
        )}
      </PageHeader>
      {adding && (
        <section className="card" aria-labelledby="new-system">
          <h2 id="new-system">{t('aiSystems.register')}</h2>
          <AiSystemForm
            onCancel={() => setAdding(false)}
            onSave={async (input) => {
              const created = await unwrap(
                api.POST('/organisations/{organisationId}/ai-systems', {
                  params: { path: { organisationId: me.organisationId } },
                  body: input,
                }),
              );
              setAdding(false);
              await systems.refetch();
              navigate(`/ai-systems/${created.id}`);
            }}
          />
        </section>
      )}
      <ErrorAlert error={systems.error} />
      {!systems.data ? (
        <Loading />
      ) : systems.data.length === 0 ? (
        <Empty>{t('aiSystems.none')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('aiSystems.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('aiSystems.name')}</th>
                <th scope="col">{t('aiSystems.vendor')}</th>
                <th scope="col">{t('aiSystems.primaryPurpose')}</th>
                <th scope="col">{t('aiSystems.status')}</th>
                <th scope="col">{t('aiSystems.goLiveDate')}</th>
              </tr>
            </thead>
            <tbody>
              {systems.data.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/ai-systems/${s.id}`}>{s.name}</Link>
                  </td>
                  <td>{s.vendor}</td>
                  <td>{label('purpose', s.primaryPurpose)}</td>
                  <td>
                    <Badge tone={s.status === 'live' ? 'ok' : 'neutral'}>
                      {label('systemStatus', s.status)}
                    </Badge>
                  </td>
                  <td>{day(s.goLiveDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function AiSystemPage({ aiSystemId }: { aiSystemId: string }) {
  const queryClient = useQueryClient();
  const { t, label, day, dateTime } = useI18n();
  const { roles, me } = useSession();
  // The councils the reader sits on see the system's complaints as counts only (issue #19).
  const councilIds = [
    ...new Set(
      (me?.memberships ?? [])
        .filter((m) => COUNCIL_ROLES.includes(m.role) && m.worksCouncilId)
        .map((m) => m.worksCouncilId as string),
    ),
  ];
  const system = useQuery({
    queryKey: keys.aiSystems('detail', aiSystemId),
    queryFn: () =>
      unwrap(api.GET('/ai-systems/{aiSystemId}', { params: { path: { aiSystemId } } })),
  });
  const changes = useQuery({
    queryKey: keys.aiSystems('changes', aiSystemId, system.data?.version),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/ai-systems/{aiSystemId}/changes', {
            params: { query: { limit: 200, cursor }, path: { aiSystemId } },
          }),
        ),
      ),
  });
  const [editing, setEditing] = useState(false);
  const [material, setMaterial] = useState(false);
  if (!system.data) {
    return system.error ? <ErrorAlert error={system.error} /> : <Loading />;
  }
  const s = system.data;
  return (
    <>
      <PageHeader
        title={s.name}
        lead={`${s.vendor}${s.modelName ? ` · ${s.modelName} ${s.modelVersion}` : ''}`}
      >
        {roles.employer && (
          <>
            <Link to={`/cases/new?aiSystemId=${s.id}`} className="button button-primary">
              {t('aiSystems.fileCase')}
            </Link>
            {!editing && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setEditing(true)}
              >
                {t('common.edit')}
              </button>
            )}
          </>
        )}
      </PageHeader>
      {material && (
        <p className="alert alert-warn" role="status">
          {t('aiSystems.materialChange')}
        </p>
      )}
      {editing ? (
        <section className="card">
          <AiSystemForm
            initial={s}
            onCancel={() => setEditing(false)}
            onSave={async (input) => {
              const updated = await unwrap(
                api.PATCH('/ai-systems/{aiSystemId}', {
                  params: { path: { aiSystemId } },
                  body: { ...input, version: s.version },
                }),
              );
              setMaterial(updated.materialChange);
              queryClient.setQueryData(keys.aiSystems('detail', aiSystemId), updated);
              setEditing(false);
            }}
          />
        </section>
      ) : (
        <section className="card">
          <dl className="contents">
            <div>
              <dt>{t('aiSystems.purpose')}</dt>
              <dd>{s.purpose}</dd>
            </div>
            <div>
              <dt>{t('aiSystems.primaryPurpose')}</dt>
              <dd>{label('purpose', s.primaryPurpose)}</dd>
            </div>
            {s.decisions && (
              <div>
                <dt>{t('aiSystems.decisions')}</dt>
                <dd>{s.decisions}</dd>
              </div>
            )}
            <div>
              <dt>{t('aiSystems.dataCategories')}</dt>
              <dd>{s.dataCategories.join(', ') || '–'}</dd>
            </div>
            <div>
              <dt>{t('aiSystems.affectedGroups')}</dt>
              <dd>
                {s.affectedGroups.join(', ') || '–'} ({s.affectedHeadcount})
              </dd>
            </div>
            <div>
              <dt>{t('aiSystems.monitoringCapability')}</dt>
              <dd>{s.monitoringCapability ? t('common.yes') : t('common.no')}</dd>
            </div>
            <div>
              <dt>{t('aiSystems.status')}</dt>
              <dd>{label('systemStatus', s.status)}</dd>
            </div>
            <div>
              <dt>{t('aiSystems.goLiveDate')}</dt>
              <dd>{day(s.goLiveDate)}</dd>
            </div>
          </dl>
        </section>
      )}
      {roles.employer && <ComplaintsDesk aiSystemId={aiSystemId} />}
      {councilIds.map((id) => (
        <ComplaintCounts key={id} worksCouncilId={id} />
      ))}
      <section className="card" aria-labelledby="changes-title">
        <h2 id="changes-title">{t('aiSystems.changes')}</h2>
        {!changes.data?.length ? (
          <Empty>{t('aiSystems.noChanges')}</Empty>
        ) : (
          <ul className="plain-list">
            {changes.data.map((c, i) => (
              <li key={`${c.changedAt}-${i}`}>
                {dateTime(c.changedAt)}{' '}
                {c.material && <Badge tone="warn">{t('aiSystems.material')}</Badge>}{' '}
                {Object.keys(c.changes).join(', ')}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function AiSystemForm({
  initial,
  onSave,
  onCancel,
}: {
  initial?: AiSystem;
  onSave: (input: AiSystemInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, label } = useI18n();
  const [v, setV] = useState<AiSystemInput>(() => ({
    name: initial?.name ?? '',
    vendor: initial?.vendor ?? '',
    modelName: initial?.modelName ?? '',
    modelVersion: initial?.modelVersion ?? '',
    purpose: initial?.purpose ?? '',
    primaryPurpose: initial?.primaryPurpose ?? 'support',
    decisions: initial?.decisions ?? '',
    dataCategories: initial?.dataCategories ?? [],
    affectedGroups: initial?.affectedGroups ?? [],
    affectedHeadcount: initial?.affectedHeadcount ?? 0,
    monitoringCapability: initial?.monitoringCapability ?? false,
    goLiveDate: initial?.goLiveDate ?? undefined,
    status: initial?.status ?? 'planned',
  }));
  const save = useMutation(onSave);
  const set = <K extends keyof AiSystemInput>(key: K, value: AiSystemInput[K]) =>
    setV((x) => ({ ...x, [key]: value }));
  const list = (text: string) =>
    text
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save.submit({ ...v, goLiveDate: v.goLiveDate || undefined });
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <TextField
        label={t('aiSystems.name')}
        required
        value={v.name}
        onChange={(e) => set('name', e.target.value)}
      />
      <TextField
        label={t('aiSystems.vendor')}
        required
        value={v.vendor}
        onChange={(e) => set('vendor', e.target.value)}
      />
      <div className="grid-2">
        <TextField
          label={t('aiSystems.modelName')}
          value={v.modelName ?? ''}
          onChange={(e) => set('modelName', e.target.value)}
        />
        <TextField
          label={t('aiSystems.modelVersion')}
          value={v.modelVersion ?? ''}
          onChange={(e) => set('modelVersion', e.target.value)}
        />
      </div>
      <TextArea
        label={t('aiSystems.purpose')}
        required
        value={v.purpose}
        onChange={(e) => set('purpose', e.target.value)}
      />
      <SelectField
        label={t('aiSystems.primaryPurpose')}
        value={v.primaryPurpose}
        onChange={(e) => set('primaryPurpose', e.target.value as AiSystemInput['primaryPurpose'])}
      >
        {PURPOSES.map((p) => (
          <option key={p} value={p}>
            {label('purpose', p)}
          </option>
        ))}
      </SelectField>
      <TextArea
        label={t('aiSystems.decisions')}
        value={v.decisions ?? ''}
        onChange={(e) => set('decisions', e.target.value)}
      />
      <TextField
        label={t('aiSystems.dataCategories')}
        hint={t('common.commaSeparated')}
        defaultValue={(v.dataCategories ?? []).join(', ')}
        onBlur={(e) => set('dataCategories', list(e.target.value))}
      />
      <TextField
        label={t('aiSystems.affectedGroups')}
        hint={t('common.commaSeparated')}
        defaultValue={(v.affectedGroups ?? []).join(', ')}
        onBlur={(e) => set('affectedGroups', list(e.target.value))}
      />
      <TextField
        label={t('aiSystems.affectedHeadcount')}
        type="number"
        min={0}
        value={v.affectedHeadcount ?? 0}
        onChange={(e) => set('affectedHeadcount', Number(e.target.value))}
      />
      <Checkbox
        label={t('aiSystems.monitoringCapability')}
        hint={t('aiSystems.monitoringHint')}
        checked={v.monitoringCapability ?? false}
        onChange={(e) => set('monitoringCapability', e.target.checked)}
      />
      <div className="grid-2">
        <SelectField
          label={t('aiSystems.status')}
          value={v.status}
          onChange={(e) => set('status', e.target.value as AiSystemInput['status'])}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {label('systemStatus', s)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('aiSystems.goLiveDate')}
          type="date"
          value={v.goLiveDate ?? ''}
          onChange={(e) => set('goLiveDate', e.target.value || undefined)}
        />
      </div>
      <ErrorAlert error={save.error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
