import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { api, type Schemas, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { keys, usePagedList } from '../queries';
import { Link } from '../router';
import {
  Badge,
  Empty,
  ErrorAlert,
  Loading,
  MoreButton,
  SelectField,
  TextArea,
  TextField,
  useMutation,
} from './ui';

type CaseResponse = Schemas['CaseResponse'];
type Evaluation = Schemas['EvaluationResponse'];
type Rating = Schemas['DimensionResultDto']['rating'];
type ReviewState = Schemas['CommitmentReviewDto']['state'];

const DIMENSIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const;
const RATINGS = ['-2', '-1', '0', '1', '2', 'unknown'] as const;
const REVIEW_STATES = ['open', 'met', 'at_risk', 'broken_proposed'] as const;
const EMPLOYER_KINDS = ['override', 'correction', 'unforeseen_effect'] as const;
const COUNCIL_KINDS = ['staff_report', 'unforeseen_effect'] as const;

const signed = (r: Rating | null | undefined) =>
  r === null || r === undefined ? '–' : typeof r === 'number' && r > 0 ? `+${r}` : String(r);

/**
 * Issue #19: the case's monitoring after go-live. Goals and indicators of intake, the scheduled
 * evaluations with each re-rating beside the forecast, the signal log, and the follow-up links.
 * The server decides who may do what; the screen offers what the side may ask for.
 */
export function EvaluationTab({ aiCase }: { aiCase: CaseResponse }) {
  const { t } = useI18n();
  const caseId = aiCase.id;
  const report = useQuery({
    queryKey: keys.case(caseId, 'evaluations'),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/evaluations', { params: { path: { caseId } } })),
  });
  const links = useQuery({
    queryKey: keys.case(caseId, 'follow-ups'),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/follow-ups', { params: { path: { caseId } } })),
  });
  const mayRecord = aiCase.yourSide === 'employer' || aiCase.yourSide === 'council_board';
  return (
    <section aria-labelledby="evaluation-title" className="evaluation">
      <h2 id="evaluation-title">{t('evaluation.title')}</h2>
      <p className="hint">{t('evaluation.lead')}</p>
      {links.data?.follows && (
        <p className="alert alert-info" role="note">
          {t('evaluation.followsUp')}{' '}
          <Link to={`/cases/${links.data.follows.caseId}`}>{t('evaluation.openCase')}</Link>
        </p>
      )}
      {!!links.data?.followUps.length && (
        <div className="card">
          <h3>{t('evaluation.followUps')}</h3>
          <ul className="plain-list">
            {links.data.followUps.map((f) => (
              <li key={f.caseId}>
                <Link to={`/cases/${f.caseId}`}>{t('evaluation.openCase')}</Link> (
                {f.fields.join(', ')})
              </li>
            ))}
          </ul>
        </div>
      )}
      <MonitoringPlan aiCase={aiCase} />
      {!report.data ? (
        report.error ? (
          <ErrorAlert error={report.error} />
        ) : (
          <Loading />
        )
      ) : !report.data.goLiveOn ? (
        <Empty>{t('evaluation.notLive')}</Empty>
      ) : (
        <>
          <p>
            {t('evaluation.goLive', { date: report.data.goLiveOn })}{' '}
            {report.data.intervalSource === 'convenant'
              ? t('evaluation.intervalConvenant')
              : t('evaluation.intervalDefault')}
          </p>
          {report.data.evaluations.map((e) => (
            <EvaluationCard
              key={e.id}
              caseId={caseId}
              evaluation={e}
              mayRecord={mayRecord}
              onRecorded={() => void report.refetch()}
            />
          ))}
        </>
      )}
      <Incidents aiCase={aiCase} />
    </section>
  );
}

function MonitoringPlan({ aiCase }: { aiCase: CaseResponse }) {
  const { t } = useI18n();
  const caseId = aiCase.id;
  const plan = useQuery({
    queryKey: keys.case(caseId, 'monitoring-plan'),
    queryFn: () =>
      unwrap(api.GET('/cases/{caseId}/monitoring-plan', { params: { path: { caseId } } })),
  });
  const [description, setDescription] = useState('');
  const [target, setTarget] = useState('');
  // The ticked indicators while their save is under way: a controlled checkbox would otherwise
  // spring back until the plan is refetched.
  const [ticking, setTicking] = useState<string[] | null>(null);
  const save = useMutation(async (indicators: string[], addGoal: boolean) => {
    const current = plan.data!;
    const goals = [...current.goals];
    if (addGoal && description.trim()) {
      goals.push({
        key: `goal-${goals.length + 1}`,
        description: description.trim(),
        target: target.trim(),
      });
    }
    await unwrap(
      api.PUT('/cases/{caseId}/monitoring-plan', {
        params: { path: { caseId } },
        body: { version: current.version, goals, indicators: indicators as never },
      }),
    );
    setDescription('');
    setTarget('');
    await plan.refetch();
  });
  if (!plan.data) {
    return plan.error ? <ErrorAlert error={plan.error} /> : <Loading />;
  }
  const p = plan.data;
  const indicators = ticking ?? p.indicators;
  const editable = aiCase.yourSide === 'employer';
  const tick = (next: string[]) => {
    setTicking(next);
    void save.submit(next, false).finally(() => setTicking(null));
  };
  return (
    <div className="card" data-testid="monitoring-plan">
      <h3>{t('evaluation.planTitle')}</h3>
      {p.goals.length === 0 ? (
        <Empty>{t('evaluation.noGoals')}</Empty>
      ) : (
        <ul className="plain-list">
          {p.goals.map((g) => (
            <li key={g.key}>
              <strong>{g.description}</strong>
              {g.target && ` — ${g.target}`}
            </li>
          ))}
        </ul>
      )}
      <fieldset disabled={!editable || save.busy}>
        <legend>{t('evaluation.indicators')}</legend>
        {DIMENSIONS.map((d) => (
          <label key={d} className="inline-check">
            <input
              type="checkbox"
              checked={indicators.includes(d)}
              onChange={(e) =>
                tick(e.target.checked ? [...indicators, d] : indicators.filter((x) => x !== d))
              }
            />{' '}
            {d}
          </label>
        ))}
      </fieldset>
      {editable && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void save.submit(p.indicators, true);
          }}
        >
          <TextField
            label={t('evaluation.goalDescription')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            required
          />
          <TextField
            label={t('evaluation.goalTarget')}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
          <button type="submit" className="button button-secondary" disabled={save.busy}>
            {t('evaluation.addGoal')}
          </button>
        </form>
      )}
      <ErrorAlert error={save.error} />
    </div>
  );
}

function EvaluationCard({
  caseId,
  evaluation: e,
  mayRecord,
  onRecorded,
}: {
  caseId: string;
  evaluation: Evaluation;
  mayRecord: boolean;
  onRecorded: () => void;
}) {
  const { t, label, day } = useI18n();
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState('');
  const [reviews, setReviews] = useState<Record<string, { state: ReviewState | ''; note: string }>>(
    {},
  );
  const record = useMutation(async () => {
    await unwrap(
      api.PUT('/cases/{caseId}/evaluations/{seq}', {
        params: { path: { caseId, seq: e.seq } },
        body: {
          ratings: Object.entries(ratings).map(([dimension, r]) => ({
            dimension: dimension as never,
            rating: r === 'unknown' ? ('unknown' as const) : Number(r),
            note: '',
          })),
          goals: [],
          summary,
          // Only what the reviewer chose: the server refuses while one is left unreviewed.
          commitments: e.commitments.flatMap((c) => {
            const review = reviews[c.commitmentId];
            return review?.state
              ? [{ commitmentId: c.commitmentId, state: review.state, note: review.note }]
              : [];
          }),
        },
      }),
    );
    onRecorded();
  });
  const rows = e.status === 'recorded' ? e.dimensions : [];
  return (
    <article className="card" data-evaluation={e.seq} data-status={e.status}>
      <h3>
        {t('evaluation.item', { seq: e.seq, months: e.monthsAfter, date: e.dueOn })}{' '}
        <Badge tone={e.status === 'recorded' ? 'ok' : 'neutral'}>
          {e.status === 'recorded' ? t('evaluation.recorded') : t('evaluation.scheduled')}
        </Badge>
      </h3>
      <p className="hint">
        {t('evaluation.complaintCounts', {
          complaints: e.complaints.complaints,
          explanations: e.complaints.explanationRequests,
          open: e.complaints.open,
        })}
        <br />
        {t('evaluation.incidentCounts', {
          overrides: e.incidents.override,
          corrections: e.incidents.correction,
          reports: e.incidents.staffReport,
          effects: e.incidents.unforeseenEffect,
        })}
      </p>
      {rows.length > 0 && (
        <table className="table" aria-label={t('evaluation.diff')}>
          <thead>
            <tr>
              <th>{t('evaluation.dimension')}</th>
              <th>{t('evaluation.forecast')}</th>
              <th>{t('evaluation.actual')}</th>
              <th>{t('evaluation.diff')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.dimension} data-dimension={d.dimension}>
                <td>{d.dimension}</td>
                <td>{signed(d.forecast)}</td>
                <td>{signed(d.actual)}</td>
                <td>{d.diff === null ? '–' : signed(d.diff as Rating)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {e.goals.length > 0 && (
        <ul className="plain-list">
          {e.goals.map((g) => (
            <li key={g.key}>
              {g.key}: {label('outcome', g.outcome)} {g.note && `(${g.note})`}
            </li>
          ))}
        </ul>
      )}
      {e.summary && <p>{e.summary}</p>}
      {e.status === 'recorded' && e.commitments.length > 0 && (
        <div>
          <h4>{t('evaluation.commitmentsTitle')}</h4>
          <ul className="plain-list">
            {e.commitments.map((c) => (
              <li key={c.commitmentId} data-commitment={c.conditionNo} data-state={c.state}>
                {t('evaluation.commitmentItem', { no: c.conditionNo, condition: c.condition })}:{' '}
                <Badge tone={c.state === 'met' ? 'ok' : c.state === 'open' ? 'neutral' : 'warn'}>
                  {label('commitmentReview', c.state ?? 'open')}
                </Badge>
                {c.overdue && (
                  <>
                    {' '}
                    <Badge tone="warn">{t('evaluation.commitmentOverdue')}</Badge>
                  </>
                )}
                {c.note && ` (${c.note})`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {e.status === 'scheduled' && mayRecord && (
        <form
          onSubmit={(ev: FormEvent) => {
            ev.preventDefault();
            void record.submit();
          }}
        >
          <fieldset className="commitment-review">
            <legend>{t('evaluation.commitmentsTitle')}</legend>
            <p className="hint">{t('evaluation.commitmentsLead')}</p>
            {e.commitments.length === 0 && <Empty>{t('evaluation.noCommitments')}</Empty>}
            {e.commitments.map((c) => {
              const review = reviews[c.commitmentId] ?? { state: '' as const, note: '' };
              const set = (next: Partial<typeof review>) =>
                setReviews({ ...reviews, [c.commitmentId]: { ...review, ...next } });
              return (
                <div key={c.commitmentId} className="card" data-commitment={c.conditionNo}>
                  <p>
                    <strong>
                      {t('evaluation.commitmentItem', {
                        no: c.conditionNo,
                        condition: c.condition,
                      })}
                    </strong>
                    {c.dueDate && <> · {t('evaluation.commitmentDue', { date: day(c.dueDate) })}</>}
                    {c.overdue && (
                      <>
                        {' '}
                        <Badge tone="warn">{t('evaluation.commitmentOverdue')}</Badge>
                      </>
                    )}
                  </p>
                  <SelectField
                    label={`${t('evaluation.commitmentState')} (${c.conditionNo})`}
                    value={review.state}
                    onChange={(ev) => set({ state: ev.target.value as ReviewState | '' })}
                  >
                    <option value="">{t('evaluation.commitmentChoose')}</option>
                    {REVIEW_STATES.map((r) => (
                      <option key={r} value={r}>
                        {label('commitmentReview', r)}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    label={`${t('evaluation.commitmentNote')} (${c.conditionNo})`}
                    hint={t('evaluation.commitmentNoteHint')}
                    value={review.note}
                    onChange={(ev) => set({ note: ev.target.value })}
                  />
                </div>
              );
            })}
          </fieldset>
          <div className="rating-grid">
            {DIMENSIONS.map((d) => (
              <SelectField
                key={d}
                label={`${t('evaluation.actual')} ${d}`}
                value={ratings[d] ?? ''}
                onChange={(ev) => setRatings({ ...ratings, [d]: ev.target.value })}
              >
                <option value="">–</option>
                {RATINGS.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </SelectField>
            ))}
          </div>
          <TextArea
            label={t('evaluation.summary')}
            value={summary}
            onChange={(ev) => setSummary(ev.target.value)}
          />
          <ErrorAlert error={record.error} />
          <button type="submit" className="button button-primary" disabled={record.busy}>
            {t('evaluation.record')}
          </button>
        </form>
      )}
    </article>
  );
}

function Incidents({ aiCase }: { aiCase: CaseResponse }) {
  const { t, label, day } = useI18n();
  const caseId = aiCase.id;
  const list = usePagedList(keys.case(caseId, 'incidents'), (cursor) =>
    unwrap(
      api.GET('/cases/{caseId}/incidents', { params: { path: { caseId }, query: { cursor } } }),
    ),
  );
  const kinds =
    aiCase.yourSide === 'employer'
      ? EMPLOYER_KINDS
      : aiCase.yourSide === 'union'
        ? []
        : COUNCIL_KINDS;
  const [kind, setKind] = useState<string>(kinds[0] ?? '');
  const [description, setDescription] = useState('');
  const [occurredOn, setOccurredOn] = useState('');
  const log = useMutation(async () => {
    await unwrap(
      api.POST('/cases/{caseId}/incidents', {
        params: { path: { caseId } },
        body: { kind: kind as never, description: description.trim(), occurredOn },
      }),
    );
    setDescription('');
    await list.refetch();
  });
  return (
    <div className="card">
      <h3>{t('evaluation.incidentsTitle')}</h3>
      {!list.items ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty>{t('evaluation.noIncidents')}</Empty>
      ) : (
        <>
          <ul className="plain-list">
            {list.items.map((i) => (
              <li key={i.id} data-incident={i.kind}>
                {day(i.occurredOn)} · {label('incident', i.kind)}: {i.description}
              </li>
            ))}
          </ul>
          <MoreButton list={list} />
        </>
      )}
      {kinds.length > 0 && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void log.submit();
          }}
        >
          <SelectField
            label={t('evaluation.incidentKind')}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {label('incident', k)}
              </option>
            ))}
          </SelectField>
          <TextArea
            label={t('evaluation.incidentDescription')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            required
          />
          <TextField
            label={t('evaluation.occurredOn')}
            type="date"
            value={occurredOn}
            onChange={(e) => setOccurredOn(e.target.value)}
            required
          />
          <ErrorAlert error={log.error} />
          <button type="submit" className="button button-secondary" disabled={log.busy}>
            {t('evaluation.logIncident')}
          </button>
        </form>
      )}
    </div>
  );
}
