import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { formatValue } from '../format';

import { allPages, api, downloadFile, type Schemas, unwrap } from '../api/client';
import { AuditTrail } from '../components/audit';
import { StageBadge } from '../components/case-list';
import { CaseCommittee } from '../components/committee';
import { CsvButton } from '../components/csv-button';
import { Commitments } from '../components/commitments';
import { DaysLeft, DeadlineList } from '../components/deadlines';
import { CouncilSpace } from '../components/council-space';
import { Surveys } from '../components/surveys';
import { Discussion } from '../components/discussion';
import { Documents } from '../components/documents';
import { FilingChecklist, RequestContents } from '../components/filing';
import { Dossier } from '../components/dossier';
import { EvaluationTab } from '../components/evaluation';
import { GoLiveGate } from '../components/gate';
import { InformationRequests } from '../components/information-requests';
import { Letters } from '../components/letters';
import { NextActionHeader } from '../components/next-action';
import { Positions } from '../components/positions';
import { Timeline } from '../components/timeline';
import { TriageForm, TriageOutcome, useTriageQuestionnaire } from '../components/triage';
import { UnionShares } from '../components/union-shares';
import { Button, ErrorAlert, Loading, PageHeader, TextArea, useMutation } from '../components/ui';
import { type Side, TRACK_ORDER, triageOf } from '../domain';
import { useI18n } from '../i18n';
import { keys } from '../queries';
import { useCaseRoom } from '../realtime';
import { Link } from '../router';

type CaseResponse = Schemas['CaseResponse'];

const COUNCIL_SIDES: readonly Side[] = ['council_board', 'council_member'];

export function CasePage({ caseId, tab }: { caseId: string; tab: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const aiCase = useQuery({
    queryKey: keys.case(caseId, 'detail'),
    queryFn: () => unwrap(api.GET('/cases/{caseId}', { params: { path: { caseId } } })),
  });
  const side = aiCase.data?.yourSide;
  // Joined once the side is known, so a council member joins both rooms at once.
  const presence = useCaseRoom(side ? caseId : undefined, {
    internal: side !== undefined && COUNCIL_SIDES.includes(side),
  });
  const names = useNames(aiCase.data?.organisationId);

  if (!aiCase.data) {
    return aiCase.error ? <ErrorAlert error={aiCase.error} /> : <Loading />;
  }
  const c = aiCase.data;
  const tabs: Array<{ id: string; label: string }> = [
    { id: 'overview', label: t('case.tabOverview') },
    { id: 'triage', label: t('case.tabTriage') },
    { id: 'discussion', label: t('case.tabDiscussion') },
    ...(COUNCIL_SIDES.includes(c.yourSide) ? [{ id: 'council', label: t('case.tabCouncil') }] : []),
    { id: 'dossier', label: t('case.tabDossier') },
    { id: 'documents', label: t('case.tabDocuments') },
    { id: 'surveys', label: t('case.tabSurveys') },
    { id: 'information', label: t('case.tabInformation') },
    { id: 'commitments', label: t('case.tabCommitments') },
    ...(c.yourSide !== 'union' && c.yourSide !== 'expert' && c.status === 'sent'
      ? [{ id: 'letters', label: t('case.tabLetters') }]
      : []),
    { id: 'evaluation', label: t('case.tabEvaluation') },
    ...(c.yourSide !== 'union' && c.yourSide !== 'expert'
      ? [{ id: 'audit', label: t('case.tabAudit') }]
      : []),
  ];
  const active = tabs.some((x) => x.id === tab) ? tab : 'overview';
  // The answer is the case as it is now; the tabs refetch what the change may have moved.
  const onChanged = (next: CaseResponse) => {
    queryClient.setQueryData(keys.case(caseId, 'detail'), next);
    void queryClient.invalidateQueries({
      queryKey: keys.case(caseId),
      predicate: (query) => query.queryKey[2] !== 'detail',
    });
  };

  return (
    <article className="case-page" data-case-id={c.id} data-version={c.version}>
      <PageHeader title={c.title}>
        <StageBadge c={c} />
        <TrackStages aiCase={c} />
        <PdfExport aiCase={c} />
        {presence.length > 1 && (
          <span className="presence" aria-live="polite">
            {t('case.presence', { count: presence.length })}
          </span>
        )}
      </PageHeader>
      <NextActionHeader next={c.nextAction} />
      <nav className="tabs" aria-label={t('case.sections')}>
        <ul>
          {tabs.map((x) => (
            <li key={x.id}>
              <Link
                to={x.id === 'overview' ? `/cases/${c.id}` : `/cases/${c.id}/${x.id}`}
                aria-current={x.id === active ? 'page' : undefined}
              >
                {x.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {active === 'overview' && <Overview aiCase={c} names={names} onChanged={onChanged} />}
      {active === 'overview' && c.yourSide === 'council_board' && c.status === 'sent' && (
        <UnionShares aiCase={c} />
      )}
      {active === 'triage' && <TriageTab aiCase={c} onChanged={onChanged} />}
      {active === 'discussion' && <Discussion aiCase={c} names={names} />}
      {active === 'council' && <CouncilSpace aiCase={c} names={names} />}
      {active === 'dossier' && <Dossier aiCase={c} names={names} />}
      {active === 'documents' && <Documents aiCase={c} />}
      {active === 'surveys' && <Surveys aiCase={c} />}
      {active === 'information' && (
        <InformationRequests aiCase={c} side={c.yourSide} names={names} />
      )}
      {active === 'commitments' && <Commitments aiCase={c} names={names} />}
      {active === 'letters' && <Letters aiCase={c} />}
      {active === 'evaluation' && <EvaluationTab aiCase={c} />}
      {active === 'audit' && <AuditTrail caseId={c.id} names={names} />}
    </article>
  );
}

/**
 * Beside the case's overall stage (the least advanced leading track), each track's own stage, so
 * the header always agrees with the tracks below it.
 */
function TrackStages({ aiCase }: { aiCase: CaseResponse }) {
  const { label } = useI18n();
  if (aiCase.status === 'draft' || aiCase.tracks.length === 0) {
    return null;
  }
  const tracks = [...aiCase.tracks].sort(
    (a, b) => TRACK_ORDER.indexOf(a.kind) - TRACK_ORDER.indexOf(b.kind),
  );
  return (
    <ul className="track-stages" aria-label={label('caseHeader', 'tracks')}>
      {tracks.map((tr) => (
        <li key={tr.kind} data-track-stage={tr.kind}>
          {label('track', tr.kind)}: {label('stage', tr.stage)}
        </li>
      ))}
    </ul>
  );
}

/** The dossier as one PDF (the request, triage, tracks, dossier and audit), for the minutes or the file. */
function PdfExport({ aiCase }: { aiCase: CaseResponse }) {
  const { t } = useI18n();
  const exportPdf = useMutation(() =>
    downloadFile(`/cases/${aiCase.id}/dossier.pdf`, `overleg-${aiCase.id}.pdf`),
  );
  return (
    <>
      <Button variant="secondary" busy={exportPdf.busy} onClick={() => void exportPdf.submit()}>
        {exportPdf.busy ? t('case.exportingPdf') : t('case.exportPdf')}
      </Button>
      <ErrorAlert error={exportPdf.error} />
    </>
  );
}

/** Display names of an organisation's people, for "who did what"; empty where the reader may not list them. */
function useNames(organisationId: string | undefined): Map<string, string> {
  const members = useQuery({
    queryKey: keys.admin('names', organisationId),
    queryFn: async () =>
      organisationId
        ? await allPages((cursor) =>
            unwrap(
              api.GET('/organisations/{organisationId}/memberships', {
                params: { query: { limit: 200, cursor }, path: { organisationId } },
              }),
            ),
          ).catch(() => [])
        : [],
  });
  return new Map((members.data ?? []).map((m) => [m.userId, m.displayName]));
}

function Overview({
  aiCase,
  names,
  onChanged,
}: {
  aiCase: CaseResponse;
  names: Map<string, string>;
  onChanged: (c: CaseResponse) => void;
}) {
  const { t } = useI18n();
  void names;
  const open = aiCase.deadlines.filter((d) => d.status === 'open');
  const closed = aiCase.deadlines.filter((d) => d.status !== 'open');
  return (
    <div className="case-overview">
      <CaseAlerts aiCase={aiCase} onChanged={onChanged} />
      <FilingChecklist aiCase={aiCase} onChanged={onChanged} />
      <TriageProposal aiCase={aiCase} onChanged={onChanged} />
      <LateEntries aiCase={aiCase} />
      {aiCase.status === 'sent' && aiCase.yourSide !== 'union' && (
        <CaseCommittee aiCase={aiCase} onChanged={onChanged} />
      )}
      <Positions aiCase={aiCase} />
      <section aria-labelledby="tracks-title" className="card">
        <h2 id="tracks-title">{t('case.tracks')}</h2>
        <Timeline aiCase={aiCase} onChanged={onChanged} />
      </section>
      <div className="grid-2">
        <section aria-labelledby="gate-title" className="card">
          <h2 id="gate-title">{t('gate.title')}</h2>
          <GoLiveGate aiCase={aiCase} side={aiCase.yourSide} onChanged={onChanged} />
        </section>
        <section aria-labelledby="deadlines-title" className="card">
          <h2 id="deadlines-title">{t('deadlines.title')}</h2>
          {open.length ? (
            <DeadlineList deadlines={open} />
          ) : (
            <p className="empty">{t('deadlines.none')}</p>
          )}
          <CsvButton
            path={`/cases/${aiCase.id}/deadlines.csv`}
            name="termijnen.csv"
            label={t('deadlines.csv')}
          />
          {closed.length > 0 && (
            <details>
              <summary>{t('deadlines.closed', { count: closed.length })}</summary>
              <DeadlineList deadlines={closed} />
            </details>
          )}
        </section>
      </div>
      <RequestContents aiCase={aiCase} onChanged={onChanged} />
    </div>
  );
}

function CaseAlerts({
  aiCase,
  onChanged,
}: {
  aiCase: CaseResponse;
  onChanged: (c: CaseResponse) => void;
}) {
  const { t, day, label } = useI18n();
  const triage = triageOf(aiCase);
  const send = useMutation(async () =>
    onChanged(
      await unwrap(
        api.POST('/cases/{caseId}/sending', {
          params: { path: { caseId: aiCase.id } },
          body: { version: aiCase.version },
        }),
      ),
    ),
  );
  const advice = aiCase.tracks.find((tr) => tr.kind === 'advice');
  const suspension = aiCase.deadlines.find(
    (d) => d.ruleId === 'suspension_term' && d.status === 'open',
  );
  return (
    <>
      {aiCase.status === 'draft' && (
        <div className="alert alert-info draft-banner">
          <p>{triage ? t('case.draftReady') : t('case.draftNeedsTriage')}</p>
          {aiCase.yourSide === 'employer' &&
            (triage ? (
              <>
                {aiCase.missingRequestContents.length > 0 && (
                  <p>
                    {t('case.missingContents')}:{' '}
                    {aiCase.missingRequestContents
                      .map((m) => label('missing', m.split(':')[1] ?? m))
                      .join(', ')}
                  </p>
                )}
                <p className="small" id="send-explained">
                  {t('filing.sendExplained')}
                </p>
                <Button
                  busy={send.busy}
                  onClick={() => void send.submit()}
                  aria-describedby="send-explained"
                >
                  {t('case.send')}
                </Button>
              </>
            ) : (
              <Link to={`/cases/${aiCase.id}/triage`} className="button button-primary">
                {t('case.answerTriage')}
              </Link>
            ))}
          <ErrorAlert error={send.error} />
        </div>
      )}
      {aiCase.blocked && (
        <div className="alert alert-error" role="alert">
          {t('case.prohibited')}
        </div>
      )}
      {advice?.stage === 'suspension' && (
        <div className="alert alert-warn suspension" data-testid="suspension">
          <h2>{t('case.suspensionTitle')}</h2>
          {suspension ? (
            <p>
              {t('case.suspensionUntil', { date: day(suspension.strictDate) })}{' '}
              <DaysLeft day={suspension.strictDate} />
              {suspension.extendedDate !== suspension.strictDate && (
                <> {t('case.suspensionExtended', { date: day(suspension.extendedDate) })}</>
              )}
            </p>
          ) : (
            <p>{t('case.suspensionRuns')}</p>
          )}
          <p className="small">{t('case.suspensionLead')}</p>
        </div>
      )}
    </>
  );
}

function TriageTab({
  aiCase,
  onChanged,
}: {
  aiCase: CaseResponse;
  onChanged: (c: CaseResponse) => void;
}) {
  const { t } = useI18n();
  const triage = triageOf(aiCase);
  const editable = aiCase.yourSide === 'employer' && aiCase.status === 'draft';
  const [editing, setEditing] = useState(!triage && editable);
  return (
    <section aria-labelledby="triage-title">
      <div className="section-head">
        <h2 id="triage-title">{t('triage.title')}</h2>
        {editable && triage && !editing && (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('triage.edit')}
          </Button>
        )}
      </div>
      <TriageProposal aiCase={aiCase} onChanged={onChanged} />
      {triage && !editing && <TriageOutcome outcome={triage.outcome} caseId={aiCase.id} />}
      {triage && !editing && aiCase.status === 'draft' && editable && (
        <p>
          <Link to={`/cases/${aiCase.id}`} className="button button-primary">
            {t('triage.toSend')}
          </Link>
        </p>
      )}
      {editing && (
        <div className={triage ? 'triage-editing' : undefined}>
          <TriageForm
            aiCase={aiCase}
            initial={triage?.answers}
            onSaved={(next) => {
              onChanged(next);
              setEditing(false);
            }}
          />
          {triage && (
            // The legal reading of the answers in force stays in view while they are changed.
            <aside aria-label={t('triage.currentReading')} className="triage-current">
              <TriageOutcome outcome={triage.outcome} caseId={aiCase.id} />
            </aside>
          )}
        </div>
      )}
      {!triage && !editable && <p className="empty">{t('triage.notYet')}</p>}
      {triage && aiCase.yourSide === 'council_board' && aiCase.status === 'sent' && (
        <ContestTriage aiCase={aiCase} onChanged={onChanged} />
      )}
    </section>
  );
}

interface ProposalView {
  id: string;
  status: 'proposed' | 'contested' | 'accepted';
  at: string;
  answers: Record<string, unknown>;
  reasons: string[];
  contradictions: Array<{ answer: string; given: unknown; known: unknown }>;
  contest?: { reasons: string; answers: string[] };
}

/**
 * An employer re-triage of a sent case that would take a right or contradicts the platform's facts
 * (issue #14): shown to everyone on the case with the employer's answers; the council board accepts
 * or contests it, naming the answers it disputes. The server decides; this only shows and asks.
 */
function TriageProposal({
  aiCase,
  onChanged,
}: {
  aiCase: CaseResponse;
  onChanged: (c: CaseResponse) => void;
}) {
  const { t, label, day } = useI18n();
  const { questionText: question } = useTriageQuestionnaire(aiCase.id);
  const triage = aiCase.triage as {
    answers?: Record<string, unknown>;
    proposal?: ProposalView;
  } | null;
  const proposal = triage?.proposal;
  const [reasons, setReasons] = useState('');
  const [disputed, setDisputed] = useState<string[]>([]);
  const path = { params: { path: { caseId: aiCase.id } } };
  const accept = useMutation(async () =>
    onChanged(
      await unwrap(
        api.POST('/cases/{caseId}/triage-proposal/acceptance', {
          ...path,
          body: { version: aiCase.version },
        }),
      ),
    ),
  );
  const contest = useMutation(async () =>
    onChanged(
      await unwrap(
        api.POST('/cases/{caseId}/triage-proposal/contest', {
          ...path,
          body: { version: aiCase.version, reasons: reasons.trim(), answers: disputed },
        }),
      ),
    ),
  );
  if (!proposal || proposal.status === 'accepted') {
    return null;
  }
  const current = triage?.answers ?? {};
  const show = (question: string, value: unknown): string => {
    if (typeof value === 'boolean') {
      return value ? t('common.yes') : t('common.no');
    }
    if (
      typeof value === 'string' &&
      ['councilType', 'annexIIIPoint4', 'deployerType'].includes(question)
    ) {
      return label(`choice.${question}`, value);
    }
    return formatValue(value);
  };
  const contradicted = new Map(proposal.contradictions.map((c) => [c.answer, c]));
  const changed = Object.keys(proposal.answers).filter(
    (q) =>
      JSON.stringify(proposal.answers[q]) !== JSON.stringify(current[q]) || contradicted.has(q),
  );
  const reasonText = (code: string) => {
    const [kind, value = ''] = code.split(':');
    if (kind === 'withdraws_track') {
      return t('proposal.reason.withdraws_track', { track: label('track', value) });
    }
    if (kind === 'contradicts') {
      return t('proposal.reason.contradicts', { question: question(value) });
    }
    return t('proposal.reason.lifts_block');
  };
  return (
    <section
      className="card triage-proposal"
      aria-labelledby="proposal-title"
      data-proposal-status={proposal.status}
    >
      <div className="section-head">
        <h2 id="proposal-title">{t('proposal.title')}</h2>
        <span className={`badge badge-${proposal.status === 'contested' ? 'danger' : 'warn'}`}>
          {proposal.status === 'contested'
            ? t('proposal.statusContested')
            : t('proposal.statusProposed')}
        </span>
      </div>
      <p>{t('proposal.intro')}</p>
      <p className="muted small">{t('proposal.by', { date: day(proposal.at.slice(0, 10)) })}</p>
      <h3>{t('proposal.reasonsTitle')}</h3>
      <ul>
        {proposal.reasons.map((code) => (
          <li key={code} data-reason={code}>
            {reasonText(code)}
          </li>
        ))}
      </ul>
      <h3>{t('proposal.answersTitle')}</h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('proposal.question')}</th>
            <th scope="col">{t('proposal.current')}</th>
            <th scope="col">{t('proposal.proposed')}</th>
            <th scope="col">{t('proposal.known')}</th>
          </tr>
        </thead>
        <tbody>
          {changed.map((q) => (
            <tr key={q} data-answer={q}>
              <th scope="row">{question(q)}</th>
              <td>{show(q, current[q])}</td>
              <td>{show(q, proposal.answers[q])}</td>
              <td>{contradicted.has(q) ? show(q, contradicted.get(q)?.known) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {proposal.contest && (
        <p className="alert alert-warn">
          {t('proposal.contested', { reasons: proposal.contest.reasons })}
        </p>
      )}
      {aiCase.yourSide === 'council_board' && (
        <>
          <Button busy={accept.busy} onClick={() => void accept.submit()}>
            {t('proposal.accept')}
          </Button>
          <ErrorAlert error={accept.error} />
          {proposal.status === 'proposed' && (
            <details className="action">
              <summary>{t('proposal.contest')}</summary>
              <form
                onSubmit={(e: FormEvent) => {
                  e.preventDefault();
                  void contest.submit();
                }}
              >
                <fieldset>
                  <legend>{t('proposal.contestAnswers')}</legend>
                  {changed.map((q) => (
                    <label key={q} className="checkbox">
                      <input
                        type="checkbox"
                        checked={disputed.includes(q)}
                        onChange={(e) =>
                          setDisputed((d) =>
                            e.target.checked ? [...d, q] : d.filter((x) => x !== q),
                          )
                        }
                      />{' '}
                      {question(q)}
                    </label>
                  ))}
                </fieldset>
                <TextArea
                  label={t('proposal.contestReasons')}
                  value={reasons}
                  onChange={(e) => setReasons(e.target.value)}
                  required
                />
                <ErrorAlert error={contest.error} />
                <button
                  type="submit"
                  className="button button-primary"
                  disabled={contest.busy || !reasons.trim()}
                >
                  {t('proposal.contestSubmit')}
                </button>
              </form>
            </details>
          )}
        </>
      )}
    </section>
  );
}

/** Entries recorded more than two working days after the date they claim, with both dates (issue #14). */
function LateEntries({ aiCase }: { aiCase: CaseResponse }) {
  const { t, label, day } = useI18n();
  if (aiCase.lateEntries.length === 0) {
    return null;
  }
  return (
    <section className="card late-entries" aria-labelledby="late-title">
      <h2 id="late-title">{t('late.title')}</h2>
      <ul>
        {aiCase.lateEntries.map((e) => (
          <li key={`${e.track}-${e.at}`}>
            {t('late.entry', {
              action: label('action', e.action),
              track: label('track', e.track),
              claimedOn: day(e.claimedOn),
              recordedOn: day(e.recordedOn),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ContestTriage({
  aiCase,
  onChanged,
}: {
  aiCase: CaseResponse;
  onChanged: (c: CaseResponse) => void;
}) {
  const { t } = useI18n();
  const [reasons, setReasons] = useState('');
  const contest = useMutation(async () =>
    onChanged(
      await unwrap(
        api.POST('/cases/{caseId}/triage-contests', {
          params: { path: { caseId: aiCase.id } },
          body: { version: aiCase.version, reasons: reasons.trim() },
        }),
      ),
    ),
  );
  const current = (aiCase.triage as { contest?: { reasons: string; open: boolean } } | null)
    ?.contest;
  return (
    <details className="action">
      <summary>{t('triage.contest')}</summary>
      {current?.open && (
        <p className="alert alert-warn">{t('triage.contestOpen', { reasons: current.reasons })}</p>
      )}
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void contest.submit();
        }}
      >
        <TextArea
          label={t('triage.contestReasons')}
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
          required
        />
        <ErrorAlert error={contest.error} />
        <button
          type="submit"
          className="button button-primary"
          disabled={contest.busy || !reasons.trim()}
        >
          {t('triage.contestSubmit')}
        </button>
      </form>
    </details>
  );
}
