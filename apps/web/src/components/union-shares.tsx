import { type FormEvent, useState } from 'react';

import { api, type Schemas, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { Badge, Button, Empty, ErrorAlert, SelectField, TextField, useAsync, useMutation } from './ui';

type CaseResponse = Schemas['CaseResponse'];
type Share = Schemas['UnionShareResponse'];

/**
 * Which unions see this case, and how much (status and deadlines, or also the non-confidential
 * dossier). The council's chair or secretary grants, narrows and revokes; confidential documents
 * are never shared.
 */
export function UnionShares({ aiCase, version }: { aiCase: CaseResponse; version: number }) {
  const { t, label, dateTime } = useI18n();
  const shares = useAsync(() => unwrap(api.GET('/works-councils/{worksCouncilId}/union-shares', { params: { path: { worksCouncilId: aiCase.worksCouncilId } } })), [aiCase.worksCouncilId, version]);
  const relevant = (shares.data ?? []).filter((s) => s.active && (s.caseId === aiCase.id || s.caseId === null));
  const knownUnions = [...new Set((shares.data ?? []).map((s) => s.unionOrganisationId))];
  return (
    <section className="card" aria-labelledby="shares-title">
      <h2 id="shares-title">{t('shares.title')}</h2>
      <p className="hint">{t('shares.lead')}</p>
      <ErrorAlert error={shares.error} />
      {relevant.length === 0 ? (
        <Empty>{t('shares.none')}</Empty>
      ) : (
        <ul className="plain-list">
          {relevant.map((s) => (
            <ShareRow key={s.id} share={s} onChanged={() => void shares.reload()} when={dateTime(s.grantedAt)} scopeLabel={label('shareScope', s.scope)} />
          ))}
        </ul>
      )}
      <GrantForm aiCase={aiCase} knownUnions={knownUnions} onDone={() => void shares.reload()} />
    </section>
  );
}

function ShareRow({ share: s, onChanged, when, scopeLabel }: { share: Share; onChanged: () => void; when: string; scopeLabel: string }) {
  const { t } = useI18n();
  const revoke = useMutation(async () => {
    await unwrap(api.DELETE('/union-shares/{unionShareId}', { params: { path: { unionShareId: s.id } } }));
    onChanged();
  });
  const change = useMutation(async () => {
    await unwrap(api.PATCH('/union-shares/{unionShareId}', { params: { path: { unionShareId: s.id } }, body: { version: s.version, scope: s.scope === 'status' ? 'dossier' : 'status' } }));
    onChanged();
  });
  return (
    <li className="share" data-share={s.id}>
      <Badge tone="info">{scopeLabel}</Badge> {s.caseId ? t('shares.thisCase') : t('shares.allCases')} · {t('shares.union', { id: s.unionOrganisationId.slice(0, 8) })} · {when}{' '}
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

function GrantForm({ aiCase, knownUnions, onDone }: { aiCase: CaseResponse; knownUnions: string[]; onDone: () => void }) {
  const { t } = useI18n();
  const [unionId, setUnionId] = useState('');
  const [scope, setScope] = useState<'status' | 'dossier'>('status');
  const union = unionId || knownUnions[0] || '';
  const grant = useMutation(async () => {
    await unwrap(api.POST('/works-councils/{worksCouncilId}/union-shares', { params: { path: { worksCouncilId: aiCase.worksCouncilId } }, body: { caseId: aiCase.id, scope, unionOrganisationId: union.trim() } }));
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
        <TextField label={t('shares.unionId')} hint={t('shares.unionIdHint')} list="known-unions" value={union} onChange={(e) => setUnionId(e.target.value)} required />
        <datalist id="known-unions">
          {knownUnions.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        <SelectField label={t('shares.scope')} value={scope} onChange={(e) => setScope(e.target.value === 'dossier' ? 'dossier' : 'status')}>
          <option value="status">{t('shareScope.status')}</option>
          <option value="dossier">{t('shareScope.dossier')}</option>
        </SelectField>
        <ErrorAlert error={grant.error} />
        <button type="submit" className="button button-primary" disabled={grant.busy || !union.trim()}>
          {t('shares.grantSubmit')}
        </button>
      </form>
    </details>
  );
}
