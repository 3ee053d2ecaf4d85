import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { api, downloadFile, type Schemas, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { keys, usePagedList } from '../queries';
import { LetterForm, type LetterFieldValues } from './letter-form';
import {
  Badge,
  Button,
  Empty,
  ErrorAlert,
  Loading,
  MoreButton,
  SelectField,
  TextArea,
  useMutation,
} from './ui';

type CaseResponse = Schemas['CaseResponse'];
type Letter = Schemas['LetterResponse'];
type LetterKind = Schemas['CreateLetterDto']['kind'];

/** What each party drafts (the server refuses the rest; this only narrows the choice). */
const KINDS_BY_PARTY: Record<'employer' | 'council', readonly LetterKind[]> = {
  employer: [
    'advice_request',
    'consent_request',
    'employer_decision',
    'consultation_request',
    'ai_act_notice',
  ],
  council: [
    'council_decision',
    'information_request',
    'consultation_request',
    'nullity_invocation',
    'expert_cost_notice',
    'initiative_proposal',
  ],
};
const NEEDS_TRACK: readonly LetterKind[] = [
  'consultation_request',
  'council_decision',
  'employer_decision',
];

/**
 * Issue #22: the case's formal letters. A party drafts from the case, edits, its authorised role
 * signs off and sends; the other party's opening or acknowledgement records the receipt date,
 * which starts the term. What the reader may do comes from the server (`allowedActions`).
 */
export function Letters({ aiCase }: { aiCase: CaseResponse }) {
  const { t } = useI18n();
  const party =
    aiCase.yourSide === 'employer'
      ? 'employer'
      : aiCase.yourSide === 'council_board' || aiCase.yourSide === 'council_member'
        ? 'council'
        : null;
  if (party === null) {
    return <Empty>{t('letters.notParty')}</Empty>;
  }
  return (
    <section aria-labelledby="letters-title">
      <h2 id="letters-title">{t('letters.title')}</h2>
      <p className="hint">{t('letters.lead')}</p>
      <LetterList aiCase={aiCase} party={party} />
    </section>
  );
}

/** The case's letters page by page (a case may hold more than one page of them). */
function LetterList({ aiCase, party }: { aiCase: CaseResponse; party: 'employer' | 'council' }) {
  const { t } = useI18n();
  const caseId = aiCase.id;
  const list = usePagedList(keys.case(caseId, 'letters'), (cursor) =>
    unwrap(api.GET('/cases/{caseId}/letters', { params: { path: { caseId }, query: { cursor } } })),
  );
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <>
      <NewLetter aiCase={aiCase} party={party} onCreated={(id) => setOpenId(id)} />
      {!list.items ? (
        list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <Loading />
        )
      ) : list.items.length === 0 ? (
        <Empty>{t('letters.none')}</Empty>
      ) : (
        <>
          <ul className="letter-list">
            {list.items.map((l) => (
              <li key={l.id} data-letter-id={l.id}>
                <Button variant="link" onClick={() => setOpenId(openId === l.id ? null : l.id)}>
                  {l.subject}
                </Button>{' '}
                <Badge
                  tone={l.status === 'received' ? 'ok' : l.status === 'sent' ? 'info' : 'neutral'}
                >
                  {t(`letters.status.${l.status}` as 'letters.status.draft')}
                </Badge>
                {l.receivedOn && <span> {t('letters.receivedOn', { day: l.receivedOn })}</span>}
                {openId === l.id && <LetterDetail caseId={caseId} letterId={l.id} />}
              </li>
            ))}
          </ul>
          <MoreButton list={list} />
        </>
      )}
    </>
  );
}

function NewLetter({
  aiCase,
  party,
  onCreated,
}: {
  aiCase: CaseResponse;
  party: 'employer' | 'council';
  onCreated: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const kinds = KINDS_BY_PARTY[party];
  const [kind, setKind] = useState<LetterKind>(kinds[0]);
  const worTracks = aiCase.tracks.filter((x) => x.kind === 'advice' || x.kind === 'consent');
  const [track, setTrack] = useState<string>(worTracks[0]?.kind ?? 'advice');
  const create = useMutation(async () => {
    const letter = await unwrap(
      api.POST('/cases/{caseId}/letters', {
        params: { path: { caseId: aiCase.id } },
        body: {
          kind,
          language: lang,
          ...(NEEDS_TRACK.includes(kind) ? { track: track as 'advice' | 'consent' } : {}),
        },
      }),
    );
    await queryClient.invalidateQueries({ queryKey: keys.case(aiCase.id, 'letters') });
    onCreated(letter.id);
  });
  return (
    <form
      className="card"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void create.submit();
      }}
    >
      <SelectField
        label={t('letters.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as LetterKind)}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(`letters.kind.${k}` as 'letters.kind.advice_request')}
          </option>
        ))}
      </SelectField>
      {NEEDS_TRACK.includes(kind) && (
        <SelectField
          label={t('letters.track')}
          value={track}
          onChange={(e) => setTrack(e.target.value)}
        >
          {worTracks.map((x) => (
            <option key={x.kind} value={x.kind}>
              {t(`letters.track.${x.kind}` as 'letters.track.advice')}
            </option>
          ))}
        </SelectField>
      )}
      <ErrorAlert error={create.error} />
      <button type="submit" className="button button-primary" disabled={create.busy}>
        {t('letters.draft')}
      </button>
    </form>
  );
}

function LetterDetail({ caseId, letterId }: { caseId: string; letterId: string }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const letter = useQuery({
    queryKey: keys.case(caseId, 'letters', letterId),
    // The recipient's first opening records the receipt: the list shows it after this read.
    queryFn: async () => {
      const read = await unwrap(
        api.GET('/cases/{caseId}/letters/{letterId}', { params: { path: { caseId, letterId } } }),
      );
      void queryClient.invalidateQueries({ queryKey: keys.case(caseId, 'letters'), exact: true });
      return read;
    },
  });
  const done = async (next: Letter) => {
    queryClient.setQueryData(keys.case(caseId, 'letters', letterId), next);
    await queryClient.invalidateQueries({ queryKey: keys.case(caseId, 'letters'), exact: true });
  };
  const path = { params: { path: { caseId, letterId } } };
  const [saveError, setSaveError] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);
  // The form puts field errors at their fields, so it gets the failure back to read them.
  const save = async (l: Letter, values: { body: string; fields?: LetterFieldValues }) => {
    setSaving(true);
    setSaveError(undefined);
    try {
      await done(
        await unwrap(
          api.PUT('/cases/{caseId}/letters/{letterId}', {
            ...path,
            body: { version: l.version, ...values },
          }),
        ),
      );
    } catch (error) {
      setSaveError(error);
      throw error;
    } finally {
      setSaving(false);
    }
  };
  const signOff = useMutation(async (l: Letter) =>
    done(
      await unwrap(
        api.POST('/cases/{caseId}/letters/{letterId}/sign-off', {
          ...path,
          body: { version: l.version },
        }),
      ),
    ),
  );
  const send = useMutation(async (l: Letter) =>
    done(
      await unwrap(
        api.POST('/cases/{caseId}/letters/{letterId}/sending', {
          ...path,
          body: { version: l.version, delivery: 'platform' },
        }),
      ),
    ),
  );
  const [answerText, setAnswerText] = useState('');
  const answer = useMutation(async (l: Letter) =>
    done(
      await unwrap(
        api.POST('/cases/{caseId}/letters/{letterId}/answer', {
          ...path,
          body: { version: l.version, answer: answerText },
        }),
      ),
    ),
  );
  const acknowledge = useMutation(async () =>
    done(
      await unwrap(api.POST('/cases/{caseId}/letters/{letterId}/receipt', { ...path, body: {} })),
    ),
  );
  const pdf = useMutation(() =>
    downloadFile(`/cases/${caseId}/letters/${letterId}/pdf`, `letter-${letterId}.pdf`),
  );
  const docx = useMutation(() =>
    downloadFile(`/cases/${caseId}/letters/${letterId}/docx`, `letter-${letterId}.docx`),
  );
  if (!letter.data) {
    return letter.error ? <ErrorAlert error={letter.error} /> : <Loading />;
  }
  const l = letter.data;
  const can = (action: Letter['allowedActions'][number]) => l.allowedActions.includes(action);
  const s = l.structured;
  return (
    <div className="card letter" data-status={l.status}>
      <p>
        <strong>{s.subject}</strong>
      </p>
      <p className="hint">
        {s.caseReference} · {s.from} → {s.to} · {t('letters.version', { seq: l.versionSeq })}
      </p>
      {can('edit') ? (
        <LetterForm
          key={l.version}
          letter={l}
          busy={saving}
          error={saveError}
          onSave={(values) => save(l, values)}
        />
      ) : (
        l.body && <p>{l.body}</p>
      )}
      {s.sections.map((section) => (
        <div key={section.heading}>
          <h3>{section.heading}</h3>
          {section.lines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      ))}
      {s.terms.length > 0 && (
        <>
          <h3>{t('letters.terms')}</h3>
          <ul>
            {s.terms.map((term) => (
              <li key={term.ruleId}>
                {term.label}: {term.lastDay} ({term.basis})
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('letters.references')}</h3>
      <ul>
        {s.references.map((ref) => (
          <li key={ref}>{ref}</li>
        ))}
      </ul>
      {l.missing.length > 0 && (
        <p className="hint">
          {t('letters.missing', {
            fields: l.missing
              .map((name) => l.fieldDefinitions.find((d) => d.name === name)?.label[lang] ?? name)
              .join(', '),
          })}
        </p>
      )}
      {l.receipt.length > 0 && (
        <>
          <h3>{t('letters.receipt')}</h3>
          <ul>
            {l.receipt.map((r, i) => (
              <li key={i}>
                {r.on}: {t(`letters.via.${r.via}` as 'letters.via.opened')}
              </li>
            ))}
          </ul>
        </>
      )}
      {l.answer && (
        <>
          <h3>{t('letters.answer')}</h3>
          <p className="hint">{t('letters.answeredOn', { day: l.answer.on })}</p>
          <p>{l.answer.text}</p>
        </>
      )}
      {can('answer') && (
        <div className="letter-answer">
          <TextArea
            label={t('letters.answer')}
            hint={t('letters.answerHint')}
            value={answerText}
            onChange={(e) => setAnswerText(e.target.value)}
          />
          <Button
            busy={answer.busy}
            disabled={answerText.trim() === ''}
            onClick={() => void answer.submit(l)}
          >
            {t('letters.answerSend')}
          </Button>
          <ErrorAlert error={answer.error} />
        </div>
      )}
      <div className="actions">
        {can('sign_off') && (
          <Button busy={signOff.busy} onClick={() => void signOff.submit(l)}>
            {t('letters.signOff')}
          </Button>
        )}
        {can('send') && (
          <Button busy={send.busy} onClick={() => void send.submit(l)}>
            {t('letters.send')}
          </Button>
        )}
        {can('acknowledge') && (
          <Button busy={acknowledge.busy} onClick={() => void acknowledge.submit()}>
            {t('letters.acknowledge')}
          </Button>
        )}
        <Button variant="secondary" busy={pdf.busy} onClick={() => void pdf.submit()}>
          PDF
        </Button>
        <Button variant="secondary" busy={docx.busy} onClick={() => void docx.submit()}>
          DOCX
        </Button>
      </div>
      <ErrorAlert
        error={signOff.error ?? send.error ?? acknowledge.error ?? pdf.error ?? docx.error}
      />
    </div>
  );
}
