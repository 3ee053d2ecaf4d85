import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { keys } from '../queries';
import { useMe, useSession } from '../session';
import { Badge, Button, Checkbox, Empty, ErrorAlert, Loading, TextField, useMutation } from './ui';

type Terms = Schemas['ConvenantTermsDto'];

const NUMBER_FIELDS = [
  ['adviceTermWeeks', 52],
  ['consentTermWeeks', 52],
  ['informationResponseWorkingDays', 60],
  ['evaluationIntervalMonths', 36],
] as const;

/** The typical convenant values (legal-rules W5, (d)2, (d)5), as the first proposal's starting point. */
const TYPICAL: Terms = {
  adviceTermWeeks: 6,
  consentTermWeeks: 6,
  informationResponseWorkingDays: 10,
  stopClockWhileInformationOpen: false,
  evaluationIntervalMonths: 6,
};

/**
 * The council's agreed terms (convenant): the version in force, an open proposal that the other
 * party may confirm (the server says who may, `mayConfirm`), a form to propose, and every version.
 */
export function ConvenantSettings() {
  const { t } = useI18n();
  const me = useMe();
  const { roles } = useSession();
  const ownCouncil = me.memberships.find((m) => m.worksCouncilId)?.worksCouncilId ?? null;
  const councils = useQuery({
    queryKey: keys.council(me.organisationId, 'convenant-councils', ownCouncil),
    queryFn: () =>
      ownCouncil
        ? Promise.resolve([{ id: ownCouncil }])
        : allPages((cursor) =>
            unwrap(
              api.GET('/organisations/{organisationId}/works-councils', {
                params: {
                  query: { limit: 200, cursor },
                  path: { organisationId: me.organisationId },
                },
              }),
            ),
          ),
  });
  const councilId = councils.data?.[0]?.id ?? null;
  const party = roles.employer || roles.orgAdmin || roles.board;
  return (
    <section className="card" aria-labelledby="convenant-title">
      <h2 id="convenant-title">{t('convenant.title')}</h2>
      <p className="muted">{t('convenant.lead')}</p>
      <ErrorAlert error={councils.error} />
      {councils.data && !councilId && <Empty>{t('convenant.noCouncil')}</Empty>}
      {councilId && <ConvenantVersions worksCouncilId={councilId} party={party} />}
    </section>
  );
}

function ConvenantVersions({ worksCouncilId, party }: { worksCouncilId: string; party: boolean }) {
  const { t, label, dateTime } = useI18n();
  // Convenant events invalidate the council's queries (queries.tsx), so the other side's
  // proposal or confirmation shows at once.
  const versions = useQuery({
    queryKey: keys.council(worksCouncilId, 'convenants'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/works-councils/{worksCouncilId}/convenants', {
            params: { query: { limit: 200, cursor }, path: { worksCouncilId } },
          }),
        ),
      ),
  });
  const confirm = useMutation(async (version: number) => {
    await unwrap(
      api.POST('/works-councils/{worksCouncilId}/convenants/{version}/confirmation', {
        params: { path: { worksCouncilId, version } },
      }),
    );
    await versions.refetch();
  });
  if (!versions.data) {
    return versions.error ? <ErrorAlert error={versions.error} /> : <Loading />;
  }
  const inForce = versions.data.find((v) => v.status === 'confirmed');
  const proposal = versions.data.find((v) => v.status === 'proposed');
  return (
    <>
      <h3>{t('convenant.inForce')}</h3>
      {inForce ? <TermsList convenant={inForce} /> : <p>{t('convenant.none')}</p>}
      {proposal && (
        <div data-testid="convenant-proposal">
          <h3>
            {t('convenant.proposal', {
              version: String(proposal.version),
              side: label('convenantSide', proposal.proposedSide),
            })}
          </h3>
          <TermsList convenant={proposal} />
          {proposal.mayConfirm ? (
            <Button busy={confirm.busy} onClick={() => void confirm.submit(proposal.version)}>
              {t('convenant.confirm')}
            </Button>
          ) : (
            <p className="muted">{t('convenant.awaitsOtherSide')}</p>
          )}
          <ErrorAlert error={confirm.error} />
        </div>
      )}
      {party && (
        <ProposeForm
          worksCouncilId={worksCouncilId}
          start={proposal ?? inForce ?? TYPICAL}
          onDone={() => void versions.refetch()}
        />
      )}
      {versions.data.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('convenant.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('convenant.version')}</th>
                <th scope="col">{t('convenant.status')}</th>
                <th scope="col">{t('convenant.proposedBy')}</th>
                <th scope="col">{t('convenant.confirmedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.map((v) => (
                <tr key={v.id}>
                  <td>{v.version}</td>
                  <td>
                    <Badge tone={v.status === 'confirmed' ? 'ok' : 'neutral'}>
                      {label('convenantStatus', v.status)}
                    </Badge>
                  </td>
                  <td>
                    {label('convenantSide', v.proposedSide)} · {dateTime(v.proposedAt)}
                  </td>
                  <td>{dateTime(v.confirmedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function TermsList({ convenant }: { convenant: Terms }) {
  const { t } = useI18n();
  return (
    <dl className="contents">
      {NUMBER_FIELDS.map(([field]) => (
        <div key={field}>
          <dt>{t(`convenant.${field}`)}</dt>
          <dd>{t(`convenant.${field}.value`, { n: String(convenant[field]) })}</dd>
        </div>
      ))}
      <div>
        <dt>{t('convenant.stopClockWhileInformationOpen')}</dt>
        <dd>{t(convenant.stopClockWhileInformationOpen ? 'common.yes' : 'common.no')}</dd>
      </div>
    </dl>
  );
}

function ProposeForm({
  worksCouncilId,
  start,
  onDone,
}: {
  worksCouncilId: string;
  start: Terms;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Terms>({
    adviceTermWeeks: start.adviceTermWeeks,
    consentTermWeeks: start.consentTermWeeks,
    informationResponseWorkingDays: start.informationResponseWorkingDays,
    stopClockWhileInformationOpen: start.stopClockWhileInformationOpen,
    evaluationIntervalMonths: start.evaluationIntervalMonths,
  });
  const propose = useMutation(async (body: Terms) => {
    await unwrap(
      api.POST('/works-councils/{worksCouncilId}/convenants', {
        params: { path: { worksCouncilId } },
        body,
      }),
    );
    onDone();
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void propose.submit(draft);
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="convenant-propose-title">
      <h3 id="convenant-propose-title">{t('convenant.propose')}</h3>
      <p className="muted small">{t('convenant.proposeLead')}</p>
      {NUMBER_FIELDS.map(([field, max]) => (
        <TextField
          key={field}
          type="number"
          min={1}
          max={max}
          required
          label={t(`convenant.${field}`)}
          hint={t(`convenant.${field}.hint`)}
          value={String(draft[field])}
          onChange={(e) => setDraft({ ...draft, [field]: Number(e.target.value) })}
        />
      ))}
      <Checkbox
        label={t('convenant.stopClockWhileInformationOpen')}
        hint={t('convenant.stopClockWhileInformationOpen.hint')}
        checked={draft.stopClockWhileInformationOpen}
        onChange={(e) => setDraft({ ...draft, stopClockWhileInformationOpen: e.target.checked })}
      />
      <ErrorAlert error={propose.error} />
      <Button type="submit" busy={propose.busy}>
        {t('convenant.submit')}
      </Button>
    </form>
  );
}
