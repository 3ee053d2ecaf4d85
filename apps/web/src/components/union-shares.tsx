import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { Badge, Button, Empty, ErrorAlert, SelectField, useMutation } from './ui';
import { keys } from '../queries';

type CaseResponse = Schemas['CaseResponse'];
type Share = Schemas['UnionShareResponse'];
type Union = Schemas['UnionDirectoryEntryResponse'];

/**
 * Which unions see this case, and how much (status and deadlines, or also the non-confidential
 * dossier). The council's chair or secretary grants, narrows and revokes; confidential documents
 * are never shared.
 */
export function UnionShares({ aiCase }: { aiCase: CaseResponse }) {
  const { t, label, dateTime } = useI18n();
  const shares = useQuery({
    queryKey: keys.council(aiCase.worksCouncilId, 'union-shares'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/works-councils/{worksCouncilId}/union-shares', {
            params: {
              query: { limit: 200, cursor },
              path: { worksCouncilId: aiCase.worksCouncilId },
            },
          }),
        ),
      ),
  });
  const unions = useQuery({
    queryKey: keys.unions(),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/unions', { params: { query: { limit: 200, cursor } } })),
      ),
  });
  const relevant = (shares.data ?? []).filter(
    (s) => s.active && (s.caseId === aiCase.id || s.caseId === null),
  );
  // A union that already sees this case is changed through its share, not granted again.
  const sharedWith = new Set(relevant.map((s) => s.unionOrganisationId));
  return (
    <section className="card" aria-labelledby="shares-title">
      <h2 id="shares-title">{t('shares.title')}</h2>
      <p className="hint">{t('shares.lead')}</p>
      <ErrorAlert error={shares.error ?? unions.error} />
      {relevant.length === 0 ? (
        <Empty>{t('shares.none')}</Empty>
      ) : (
        <ul className="plain-list">
          {relevant.map((s) => (
            <ShareRow
              key={s.id}
              share={s}
              onChanged={() => void shares.refetch()}
              when={dateTime(s.grantedAt)}
              scopeLabel={label('shareScope', s.scope)}
            />
          ))}
        </ul>
      )}
      <GrantForm
        aiCase={aiCase}
        unions={(unions.data ?? []).filter((u) => !sharedWith.has(u.id))}
        onDone={() => void shares.refetch()}
      />
    </section>
  );
}

function ShareRow({
  share: s,
  onChanged,
  when,
  scopeLabel,
}: {
  share: Share;
  onChanged: () => void;
  when: string;
  scopeLabel: string;
}) {
  const { t } = useI18n();
  const revoke = useMutation(async () => {
    await unwrap(
      api.DELETE('/union-shares/{unionShareId}', { params: { path: { unionShareId: s.id } } }),
    );
    onChanged();
  });
  const change = useMutation(async () => {
    await unwrap(
      api.PATCH('/union-shares/{unionShareId}', {
        params: { path: { unionShareId: s.id } },
        body: { version: s.version, scope: s.scope === 'status' ? 'dossier' : 'status' },
      }),
    );
    onChanged();
  });
  return (
    <li className="share" data-share={s.id} data-union={s.unionOrganisationId}>
      <strong>{s.unionName}</strong> <Badge tone="info">{scopeLabel}</Badge>{' '}
      {s.caseId ? t('shares.thisCase') : t('shares.allCases')} · {when}{' '}
      <Button variant="link" busy={change.busy} onClick={() => void change.submit()}>
        {s.scope === 'status' ? t('shares.widen') : t('shares.narrow')}
      </Button>
      <Button variant="link" busy={revoke.busy} onClick={() => void revoke.submit()}>
        {t('shares.revoke')}
      </Button>
      <ErrorAlert error={revoke.error ?? change.error} />
    </li>
  );
}

function GrantForm({
  aiCase,
  unions,
  onDone,
}: {
  aiCase: CaseResponse;
  unions: Union[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [unionId, setUnionId] = useState('');
  const [scope, setScope] = useState<'status' | 'dossier'>('status');
  // A choice that is no longer offered (just shared with) falls back to "choose".
  const union = unions.some((u) => u.id === unionId) ? unionId : '';
  const grant = useMutation(async () => {
    await unwrap(
      api.POST('/works-councils/{worksCouncilId}/union-shares', {
        params: { path: { worksCouncilId: aiCase.worksCouncilId } },
        body: { caseId: aiCase.id, scope, unionOrganisationId: union },
      }),
    );
    setUnionId('');
    onDone();
  });
  return (
    <details className="action">
      <summary>{t('shares.grant')}</summary>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void grant.submit();
        }}
      >
        <SelectField
          label={t('shares.union')}
          hint={unions.length === 0 ? t('shares.noUnions') : undefined}
          value={union}
          onChange={(e) => setUnionId(e.target.value)}
          required
        >
          <option value="">{t('shares.chooseUnion')}</option>
          {unions.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('shares.scope')}
          value={scope}
          onChange={(e) => setScope(e.target.value === 'dossier' ? 'dossier' : 'status')}
        >
          <option value="status">{t('shareScope.status')}</option>
          <option value="dossier">{t('shareScope.dossier')}</option>
        </SelectField>
        <ErrorAlert error={grant.error} />
        <button type="submit" className="button button-primary" disabled={grant.busy || !union}>
          {t('shares.grantSubmit')}
        </button>
      </form>
    </details>
  );
}
