import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import { POSITIONS } from '../domain';
import { useI18n } from '../i18n';
import {
  Badge,
  Empty,
  ErrorAlert,
  Loading,
  SelectField,
  TextArea,
  TextField,
  useMutation,
} from './ui';
import { keys } from '../queries';

type CaseResponse = Schemas['CaseResponse'];
type Vote = Schemas['VoteResponse'];

/**
 * The council-internal space: the council's own notes and votes, never shown to the employer side.
 * A closed vote whose winner is a position can become the council's advice or consent decision.
 */
export function CouncilSpace({
  aiCase,
  names,
}: {
  aiCase: CaseResponse;
  names: Map<string, string>;
}) {
  const { t } = useI18n();
  return (
    <div className="council-space">
      <p className="alert alert-info">{t('council.lead')}</p>
      <Votes aiCase={aiCase} />
      <Notes aiCase={aiCase} names={names} />
    </div>
  );
}

function Votes({ aiCase }: { aiCase: CaseResponse }) {
  const { t } = useI18n();
  const votes = useQuery({
    queryKey: keys.case(aiCase.id, 'votes'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/cases/{caseId}/internal/votes', {
            params: { query: { limit: 200, cursor }, path: { caseId: aiCase.id } },
          }),
        ),
      ),
  });
  return (
    <section className="card" aria-labelledby="votes-title">
      <h2 id="votes-title">{t('council.votes')}</h2>
      <OpenVoteForm aiCase={aiCase} onDone={() => void votes.refetch()} />
      <ErrorAlert error={votes.error} />
      {!votes.data ? (
        <Loading />
      ) : votes.data.length === 0 ? (
        <Empty>{t('council.noVotes')}</Empty>
      ) : (
        <ul className="plain-list votes">
          {votes.data.map((v) => (
            <VoteItem key={v.id} aiCase={aiCase} vote={v} onChanged={() => void votes.refetch()} />
          ))}
        </ul>
      )}
    </section>
  );
}

function optionLabel(option: string, label: (group: string, value: string) => string): string {
  return [...POSITIONS.advice, ...POSITIONS.consent].includes(option)
    ? label('position', option)
    : option;
}

function OpenVoteForm({ aiCase, onDone }: { aiCase: CaseResponse; onDone: () => void }) {
  const { t } = useI18n();
  const [proposal, setProposal] = useState('');
  const [preset, setPreset] = useState<'advice' | 'consent' | 'custom'>(
    aiCase.tracks.some((tr) => tr.kind === 'advice') ? 'advice' : 'consent',
  );
  const [custom, setCustom] = useState('');
  const [quorum, setQuorum] = useState(2);
  const [closesAt, setClosesAt] = useState('');
  const [expanded, setExpanded] = useState(false);
  const open = useMutation(async () => {
    const options =
      preset === 'custom'
        ? custom
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean)
        : [...POSITIONS[preset]];
    const closes = closesAt
      ? new Date(closesAt).toISOString()
      : new Date(Date.now() + 7 * 86_400_000).toISOString();
    await unwrap(
      api.POST('/cases/{caseId}/internal/votes', {
        params: { path: { caseId: aiCase.id } },
        body: { proposal: proposal.trim(), options, quorum, closesAt: closes },
      }),
    );
    setProposal('');
    setExpanded(false);
    onDone();
  });
  return (
    <details
      className="action"
      open={expanded}
      onToggle={(e) => setExpanded((e.target as HTMLDetailsElement).open)}
    >
      <summary>{t('council.openVote')}</summary>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void open.submit();
        }}
      >
        <TextArea
          label={t('council.proposal')}
          value={proposal}
          onChange={(e) => setProposal(e.target.value)}
          required
        />
        <SelectField
          label={t('council.options')}
          value={preset}
          onChange={(e) => setPreset(e.target.value as 'advice' | 'consent' | 'custom')}
        >
          <option value="advice">{t('council.presetAdvice')}</option>
          <option value="consent">{t('council.presetConsent')}</option>
          <option value="custom">{t('council.presetCustom')}</option>
        </SelectField>
        {preset === 'custom' && (
          <TextArea
            label={t('council.customOptions')}
            hint={t('actionField.conditionsHint')}
            value={custom}
            onChange={(e) => setCustom(e.target.value)}
          />
        )}
        <TextField
          label={t('council.quorum')}
          type="number"
          min={1}
          value={quorum}
          onChange={(e) => setQuorum(Number(e.target.value))}
        />
        <TextField
          label={t('council.closesAt')}
          hint={t('council.closesAtHint')}
          type="datetime-local"
          value={closesAt}
          onChange={(e) => setClosesAt(e.target.value)}
        />
        <ErrorAlert error={open.error} />
        <button
          type="submit"
          className="button button-primary"
          disabled={open.busy || !proposal.trim()}
        >
          {t('council.openVoteSubmit')}
        </button>
      </form>
    </details>
  );
}

function VoteItem({
  aiCase,
  vote: v,
  onChanged,
}: {
  aiCase: CaseResponse;
  vote: Vote;
  onChanged: () => void;
}) {
  const { t, label, dateTime } = useI18n();
  const queryClient = useQueryClient();
  const [confirmClose, setConfirmClose] = useState(false);
  const [choice, setChoice] = useState(v.yourBallot ?? '');
  const [track, setTrack] = useState<'advice' | 'consent'>(
    aiCase.tracks.some((tr) => tr.kind === 'advice') ? 'advice' : 'consent',
  );
  const [reasons, setReasons] = useState('');
  const cast = useMutation(async () => {
    await unwrap(
      api.PUT('/cases/{caseId}/internal/votes/{voteId}/ballot', {
        params: { path: { caseId: aiCase.id, voteId: v.id } },
        body: { option: choice },
      }),
    );
    onChanged();
  });
  const close = useMutation(async () => {
    await unwrap(
      api.POST('/cases/{caseId}/internal/votes/{voteId}/close', {
        params: { path: { caseId: aiCase.id, voteId: v.id } },
        body: { version: v.version },
      }),
    );
    setConfirmClose(false);
    onChanged();
  });
  const adopt = useMutation(async () => {
    await unwrap(
      api.POST('/cases/{caseId}/internal/votes/{voteId}/adopt', {
        params: { path: { caseId: aiCase.id, voteId: v.id } },
        body: { version: v.version, track, ...(reasons.trim() ? { reasons: reasons.trim() } : {}) },
      }),
    );
    onChanged();
    // The adopted result is now the council's position on the track: the case shows it.
    void queryClient.invalidateQueries({ queryKey: keys.case(aiCase.id) });
  });
  const board = aiCase.yourSide === 'council_board';
  return (
    <li className="card vote" data-vote={v.id} data-status={v.status}>
      <div className="notification-head">
        <strong>{v.proposal}</strong>
        <Badge tone={v.status === 'open' ? 'info' : 'neutral'}>
          {t(`council.status.${v.status}`)}
        </Badge>
        {v.adoptedAsPosition && (
          <Badge tone="ok">
            {t('council.adopted', { track: label('track', v.adoptedTrack ?? '') })}
          </Badge>
        )}
      </div>
      <p className="muted small">
        {t('council.ballots', { cast: v.ballotsCast, quorum: v.quorum })}
        {v.councilSize !== null && (
          <span data-testid="quorum-of-size">
            {' '}
            ({t('council.quorumOfSize', { quorum: v.quorum, size: v.councilSize })})
          </span>
        )}{' '}
        ·{' '}
        {v.status === 'open'
          ? t('council.closes', { date: dateTime(v.closesAt) })
          : t('council.closed', { date: dateTime(v.closedAt) })}
      </p>
      {v.status === 'open' && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void cast.submit();
          }}
        >
          <fieldset>
            <legend>{t('council.yourVote')}</legend>
            {v.options.map((o) => (
              <label key={o} className="radio-line">
                <input
                  type="radio"
                  name={`ballot-${v.id}`}
                  value={o}
                  checked={choice === o}
                  onChange={() => setChoice(o)}
                />{' '}
                {optionLabel(o, label)}
              </label>
            ))}
          </fieldset>
          <ErrorAlert error={cast.error} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={cast.busy || !choice}>
              {v.yourBallot ? t('council.changeVote') : t('council.castVote')}
            </button>
            {board && !confirmClose && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setConfirmClose(true)}
              >
                {t('council.closeVote')}
              </button>
            )}
          </div>
          {board && confirmClose && (
            <div className="alert alert-warn" role="alertdialog" aria-labelledby={`close-${v.id}`}>
              <p id={`close-${v.id}`}>
                {t('council.closeConfirm', { cast: v.ballotsCast, quorum: v.quorum })}
              </p>
              <div className="form-actions">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={close.busy}
                  onClick={() => void close.submit()}
                >
                  {t('council.closeConfirmYes')}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setConfirmClose(false)}
                >
                  {t('council.closeConfirmNo')}
                </button>
              </div>
            </div>
          )}
          <ErrorAlert error={close.error} />
        </form>
      )}
      {v.result && (
        <div className="vote-result">
          <ul className="plain-list">
            {v.options.map((o) => (
              <li key={o}>
                {optionLabel(o, label)}: <strong>{v.result?.counts[o] ?? 0}</strong>
                {v.result?.winner === o && <Badge tone="ok">{t('council.winner')}</Badge>}
              </li>
            ))}
          </ul>
          {!v.result.quorumMet && <p className="alert alert-warn">{t('council.noQuorum')}</p>}
        </div>
      )}
      {board && v.status === 'closed' && !v.adoptedAsPosition && v.result?.winner && (
        <details className="action">
          <summary>{t('council.adopt')}</summary>
          <form
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void adopt.submit();
            }}
          >
            <SelectField
              label={t('council.track')}
              value={track}
              onChange={(e) => setTrack(e.target.value === 'consent' ? 'consent' : 'advice')}
            >
              {aiCase.tracks
                .filter((tr) => tr.kind === 'advice' || tr.kind === 'consent')
                .map((tr) => (
                  <option key={tr.kind} value={tr.kind}>
                    {label('track', tr.kind)}
                  </option>
                ))}
            </SelectField>
            <TextArea
              label={t('actionField.reasons')}
              value={reasons}
              onChange={(e) => setReasons(e.target.value)}
            />
            <ErrorAlert error={adopt.error} />
            <button type="submit" className="button button-primary" disabled={adopt.busy}>
              {t('council.adoptSubmit')}
            </button>
          </form>
        </details>
      )}
    </li>
  );
}

function Notes({ aiCase, names }: { aiCase: CaseResponse; names: Map<string, string> }) {
  const { t, dateTime, label } = useI18n();
  const notes = useQuery({
    queryKey: keys.case(aiCase.id, 'notes'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/cases/{caseId}/internal/notes', {
            params: { query: { limit: 200, cursor }, path: { caseId: aiCase.id } },
          }),
        ),
      ),
  });
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<'note' | 'draft_position'>('note');
  const add = useMutation(async () => {
    await unwrap(
      api.POST('/cases/{caseId}/internal/notes', {
        params: { path: { caseId: aiCase.id } },
        body: {
          kind,
          body: body.trim(),
          ...(kind === 'draft_position' ? { track: 'advice' as const } : {}),
        },
      }),
    );
    setBody('');
    await notes.refetch();
  });
  return (
    <section className="card" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('council.notes')}</h2>
      {!notes.data ? (
        <Loading />
      ) : notes.data.length === 0 ? (
        <Empty>{t('council.noNotes')}</Empty>
      ) : (
        <ul className="plain-list">
          {notes.data.map((n) => (
            <li key={n.id} className="comment">
              {n.kind === 'draft_position' && (
                <Badge tone="info">
                  {t('council.draftPosition', { track: label('track', n.track ?? 'advice') })}
                </Badge>
              )}
              <p>{n.body}</p>
              <p className="muted small">
                {names.get(n.authorId) ?? t('common.someone')} · {dateTime(n.updatedAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void add.submit();
        }}
      >
        <SelectField
          label={t('council.noteKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value === 'draft_position' ? 'draft_position' : 'note')}
        >
          <option value="note">{t('council.kindNote')}</option>
          <option value="draft_position">{t('council.kindDraft')}</option>
        </SelectField>
        <TextArea
          label={t('council.noteBody')}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          required
        />
        <ErrorAlert error={add.error ?? notes.error} />
        <button type="submit" className="button button-primary" disabled={add.busy || !body.trim()}>
          {t('council.addNote')}
        </button>
      </form>
    </section>
  );
}

/**
 * Shown where the council records its position on a track: a vote on the case that is still open
 * would be overtaken by recording the position by hand (issue #18). A warning, not a refusal.
 */
export function OpenVoteWarning({ aiCase }: { aiCase: CaseResponse }) {
  const { t } = useI18n();
  const votes = useQuery({
    queryKey: keys.case(aiCase.id, 'votes'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/cases/{caseId}/internal/votes', {
            params: { path: { caseId: aiCase.id }, query: { limit: 200, cursor } },
          }),
        ),
      ),
    enabled: aiCase.yourSide === 'council_board' || aiCase.yourSide === 'council_member',
  });
  const open = (votes.data ?? []).filter((v) => v.status === 'open');
  if (open.length === 0) {
    return null;
  }
  return (
    <p className="alert alert-warn" role="status" data-testid="open-vote-warning">
      {t('council.openVoteWarning', { count: open.length, proposal: open[0].proposal })}
    </p>
  );
}
