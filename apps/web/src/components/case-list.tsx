import type { Schemas } from '../api/client';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { NextActionLine } from './next-action';
import { Badge } from './ui';

type CaseSummary = Schemas['CaseListItemResponse'];

export function StageBadge({ c }: { c: Pick<CaseSummary, 'stage' | 'status' | 'blocked'> }) {
  const { label } = useI18n();
  const stage = c.status === 'draft' ? 'draft' : c.stage;
  const tone =
    c.blocked || stage === 'prohibited'
      ? 'danger'
      : stage === 'suspension'
        ? 'warn'
        : stage === 'implemented' || stage === 'closed'
          ? 'ok'
          : 'info';
  return <Badge tone={tone}>{label('caseStage', stage)}</Badge>;
}

export function CaseList({
  cases,
  showWaiting,
  compact,
}: {
  cases: CaseSummary[];
  showWaiting?: boolean;
  compact?: boolean;
}) {
  const { t, dateTime } = useI18n();
  return (
    <ul className={`case-list${compact ? ' compact' : ''}`}>
      {cases.map((c) => (
        <li key={c.id} className="case-item" data-case-id={c.id}>
          <Link to={`/cases/${c.id}`} className="case-link">
            {c.title}
          </Link>
          <div className="case-meta">
            <StageBadge c={c} />
            {showWaiting && <NextActionLine next={c.nextAction} />}
            {!compact && (
              <span className="muted">
                {t('cases.updated')} {dateTime(c.updatedAt)}
              </span>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
