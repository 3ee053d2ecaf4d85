import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { api, type Schemas, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { Button, ErrorAlert, SelectField, useMutation } from './ui';
import { keys } from '../queries';

type CaseResponse = Schemas['CaseResponse'];

/**
 * Which committee (commissie) of the council prepares a sent case. Its members see the case; other
 * committee members do not. The council's chair or secretary picks the committee, or gives the
 * case back to the whole council.
 */
export function CaseCommittee({
  aiCase,
  onChanged,
}: {
  aiCase: CaseResponse;
  onChanged: (c: CaseResponse) => void;
}) {
  const { t } = useI18n();
  const council = useQuery({
    queryKey: keys.council(aiCase.worksCouncilId, 'detail'),
    queryFn: () =>
      unwrap(
        api.GET('/works-councils/{worksCouncilId}', {
          params: { path: { worksCouncilId: aiCase.worksCouncilId } },
        }),
      ),
  });
  const committees = council.data?.committees ?? [];
  const current = committees.find((k) => k.id === aiCase.committeeId);
  const board = aiCase.yourSide === 'council_board';
  return (
    <section
      className="card committee"
      aria-labelledby="committee-title"
      data-committee-id={aiCase.committeeId ?? ''}
    >
      <h2 id="committee-title">{t('committee.title')}</h2>
      <p data-testid="case-committee">
        {aiCase.committeeId === null
          ? t('committee.none')
          : t('committee.preparedBy', { name: current?.name ?? t('committee.unknown') })}
      </p>
      {board && <p className="hint">{t('committee.lead')}</p>}
      {board && council.data && (
        <CommitteeForm aiCase={aiCase} committees={committees} onChanged={onChanged} />
      )}
      {board && <ErrorAlert error={council.error} />}
    </section>
  );
}

function CommitteeForm({
  aiCase,
  committees,
  onChanged,
}: {
  aiCase: CaseResponse;
  committees: Array<{ id: string; name: string }>;
  onChanged: (c: CaseResponse) => void;
}) {
  const { t } = useI18n();
  const [choice, setChoice] = useState(aiCase.committeeId ?? '');
  const save = useMutation(async () =>
    onChanged(
      await unwrap(
        api.PUT('/cases/{caseId}/committee', {
          params: { path: { caseId: aiCase.id } },
          body: { version: aiCase.version, committeeId: choice === '' ? null : choice },
        }),
      ),
    ),
  );
  if (committees.length === 0) {
    return <p className="empty">{t('committee.noCommittees')}</p>;
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void save.submit();
      }}
    >
      <SelectField
        label={t('committee.choose')}
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
        name="committeeId"
      >
        <option value="">{t('committee.wholeCouncil')}</option>
        {committees.map((k) => (
          <option key={k.id} value={k.id}>
            {k.name}
          </option>
        ))}
      </SelectField>
      <ErrorAlert error={save.error} />
      <Button type="submit" busy={save.busy} disabled={choice === (aiCase.committeeId ?? '')}>
        {t('committee.save')}
      </Button>
    </form>
  );
}
