import { plainSources } from '@wc/texts';

import type { Schemas } from '../api/client';
import { daysBetween, todayInAmsterdam } from '../format';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages/nl';
import { Link } from '../router';
import { Badge } from './ui';

export type Deadline = Schemas['DeadlineResponse'];
export type DeadlineWithCase = Deadline & { caseId: string; caseTitle: string };

/** Days left until a calendar day, counted in Amsterdam. */
export function daysLeft(day: string): number {
  return daysBetween(todayInAmsterdam(), day);
}

export function DaysLeft({ day }: { day: string }) {
  const { t } = useI18n();
  const left = daysLeft(day);
  const tone = left < 0 ? 'danger' : left <= 7 ? 'warn' : 'neutral';
  return (
    <Badge tone={tone}>
      {left < 0
        ? t('deadlines.overdue', { days: -left })
        : left === 0
          ? t('deadlines.today')
          : t('deadlines.daysLeft', { days: left })}
    </Badge>
  );
}

/** Deadlines with both dates: the strict one, and the Algemene termijnenwet-extended one when it differs. */
export function DeadlineList({
  deadlines,
  withCase,
}: {
  deadlines: Array<Deadline | DeadlineWithCase>;
  withCase?: boolean;
}) {
  const i18n = useI18n();
  const { t, label, day } = i18n;
  return (
    <ul className="deadline-list">
      {deadlines.map((d) => (
        <li key={d.id} className={`deadline deadline-${d.status}`} data-rule={d.ruleId}>
          <div className="deadline-title">
            <strong>{label('rule', d.ruleId)}</strong>
            {d.track && <span className="muted"> · {label('track', trackLabelKey(d.track))}</span>}
            {d.fatal && <Badge tone="danger">{t('deadlines.fatal')}</Badge>}
            {!d.statutory && (
              // An internal SLA of Overleg binds no one; an agreed (convenant) term binds both sides.
              <Badge>
                {t(d.source.includes('internal SLA') ? 'deadlines.internal' : 'deadlines.agreed')}
              </Badge>
            )}
            {d.status !== 'open' && <Badge tone="ok">{label('deadlineStatus', d.status)}</Badge>}
            {d.status === 'open' && d.clockStoppedSince && (
              <Badge tone="warn">
                {t('deadlines.clockStopped', { since: day(d.clockStoppedSince) })}
              </Badge>
            )}
          </div>
          {withCase && 'caseId' in d && (
            <div>
              <Link to={`/cases/${d.caseId}`}>{d.caseTitle}</Link>
            </div>
          )}
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
            {d.status === 'open' && <DaysLeft day={d.strictDate} />}
          </div>
          {d.pausedDays > 0 && (
            <div className="muted small">{t('deadlines.paused', { days: d.pausedDays })}</div>
          )}
          {d.status === 'open' && d.agreedTermEndsOnNonWorkingDay && (
            <p className="small" role="note">
              {t('deadlines.agreedNonWorkingDay')}
            </p>
          )}
          {/* The rule's source in plain language: the rule's own text where the catalogue has one,
              else its research ids read as articles (issue #18). */}
          <div className="muted small">
            {t('deadlines.source')}:{' '}
            {t(`ruleSource.${d.ruleId}` as MessageKey, {}, '') ||
              plainSources([d.source], i18n.lang)}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** A term on a request or letter of its own (`information:<id>`, `letter:<id>`) is labelled by its kind. */
function trackLabelKey(track: string): string {
  return track.startsWith('information:')
    ? 'information'
    : track.startsWith('letter:')
      ? 'letter'
      : track;
}
