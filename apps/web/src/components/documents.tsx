import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { allPages, api, downloadFile, type Schemas, unwrap } from '../api/client';
import type { Side } from '../domain';
import { useI18n } from '../i18n';
import {
  Badge,
  Button,
  Checkbox,
  Empty,
  ErrorAlert,
  Loading,
  SelectField,
  TextField,
  useMutation,
} from './ui';
import { keys } from '../queries';

type CaseResponse = Schemas['CaseResponse'];
type DocumentItem = Schemas['DocumentResponse'];

const UPLOADERS: readonly Side[] = ['employer', 'council_board', 'council_member'];

function formatSize(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} kB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The case documents: versions, and the WOR art. 20 confidentiality mark on each. */
export function Documents({ aiCase }: { aiCase: CaseResponse }) {
  const { t } = useI18n();
  const list = useQuery({
    queryKey: keys.case(aiCase.id, 'documents'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/cases/{caseId}/documents', {
            params: { query: { limit: 200, cursor }, path: { caseId: aiCase.id } },
          }),
        ),
      ).then((items) => ({ items })),
  });
  const canUpload = UPLOADERS.includes(aiCase.yourSide);
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t('documents.title')}</h2>
      <p className="hint">{t('documents.lead')}</p>
      {canUpload && (
        <UploadForm
          caseId={aiCase.id}
          worksCouncilId={
            aiCase.yourSide === 'council_board' || aiCase.yourSide === 'council_member'
              ? aiCase.worksCouncilId
              : null
          }
          onDone={() => void list.refetch()}
        />
      )}
      <ErrorAlert error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('documents.none')}</Empty>
      ) : (
        <ul className="plain-list documents">
          {list.data.items.map((d) => (
            <DocumentRow
              key={d.id}
              aiCase={aiCase}
              document={d}
              onChanged={() => void list.refetch()}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function DocumentRow({
  aiCase,
  document: d,
  onChanged,
}: {
  aiCase: CaseResponse;
  document: DocumentItem;
  onChanged: () => void;
}) {
  const { t, dateTime, day, label } = useI18n();
  const [open, setOpen] = useState(false);
  const detail = useQuery({
    queryKey: keys.case(aiCase.id, 'documents', d.id, open, d.version),
    queryFn: async () =>
      open
        ? unwrap(
            api.GET('/cases/{caseId}/documents/{documentId}', {
              params: { path: { caseId: aiCase.id, documentId: d.id } },
            }),
          )
        : null,
  });
  const download = useMutation((seq: number, filename: string) =>
    downloadFile(`/cases/${aiCase.id}/documents/${d.id}/versions/${seq}/content`, filename),
  );
  const canManage = aiCase.yourSide === 'employer' || aiCase.yourSide === 'council_board';
  return (
    <li className="card document" data-document={d.title} data-confidential={d.confidential}>
      <div className="document-head">
        <strong>{d.title}</strong>
        {d.confidential && <Badge tone="danger">{t('documents.confidential')}</Badge>}
        <Badge>{label('origin', d.origin)}</Badge>
        {d.dossierItem && <span className="muted small">{d.dossierItem}</span>}
        {d.kind === 'expert_opinion' && (
          <Badge tone="info">{t('documents.kindExpertOpinion')}</Badge>
        )}
        {d.kind === 'expert_opinion' && (
          <Badge tone={d.attachedToPositionAt ? 'ok' : 'warn'}>
            {t(d.attachedToPositionAt ? 'documents.attachedToPosition' : 'documents.notAttached')}
          </Badge>
        )}
      </div>
      {d.kind === 'expert_opinion' &&
        !d.attachedToPositionAt &&
        aiCase.yourSide === 'council_board' && (
          <AttachToPosition caseId={aiCase.id} document={d} onDone={onChanged} />
        )}
      {d.confidentiality && d.confidential && (
        <p className="small confidential-note">
          {t('documents.confidentialScope', { scope: d.confidentiality.scope })}
          {d.confidentiality.until &&
            ` ${t('documents.confidentialUntil', { date: day(d.confidentiality.until) })}`}
        </p>
      )}
      <p className="muted small">
        {d.latestVersion.filename} · {formatSize(d.latestVersion.sizeBytes)} ·{' '}
        {t('documents.versionOf', { seq: d.latestVersion.seq, count: d.versionCount })} ·{' '}
        {dateTime(d.latestVersion.uploadedAt)}
      </p>
      <div className="form-actions">
        <Button
          variant="secondary"
          busy={download.busy}
          onClick={() => void download.submit(d.latestVersion.seq, d.latestVersion.filename)}
        >
          {t('documents.download')}
          <span className="visually-hidden">: {d.title}</span>
        </Button>
        <Button variant="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('documents.versions')}
          <span className="visually-hidden">: {d.title}</span>
        </Button>
      </div>
      <ErrorAlert error={download.error} />
      {open && detail.data && (
        <div className="document-detail">
          <ol className="versions">
            {detail.data.versions.map((v) => (
              <li key={v.seq}>
                {t('documents.version', { seq: v.seq })}: {v.filename} · {formatSize(v.sizeBytes)} ·{' '}
                {dateTime(v.uploadedAt)}{' '}
                <Button variant="link" onClick={() => void download.submit(v.seq, v.filename)}>
                  {t('documents.download')}
                  <span className="visually-hidden">
                    : {d.title} {t('documents.version', { seq: v.seq })}
                  </span>
                </Button>
              </li>
            ))}
          </ol>
          {UPLOADERS.includes(aiCase.yourSide) && (
            <NewVersionForm caseId={aiCase.id} document={d} onDone={onChanged} />
          )}
          {canManage && <ConfidentialityForm caseId={aiCase.id} document={d} onDone={onChanged} />}
        </div>
      )}
    </li>
  );
}

/** The council's chair or secretary shows its expert's opinion to the employer (issue #19). */
function AttachToPosition({
  caseId,
  document: d,
  onDone,
}: {
  caseId: string;
  document: DocumentItem;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const attach = useMutation(async () => {
    await unwrap(
      api.PUT('/cases/{caseId}/documents/{documentId}/position-attachment', {
        params: { path: { caseId, documentId: d.id } },
        body: { version: d.version },
      }),
    );
    onDone();
  });
  return (
    <div className="form-actions">
      <Button variant="secondary" busy={attach.busy} onClick={() => void attach.submit()}>
        {t('documents.attachToPosition')}
        <span className="visually-hidden">: {d.title}</span>
      </Button>
      <ErrorAlert error={attach.error} />
    </div>
  );
}

function UploadForm({
  caseId,
  worksCouncilId,
  onDone,
}: {
  caseId: string;
  /** The council's own members may upload their expert's opinion. */
  worksCouncilId: string | null;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [engagementId, setEngagementId] = useState('');
  const engagements = useQuery({
    queryKey: keys.council(worksCouncilId, 'expert-engagements'),
    enabled: worksCouncilId !== null,
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/works-councils/{worksCouncilId}/expert-engagements', {
            params: {
              path: { worksCouncilId: worksCouncilId ?? '' },
              query: { limit: 200, cursor },
            },
          }),
        ),
      ),
  });
  const engaged = (engagements.data ?? []).filter((e) => e.status === 'engaged');
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [dossierItem, setDossierItem] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [scope, setScope] = useState('');
  const [until, setUntil] = useState('');
  const [formKey, setFormKey] = useState(0);
  const [open, setOpen] = useState(false);
  const upload = useMutation(async () => {
    if (!file) {
      return;
    }
    const form = new FormData();
    form.append('file', file);
    form.append('title', title.trim());
    if (dossierItem.trim()) {
      form.append('dossierItem', dossierItem.trim());
    }
    if (engagementId) {
      form.append('kind', 'expert_opinion');
      form.append('expertEngagementId', engagementId);
    }
    if (confidential) {
      form.append('confidentialScope', scope.trim());
      if (until) {
        form.append('confidentialUntil', until);
      }
    }
    await unwrap(
      api.POST('/cases/{caseId}/documents', {
        params: { path: { caseId } },
        body: form as never,
        bodySerializer: (body) => body as unknown as FormData,
      }),
    );
    setTitle('');
    setFile(null);
    setConfidential(false);
    setScope('');
    setUntil('');
    setFormKey((k) => k + 1);
    setOpen(false);
    onDone();
  });
  return (
    <details
      className="action upload"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>{t('documents.upload')}</summary>
      <form
        key={formKey}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void upload.submit();
        }}
      >
        <TextField
          label={t('documents.docTitle')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
        />
        <TextField
          label={t('documents.file')}
          hint={t('documents.fileHint')}
          type="file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          required
        />
        <TextField
          label={t('documents.dossierItem')}
          hint={t('documents.dossierItemHint')}
          value={dossierItem}
          onChange={(e) => setDossierItem(e.target.value)}
        />
        {engaged.length > 0 && (
          <SelectField
            label={t('documents.expertEngagement')}
            hint={t('documents.expertOpinionHint')}
            value={engagementId}
            onChange={(e) => setEngagementId(e.target.value)}
          >
            <option value="">–</option>
            {engaged.map((e) => (
              <option key={e.id} value={e.id}>
                {t('documents.kindExpertOpinion')}: {e.expert?.displayName ?? e.purpose}
              </option>
            ))}
          </SelectField>
        )}
        <Checkbox
          label={t('documents.markConfidential')}
          hint={t('documents.markConfidentialHint')}
          checked={confidential}
          onChange={(e) => setConfidential(e.target.checked)}
        />
        {confidential && (
          <>
            <TextField
              label={t('documents.scope')}
              value={scope}
              onChange={(e) => setScope(e.target.value)}
              required
            />
            <TextField
              label={t('documents.until')}
              type="date"
              value={until}
              onChange={(e) => setUntil(e.target.value)}
            />
          </>
        )}
        <ErrorAlert error={upload.error} />
        <button
          type="submit"
          className="button button-primary"
          disabled={upload.busy || !file || !title.trim() || (confidential && !scope.trim())}
        >
          {t('documents.uploadSubmit')}
        </button>
      </form>
    </details>
  );
}

function NewVersionForm({
  caseId,
  document: d,
  onDone,
}: {
  caseId: string;
  document: DocumentItem;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation(async () => {
    if (!file) {
      return;
    }
    const form = new FormData();
    form.append('file', file);
    form.append('version', String(d.version));
    await unwrap(
      api.POST('/cases/{caseId}/documents/{documentId}/versions', {
        params: { path: { caseId, documentId: d.id } },
        body: form as never,
        bodySerializer: (body) => body as unknown as FormData,
      }),
    );
    setFile(null);
    onDone();
  });
  return (
    <form
      className="inline-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void upload.submit();
      }}
    >
      <TextField
        label={t('documents.newVersion')}
        type="file"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <ErrorAlert error={upload.error} />
      <button type="submit" className="button button-secondary" disabled={upload.busy || !file}>
        {t('documents.uploadVersion')}
      </button>
    </form>
  );
}

function ConfidentialityForm({
  caseId,
  document: d,
  onDone,
}: {
  caseId: string;
  document: DocumentItem;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [scope, setScope] = useState(d.confidentiality?.scope ?? '');
  const [until, setUntil] = useState(d.confidentiality?.until ?? '');
  const impose = useMutation(async () => {
    await unwrap(
      api.PUT('/cases/{caseId}/documents/{documentId}/confidentiality', {
        params: { path: { caseId, documentId: d.id } },
        body: { version: d.version, scope: scope.trim(), ...(until ? { until } : {}) },
      }),
    );
    onDone();
  });
  const lift = useMutation(async () => {
    await unwrap(
      api.DELETE('/cases/{caseId}/documents/{documentId}/confidentiality', {
        params: { path: { caseId, documentId: d.id } },
      }),
    );
    onDone();
  });
  return (
    <form
      className="inline-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void impose.submit();
      }}
    >
      <TextField
        label={t('documents.scope')}
        hint={t('documents.markConfidentialHint')}
        value={scope}
        onChange={(e) => setScope(e.target.value)}
      />
      <TextField
        label={t('documents.until')}
        type="date"
        value={until ?? ''}
        onChange={(e) => setUntil(e.target.value)}
      />
      <ErrorAlert error={impose.error ?? lift.error} />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-secondary"
          disabled={impose.busy || !scope.trim()}
        >
          {d.confidential ? t('documents.updateConfidential') : t('documents.markConfidential')}
        </button>
        {d.confidential && (
          <Button variant="danger" busy={lift.busy} onClick={() => void lift.submit()}>
            {t('documents.liftConfidential')}
          </Button>
        )}
      </div>
    </form>
  );
}
