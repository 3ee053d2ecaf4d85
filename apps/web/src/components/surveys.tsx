import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { keys, usePagedList } from '../queries';
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
type Survey = Schemas['SurveyResponse'];

const VALUES = ['-2', '-1', '0', '1', '2', 'unknown'] as const;

/**
 * The voice of staff (issue #19): the council's anonymous surveys on a case. The council creates
 * and sends them and reads the results (from five responses up); the employer side sees only the
 * surveys the council attached to its position. Results sit beside HR's and the council's ratings
 * of the impact assessment, per quality-of-work dimension.
 */
export function Surveys({ aiCase }: { aiCase: CaseResponse }) {
  const { t } = useI18n();
  const council = aiCase.yourSide === 'council_board' || aiCase.yourSide === 'council_member';
  const board = aiCase.yourSide === 'council_board';
  const surveys = usePagedList(keys.case(aiCase.id, 'surveys'), (cursor) =>
    unwrap(
      api.GET('/cases/{caseId}/surveys', {
        params: { path: { caseId: aiCase.id }, query: { cursor } },
      }),
    ),
  );
  const ratings = useAssessmentRatings(aiCase.id);
  return (
    <section className="card" aria-labelledby="surveys-title">
      <h2 id="surveys-title">{t('survey.title')}</h2>
      <p className="alert alert-info">{t(council ? 'survey.leadCouncil' : 'survey.leadOther')}</p>
      {board && <CreateSurveyForm caseId={aiCase.id} onDone={() => void surveys.refetch()} />}
      <ErrorAlert error={surveys.error} />
      {!surveys.items ? (
        <Loading />
      ) : surveys.items.length === 0 ? (
        <Empty>{t('survey.none')}</Empty>
      ) : (
        <>
          <ul className="plain-list surveys">
            {surveys.items.map((s) => (
              <SurveyItem
                key={s.id}
                caseId={aiCase.id}
                survey={s}
                board={board}
                ratings={ratings}
                onChanged={() => void surveys.refetch()}
              />
            ))}
          </ul>
          <MoreButton list={surveys} />
        </>
      )}
    </section>
  );
}

interface Ratings {
  hr: Map<string, number>;
  council: Map<string, number>;
}

/** HR's dimension ratings and the mean of the council's counter-ratings per dimension. */
function useAssessmentRatings(caseId: string): Ratings {
  const data = useQuery({
    queryKey: keys.case(caseId, 'assessment', 'ratings'),
    queryFn: async () => {
      const [assessment, comments] = await Promise.all([
        unwrap(api.GET('/cases/{caseId}/assessment', { params: { path: { caseId } } })),
        allPages((cursor) =>
          unwrap(
            api.GET('/cases/{caseId}/assessment/comments', {
              params: { path: { caseId }, query: { limit: 200, cursor } },
            }),
          ),
        ),
      ]);
      return { assessment, comments };
    },
  });
  const hr = new Map<string, number>();
  for (const d of data.data?.assessment.latestVersion?.content.dimensions ?? []) {
    if (typeof d.rating === 'number') {
      hr.set(d.dimension, d.rating);
    }
  }
  const sums = new Map<string, { sum: number; n: number }>();
  for (const c of data.data?.comments ?? []) {
    const dimension = /^[A-L]/.exec(c.questionId)?.[0];
    if (dimension && typeof c.counterEffect === 'number') {
      const s = sums.get(dimension) ?? { sum: 0, n: 0 };
      sums.set(dimension, { sum: s.sum + c.counterEffect, n: s.n + 1 });
    }
  }
  const council = new Map([...sums].map(([k, s]) => [k, Math.round((s.sum / s.n) * 100) / 100]));
  return { hr, council };
}

function CreateSurveyForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [own, setOwn] = useState('');
  const [expanded, setExpanded] = useState(false);
  const create = useMutation(async () => {
    const councilQuestions = own
      .split('\n')
      .map((q) => q.trim())
      .filter(Boolean)
      .map((text) => ({ text, scale: 'agreement' as const }));
    await unwrap(
      api.POST('/cases/{caseId}/surveys', {
        params: { path: { caseId } },
        body: { title: title.trim(), councilQuestions },
      }),
    );
    setTitle('');
    setOwn('');
    setExpanded(false);
    onDone();
  });
  return (
    <details
      className="action"
      open={expanded}
      onToggle={(e) => setExpanded((e.target as HTMLDetailsElement).open)}
    >
      <summary>{t('survey.create')}</summary>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void create.submit();
        }}
      >
        <TextField
          label={t('survey.name')}
          name="title"
          required
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextArea
          label={t('survey.ownQuestions')}
          hint={t('survey.ownQuestionsHint')}
          name="councilQuestions"
          value={own}
          onChange={(e) => setOwn(e.target.value)}
        />
        <ErrorAlert error={create.error} />
        <button type="submit" className="button button-primary" disabled={create.busy}>
          {t('survey.create')}
        </button>
      </form>
    </details>
  );
}

function SurveyItem({
  caseId,
  survey,
  board,
  ratings,
  onChanged,
}: {
  caseId: string;
  survey: Survey;
  board: boolean;
  ratings: Ratings;
  onChanged: () => void;
}) {
  const { t, lang, dateTime } = useI18n();
  const path = { caseId, surveyId: survey.id };
  const close = useMutation(async () => {
    await unwrap(
      api.POST('/cases/{caseId}/surveys/{surveyId}/closure', {
        params: { path },
        body: { version: survey.version },
      }),
    );
    onChanged();
  });
  const attach = useMutation(async () => {
    await unwrap(
      api.PUT('/cases/{caseId}/surveys/{surveyId}/position-attachment', {
        params: { path },
        body: { version: survey.version },
      }),
    );
    onChanged();
  });
  return (
    <li className="survey" data-survey={survey.id}>
      <h3>
        {survey.title}{' '}
        <Badge tone={survey.status === 'open' ? 'info' : 'neutral'}>
          {t(`survey.status.${survey.status}` as 'survey.status.open')}
        </Badge>
      </h3>
      {survey.invitationCount !== undefined && (
        <p>{t('survey.invitations', { count: survey.invitationCount })}</p>
      )}
      {survey.attachedToPositionAt ? (
        <p>
          <Badge tone="ok">
            {t('survey.attached', { date: dateTime(survey.attachedToPositionAt) })}
          </Badge>
        </p>
      ) : null}
      {board && survey.status === 'open' && (
        <SendInvitationsForm caseId={caseId} surveyId={survey.id} onDone={onChanged} />
      )}
      {!survey.results ? (
        <p className="empty" data-testid="survey-no-results">
          {t('survey.noResults', { min: survey.minimumResponses })}
        </p>
      ) : (
        <>
          <h4>{t('survey.results', { count: survey.results.responseCount })}</h4>
          <p className="hint" data-testid="survey-in-blocks">
            {t('survey.inBlocks', { count: survey.results.unpublishedResponses })}
          </p>
          <p className="hint">{t('survey.besideAssessment')}</p>
          <table className="table" data-testid="survey-results">
            <thead>
              <tr>
                <th scope="col">{t('survey.question')}</th>
                <th scope="col">{t('survey.staff')}</th>
                <th scope="col">{t('survey.hr')}</th>
                <th scope="col">{t('survey.councilRating')}</th>
                <th scope="col">{t('survey.distribution')}</th>
              </tr>
            </thead>
            <tbody>
              {survey.results.questions.map((r) => {
                const question = survey.questions.find((q) => q.id === r.questionId);
                const dimension = question?.dimension ?? null;
                return (
                  <tr key={r.questionId}>
                    <th scope="row">{question ? question.text[lang] : r.questionId}</th>
                    <td>{r.mean ?? '–'}</td>
                    <td>{dimension ? (ratings.hr.get(dimension) ?? '–') : ''}</td>
                    <td>{dimension ? (ratings.council.get(dimension) ?? '–') : ''}</td>
                    <td>
                      {VALUES.map(
                        (v) => `${t(`survey.value.${v}` as 'survey.value.0')}: ${r.counts[v] ?? 0}`,
                      ).join(' · ')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      {board && (
        <div className="actions">
          {survey.status === 'open' && (
            <button
              type="button"
              className="button"
              disabled={close.busy}
              onClick={() => void close.submit()}
            >
              {t('survey.close')}
            </button>
          )}
          {!survey.attachedToPositionAt && (
            <button
              type="button"
              className="button"
              title={t('survey.attachHint')}
              disabled={attach.busy}
              onClick={() => void attach.submit()}
            >
              {t('survey.attach')}
            </button>
          )}
        </div>
      )}
      <ErrorAlert error={close.error ?? attach.error} />
    </li>
  );
}

function SendInvitationsForm({
  caseId,
  surveyId,
  onDone,
}: {
  caseId: string;
  surveyId: string;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const [emails, setEmails] = useState('');
  const [language, setLanguage] = useState<'nl' | 'en'>(lang);
  const [outcome, setOutcome] = useState<{ sent: number; failed: number } | null>(null);
  const send = useMutation(async () => {
    const list = emails
      .split(/[\s,;]+/)
      .map((e) => e.trim())
      .filter(Boolean);
    const res = await unwrap(
      api.POST('/cases/{caseId}/surveys/{surveyId}/invitations', {
        params: { path: { caseId, surveyId } },
        body: { emails: list, language },
      }),
    );
    setOutcome({ sent: res.sent, failed: res.failed });
    setEmails('');
    onDone();
  });
  return (
    <details className="action">
      <summary>{t('survey.send')}</summary>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void send.submit();
        }}
      >
        <TextArea
          label={t('survey.emails')}
          hint={t('survey.emailsHint')}
          name="emails"
          required
          value={emails}
          onChange={(e) => setEmails(e.target.value)}
        />
        <SelectField
          label={t('survey.mailLanguage')}
          value={language}
          onChange={(e) => setLanguage(e.target.value as 'nl' | 'en')}
        >
          <option value="nl">Nederlands</option>
          <option value="en">English</option>
        </SelectField>
        <ErrorAlert error={send.error} />
        {outcome && (
          <p className="alert alert-ok" role="status">
            {t('survey.sent', outcome)}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={send.busy}>
          {t('survey.send')}
        </button>
      </form>
    </details>
  );
}
