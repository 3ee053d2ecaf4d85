import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { api, unwrap } from '../api/client';
import { ErrorAlert, Loading, useMutation } from '../components/ui';
import { useI18n } from '../i18n';

type Value = -2 | -1 | 0 | 1 | 2 | 'unknown';
const VALUES: readonly Value[] = [-2, -1, 0, 1, 2, 'unknown'];

/**
 * The link from a survey invitation (issue #19): no account, the token is the credential. It is
 * read from the fragment of the link, so it never reaches a server log, and sent in POST bodies.
 */
export function SurveyAnswerPage({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const [answers, setAnswers] = useState<Record<string, Value>>({});
  const [done, setDone] = useState(false);
  const questionnaire = useQuery({
    queryKey: ['survey-questionnaire', token],
    enabled: token.length > 0,
    queryFn: () => unwrap(api.POST('/survey-questionnaires', { body: { token } })),
  });
  const questions = questionnaire.data?.questions ?? [];
  const complete = questions.length > 0 && questions.every((q) => answers[q.id] !== undefined);
  const submit = useMutation(async () => {
    await unwrap(
      api.POST('/survey-responses', {
        body: {
          token,
          answers: questions.map((q) => ({ questionId: q.id, value: answers[q.id] })),
        },
      }),
    );
    setDone(true);
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (complete) {
      void submit.submit();
    }
  };

  return (
    <section className="card survey-answer" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {questionnaire.data?.title ?? t('survey.answerTitle')}
      </h1>
      {!token ? (
        <p className="alert alert-error" role="alert">
          {t('survey.noToken')}
        </p>
      ) : done ? (
        <p className="alert alert-ok" role="status">
          {t('survey.thanks')}
        </p>
      ) : questionnaire.error ? (
        <ErrorAlert error={questionnaire.error} />
      ) : !questionnaire.data ? (
        <Loading />
      ) : (
        <>
          <p className="lead">{t('survey.answerLead')}</p>
          <form onSubmit={onSubmit} noValidate>
            {questions.map((q, i) => (
              <fieldset key={q.id} className="field survey-question">
                <legend>
                  {i + 1}. {q.text[lang]}
                </legend>
                <div className="radio-row">
                  {VALUES.map((v) => (
                    <label key={String(v)} className="radio">
                      <input
                        type="radio"
                        name={`q-${q.id}`}
                        value={String(v)}
                        checked={answers[q.id] === v}
                        onChange={() => setAnswers((a) => ({ ...a, [q.id]: v }))}
                      />{' '}
                      {v === 'unknown'
                        ? t('survey.dontKnow')
                        : t(`survey.${q.scale}.${v}` as 'survey.effect.0')}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
            {!complete && <p className="hint">{t('survey.answerAll')}</p>}
            <ErrorAlert error={submit.error} />
            <button
              type="submit"
              className="button button-primary"
              disabled={submit.busy || !complete}
            >
              {t('survey.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
