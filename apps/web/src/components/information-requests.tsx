import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import type { Side } from '../domain';
import { useI18n } from '../i18n';
import { DaysLeft } from './deadlines';
import { Empty, ErrorAlert, Loading, TextArea, useMutation } from './ui';
import { keys } from '../queries';

type CaseResponse = Schemas['CaseResponse'];
type InformationRequest = Schemas['InformationRequestResponse'];

/** Art. 31 questions from the council and the employer's answers. */
export function InformationRequests({
  aiCase,
  side,
  names,
}: {
  aiCase: CaseResponse;
  side: Side;
  names: Map<string, string>;
}) {
  const { t, dateTime, day } = useI18n();
  const list = useQuery({
    queryKey: keys.case(aiCase.id, 'information-requests'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/cases/{caseId}/information-requests', {
            params: { query: { limit: 200, cursor }, path: { caseId: aiCase.id } },
          }),
        ),
      ),
  });
  const [question, setQuestion] = useState('');
  const ask = useMutation(async () => {
    await unwrap(
      api.POST('/cases/{caseId}/information-requests', {
        params: { path: { caseId: aiCase.id } },
        body: { question: question.trim() },
      }),
    );
    setQuestion('');
    await list.refetch();
  });
  const canAsk =
    (side === 'council_board' || side === 'council_member') && aiCase.status === 'sent';
  return (
    <section aria-labelledby="info-title">
      <h2 id="info-title">{t('info.title')}</h2>
      <p className="hint">{t('info.lead')}</p>
      {canAsk && (
        <form
          className="card"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void ask.submit();
          }}
        >
          <TextArea
            label={t('info.question')}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            required
          />
          <ErrorAlert error={ask.error} />
          <button
            type="submit"
            className="button button-primary"
            disabled={ask.busy || !question.trim()}
          >
            {t('info.ask')}
          </button>
        </form>
      )}
      {!list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <Empty>{t('info.none')}</Empty>
      ) : (
        <ul className="info-list">
          {list.data.map((r) => (
            <li key={r.id} className="card">
              <p className="info-question">{r.question}</p>
              <p className="muted small">
                {names.get(r.askedBy) ?? t('common.someone')} · {dateTime(r.askedAt)} ·{' '}
                {t('info.due')} {day(r.dueDate)} {!r.answer && <DaysLeft day={r.dueDate} />}
              </p>
              {r.answer ? (
                <blockquote className="info-answer">
                  <p>{r.answer}</p>
                  <footer className="muted small">{dateTime(r.answeredAt)}</footer>
                </blockquote>
              ) : side === 'employer' ? (
                <AnswerForm caseId={aiCase.id} request={r} onDone={() => void list.refetch()} />
              ) : (
                <p className="muted">{t('info.waiting')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AnswerForm({
  caseId,
  request,
  onDone,
}: {
  caseId: string;
  request: InformationRequest;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [answer, setAnswer] = useState('');
  const send = useMutation(async () => {
    await unwrap(
      api.POST('/cases/{caseId}/information-requests/{requestId}/answer', {
        params: { path: { caseId, requestId: request.id } },
        body: { answer: answer.trim() },
      }),
    );
    onDone();
  });
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void send.submit();
      }}
    >
      <TextArea
        label={t('info.answer')}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        required
      />
      <ErrorAlert error={send.error} />
      <button
        type="submit"
        className="button button-primary"
        disabled={send.busy || !answer.trim()}
      >
        {t('info.sendAnswer')}
      </button>
    </form>
  );
}
