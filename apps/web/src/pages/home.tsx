import { useQuery } from '@tanstack/react-query';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import { Agenda } from '../components/agenda';
import { CaseList, StageBadge } from '../components/case-list';
import { CsvButton } from '../components/csv-button';
import { DaysLeft } from '../components/deadlines';
import { Badge, Empty, ErrorAlert, Loading, PageHeader } from '../components/ui';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useMe, useSession } from '../session';
import { OrganisationAdmin } from './admin';
import { WebhooksAdmin } from '../components/webhooks';
import { PlatformAdmin } from './platform';
import { CouncilRoles, ExpertEngagements } from './council-roles';
import { keys } from '../queries';

type DeadlineItem = Schemas['DeadlineItemResponse'];

const CLOSED = ['closed', 'withdrawn'];

export function HomePage() {
  const { roles } = useSession();
  const me = useMe();
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        title={t('home.title', { name: me.displayName })}
        lead={
          roles.union
            ? t('home.unionLead')
            : roles.council
              ? t('home.councilLead')
              : roles.employer
                ? t('home.employerLead')
                : undefined
        }
      >
        {roles.employer && (
          <Link to="/cases/new" className="button button-primary">
            {t('cases.new')}
          </Link>
        )}
      </PageHeader>
      {(roles.employer || roles.council || roles.expert || roles.union) && <Agenda />}
      {roles.employer && <EmployerHome />}
      {roles.employer && <EmployerCostNotices />}
      {(roles.council || roles.expert) && <CouncilHome />}
      {roles.union && <UnionHome />}
      {roles.board && <CouncilRoles />}
      {roles.orgAdmin && <OrganisationAdmin />}
      {roles.orgAdmin && <WebhooksAdmin />}
      {roles.platformAdmin && <PlatformAdmin />}
      {!roles.employer &&
        !roles.council &&
        !roles.union &&
        !roles.expert &&
        !roles.orgAdmin &&
        !roles.platformAdmin && <AdminHome />}
    </>
  );
}

function EmployerHome() {
  const { t, label } = useI18n();
  const me = useMe();
  const cases = useQuery({
    queryKey: keys.home('cases'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/cases', { params: { query: { limit: 200, cursor } } })),
      ),
  });
  const overview = useQuery({
    queryKey: keys.home('overview', me.organisationId),
    queryFn: () =>
      unwrap(
        api.GET('/organisations/{organisationId}/overview', {
          params: { path: { organisationId: me.organisationId } },
        }),
      ),
  });
  if (!cases.data) {
    return cases.error ? <ErrorAlert error={cases.error} /> : <Loading />;
  }
  const open = cases.data.filter((c) => !CLOSED.includes(c.stage));
  const totals = overview.data?.totals;
  return (
    <>
      {totals && (
        <ul className="figures" aria-label={t('home.register')}>
          <li>
            <span className="figure">{totals.systems}</span> {t('home.systems')}
          </li>
          <li className={totals.systemsWithoutCase ? 'figure-warn' : ''}>
            <span className="figure">{totals.systemsWithoutCase}</span>{' '}
            {t('home.systemsWithoutCase')}
          </li>
          <li className={totals.liveWithoutOpenGate ? 'figure-danger' : ''}>
            <span className="figure">{totals.liveWithoutOpenGate}</span> {t('home.liveWithoutGate')}
          </li>
          <li>
            <span className="figure">{totals.blockedCases}</span> {t('home.blockedCases')}
          </li>
        </ul>
      )}
      <section aria-labelledby="open-cases" className="card">
        <h2 id="open-cases">{t('home.openCasesTitle')}</h2>
        {open.length ? <CaseList cases={open} /> : <Empty>{t('home.nothingWaiting')}</Empty>}
      </section>
      {overview.data && overview.data.systems.some((s) => !s.currentCase) && (
        <section aria-labelledby="without-case" className="card">
          <h2 id="without-case">{t('home.systemsWithoutCase')}</h2>
          <ul className="plain-list">
            {overview.data.systems
              .filter((s) => !s.currentCase)
              .map((s) => (
                <li key={s.id}>
                  <Link to={`/ai-systems/${s.id}`}>{s.name}</Link>{' '}
                  <span className="muted small">({label('systemStatus', s.status)})</span>
                </li>
              ))}
          </ul>
        </section>
      )}
    </>
  );
}

function CouncilHome() {
  const { t, label, dateTime } = useI18n();
  const me = useMe();
  const councilId = me.memberships.find((m) => m.worksCouncilId)?.worksCouncilId ?? null;
  const dashboard = useQuery({
    queryKey: keys.home('council', councilId),
    queryFn: async () =>
      councilId
        ? unwrap(
            api.GET('/works-councils/{worksCouncilId}/dashboard', {
              params: { path: { worksCouncilId: councilId } },
            }),
          )
        : null,
  });
  if (dashboard.data === undefined) {
    return dashboard.error ? <ErrorAlert error={dashboard.error} /> : <Loading />;
  }
  if (dashboard.data === null) {
    return <Empty>{t('cases.none')}</Empty>;
  }
  const d = dashboard.data;
  const stages = d.casesByStage.filter((s) => s.count > 0);
  const upcoming = d.deadlineTimeline.flatMap((w) => w.deadlines);
  return (
    <>
      <ul className="figures" aria-label={t('home.figures')}>
        <li>
          <span className="figure">{d.totals.cases}</span> {t('home.openCases')}
        </li>
        <li className={d.totals.overdueDeadlines ? 'figure-danger' : ''}>
          <span className="figure">{d.totals.overdueDeadlines}</span> {t('home.overdue')}
        </li>
        <li className={d.totals.openInformationRequests ? 'figure-warn' : ''}>
          <span className="figure">{d.totals.openInformationRequests}</span>{' '}
          {t('home.openQuestions')}
        </li>
        <li>
          <span className="figure">{d.totals.blocked}</span> {t('home.blockedCases')}
        </li>
      </ul>
      <div className="grid-2 grid-wide-left">
        <section aria-labelledby="by-stage" className="card">
          <h2 id="by-stage">{t('home.casesByStage')}</h2>
          {stages.length === 0 && <Empty>{t('cases.none')}</Empty>}
          <div className="stage-board">
            {stages.map((stage) => {
              const listed = d.cases.filter((c) => c.stage === stage.key);
              return (
                <section
                  key={stage.key}
                  className="stage-column"
                  aria-labelledby={`stage-${stage.key}`}
                >
                  <h3 id={`stage-${stage.key}`}>
                    {label('caseStage', stage.key)} <span className="count">({stage.count})</span>
                  </h3>
                  <ul className="case-list compact">
                    {listed.map((c) => (
                      <li key={c.id} className="case-item" data-case-id={c.id}>
                        <Link to={`/cases/${c.id}`} className="case-link">
                          {c.title}
                        </Link>
                        <div className="case-meta">
                          {c.blocked && <Badge tone="danger">{t('home.blocked')}</Badge>}
                          <span className="muted">
                            {t('cases.updated')} {dateTime(c.updatedAt)}
                          </span>
                        </div>
                      </li>
                    ))}
                  </ul>
                  {stage.count > listed.length && (
                    <p className="muted small">
                      {t('home.moreInStage', {
                        count: stage.count - listed.length,
                      })}{' '}
                      <Link to="/cases">{t('home.toCaseList')}</Link>
                    </p>
                  )}
                </section>
              );
            })}
          </div>
        </section>
        <section aria-labelledby="next-deadlines" className="card">
          <h2 id="next-deadlines">{t('home.nextDeadlines')}</h2>
          <DeadlineItems items={[...d.overdueDeadlines, ...upcoming].slice(0, 8)} />
          {d.upcomingMeetings.length > 0 && (
            <>
              <h3>{t('home.upcomingMeetings')}</h3>
              <ul className="plain-list">
                {d.upcomingMeetings.slice(0, 5).map((m) => (
                  <li key={m.id}>
                    <Link to={`/meetings/${m.id}`}>{m.title}</Link>{' '}
                    <span className="muted small">
                      · {label('meetingKind', m.kind)} · {dateTime(m.startsAt)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {d.openVotes.length > 0 && (
            <>
              <h3>{t('home.openVotes')}</h3>
              <ul className="plain-list">
                {d.openVotes.slice(0, 5).map((v) => (
                  <li key={v.id}>
                    <Link to={`/cases/${v.caseId}/council`}>{v.caseTitle}</Link>: {v.proposal}{' '}
                    <span className="muted small">
                      · {t('council.closes', { date: dateTime(v.closesAt) })}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {d.openInformationRequests.length > 0 && (
            <>
              <h3>{t('home.openQuestions')}</h3>
              <ul className="plain-list">
                {d.openInformationRequests.slice(0, 5).map((r) => (
                  <li key={r.id}>
                    <Link to={`/cases/${r.caseId}/information`}>{r.caseTitle}</Link>: {r.question}{' '}
                    {r.overdue && <Badge tone="danger">{t('home.overdue')}</Badge>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </>
  );
}

/** `showEmployer`: across organisations (the union dashboard), name each case's employer too. */
function DeadlineItems({
  items,
  showEmployer = false,
}: {
  items: DeadlineItem[];
  showEmployer?: boolean;
}) {
  const { t, label, day } = useI18n();
  if (items.length === 0) {
    return <Empty>{t('deadlines.none')}</Empty>;
  }
  return (
    <ul className="deadline-list">
      {items.map((d) => (
        <li key={d.id} className="deadline" data-rule={d.ruleId}>
          <div className="deadline-title">
            <strong>{label('rule', d.ruleId)}</strong>
            {d.fatal && <Badge tone="danger">{t('deadlines.fatal')}</Badge>}
          </div>
          <div>
            <Link to={`/cases/${d.caseId}`}>{d.caseTitle}</Link>
            {showEmployer && <span className="muted small"> · {d.organisationName}</span>}
          </div>
          <div className="deadline-dates">
            <span>
              {t('deadlines.strict')}: <time dateTime={d.strictDate}>{day(d.strictDate)}</time>
            </span>
            {d.extendedDate !== d.strictDate && (
              <span>
                {t('deadlines.extended')}:{' '}
                <time dateTime={d.extendedDate}>{day(d.extendedDate)}</time>
              </span>
            )}
            <DaysLeft day={d.strictDate} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The union officer's view across organisations: only what councils shared with the union. */
function UnionHome() {
  const { t, label } = useI18n();
  const me = useMe();
  const dashboard = useQuery({
    queryKey: keys.home('organisation', me.organisationId),
    queryFn: () =>
      unwrap(
        api.GET('/unions/{unionOrganisationId}/dashboard', {
          params: { path: { unionOrganisationId: me.organisationId } },
        }),
      ),
  });
  if (!dashboard.data) {
    return dashboard.error ? <ErrorAlert error={dashboard.error} /> : <Loading />;
  }
  const d = dashboard.data;
  return (
    <>
      <ul className="figures" aria-label={t('home.figures')}>
        <li>
          <span className="figure">{d.totals.cases}</span> {t('home.sharedCases')}
        </li>
        <li>
          <span className="figure">{d.totals.organisations}</span> {t('home.organisations')}
        </li>
        <li className={d.totals.overdueDeadlines ? 'figure-danger' : ''}>
          <span className="figure">{d.totals.overdueDeadlines}</span> {t('home.overdue')}
        </li>
        <li>
          <span className="figure">{d.totals.blocked}</span> {t('home.blockedCases')}
        </li>
      </ul>
      <section aria-labelledby="shared-cases" className="card">
        <h2 id="shared-cases">{t('home.sharedCases')}</h2>
        {d.cases.length === 0 ? (
          <Empty>{t('home.noShares')}</Empty>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t('home.sharedCases')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('home.case')}</th>
                  <th scope="col">{t('home.organisation')}</th>
                  <th scope="col">{t('home.stage')}</th>
                  <th scope="col">{t('home.purpose')}</th>
                  <th scope="col">{t('home.nextDeadline')}</th>
                  <th scope="col">{t('home.scope')}</th>
                </tr>
              </thead>
              <tbody>
                {d.cases.map((c) => (
                  <tr key={c.id} data-case-id={c.id}>
                    <td>
                      <Link to={`/cases/${c.id}`}>{c.title}</Link>
                    </td>
                    <td data-organisation-id={c.organisationId}>
                      {c.organisationName}
                      <span className="muted small"> · {c.worksCouncilName}</span>
                    </td>
                    <td>
                      <StageBadge
                        c={{
                          stage: c.stage,
                          status: c.status as 'draft' | 'sent',
                          blocked: c.blocked,
                        }}
                      />
                    </td>
                    <td>
                      {label('purpose', c.purpose)}
                      {c.annexIII && c.annexIII !== 'none' && (
                        <span className="muted small">
                          {' '}
                          · {label('choice.annexIIIPoint4', c.annexIII)}
                        </span>
                      )}
                    </td>
                    <td>{c.nextDeadline ? <DaysLeft day={c.nextDeadline.strictDate} /> : '–'}</td>
                    <td>{label('shareScope', c.scope)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {d.totals.cases > d.cases.length && (
          <p className="muted small" data-testid="shared-cases-limited">
            {t('home.firstOfTotal', { shown: d.cases.length, total: d.totals.cases })}
          </p>
        )}
        <CsvButton
          path={`/unions/${me.organisationId}/dashboard.csv`}
          name="gedeelde-zaken.csv"
          label={t('home.sharedCasesCsv')}
        />
      </section>
      <div className="grid-2">
        <section aria-labelledby="union-stages" className="card">
          <h2 id="union-stages">{t('home.casesByStage')}</h2>
          <ul className="plain-list">
            {d.casesByStage
              .filter((s) => s.count > 0)
              .map((s) => (
                <li key={s.key}>
                  {label('caseStage', s.key)}: <strong>{s.count}</strong>
                </li>
              ))}
          </ul>
          <h3>{t('home.casesByOrganisation')}</h3>
          <ul className="plain-list">
            {d.casesByOrganisation.map((o) => (
              <li key={o.key}>
                {o.name}: <strong>{o.count}</strong>
              </li>
            ))}
          </ul>
          <h3>{t('home.medianDuration')}</h3>
          <p>
            {t('track.advice')}: {d.medianDurations.advice.medianDays ?? '–'} {t('home.days')} (
            {d.medianDurations.advice.procedures}) · {t('track.consent')}:{' '}
            {d.medianDurations.consent.medianDays ?? '–'} {t('home.days')} (
            {d.medianDurations.consent.procedures})
          </p>
        </section>
        <section aria-labelledby="union-deadlines" className="card">
          <h2 id="union-deadlines">{t('home.nextDeadlines')}</h2>
          <DeadlineItems
            items={[...d.deadlines.overdue, ...d.deadlines.upcoming].slice(0, 8)}
            showEmployer
          />
        </section>
      </div>
      {d.blockedCases.length > 0 && (
        <section aria-labelledby="union-blocked" className="card">
          <h2 id="union-blocked">{t('home.blockedList')}</h2>
          <ul className="plain-list">
            {d.blockedCases.map((c) => (
              <li key={c.id}>
                <Link to={`/cases/${c.id}`}>{c.title}</Link>{' '}
                <span className="muted small">
                  · {c.organisationName} · {c.worksCouncilName}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="union-systems" className="card">
        <h2 id="union-systems">{t('home.aiSystemsByPurpose')}</h2>
        <ul className="plain-list">
          {d.aiSystems.byPurpose.map((p) => (
            <li key={p.key}>
              {label('purpose', p.key)}: <strong>{p.count}</strong>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** Art. 22(2): the employer hears of the council's expert and the expected costs. */
function EmployerCostNotices() {
  const me = useMe();
  const councils = useQuery({
    queryKey: keys.home('councils', me.organisationId),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/organisations/{organisationId}/works-councils', {
            params: { query: { limit: 200, cursor }, path: { organisationId: me.organisationId } },
          }),
        ),
      ),
  });
  const councilId = councils.data?.[0]?.id;
  return councilId ? <ExpertEngagements worksCouncilId={councilId} /> : null;
}

function AdminHome() {
  const { t } = useI18n();
  return (
    <section className="card">
      <p>{t('home.adminLead')}</p>
      <p>
        <Link to="/ai-systems">{t('nav.aiSystems')}</Link>
      </p>
    </section>
  );
}
