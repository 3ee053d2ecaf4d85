import type { Schemas } from '../api/client';
import { useI18n } from '../i18n';
import { Badge } from './ui';

type NextAction = Schemas['NextActionResponse'];

/** "Aan zet: de OR — advies uitbrengen vóór 13 januari 2027, nog 42 dagen", from the server's duty. */
export function useDutyText(): (duty: {
  action: string;
  track: string | null;
  ruleId: string | null;
  proposal?: string;
  title?: string;
}) => string {
  const { t, label } = useI18n();
  return (duty) => {
    const generic = t(
      `duty.${duty.action}` as never,
      {
        rule: duty.ruleId ? label('rule', duty.ruleId) : '',
        proposal: duty.proposal ?? '',
        title: duty.title ?? '',
      },
      label('action', duty.action).toLowerCase(),
    );
    return duty.track
      ? t(`duty.${duty.action}.${duty.track}` as never, undefined, generic)
      : generic;
  };
}

export function DueText({
  dueDate,
  daysLeft,
  fatal,
}: {
  dueDate: string | null;
  daysLeft: number | null;
  fatal: boolean;
}) {
  const { t, day } = useI18n();
  if (dueDate === null || daysLeft === null) {
    return null;
  }
  const left =
    daysLeft < 0
      ? t('next.overdue', { days: -daysLeft })
      : daysLeft === 0
        ? t('next.today')
        : t('next.daysLeft', { days: daysLeft });
  return (
    <>
      {' '}
      {t('next.by', { date: day(dueDate) })}, {left}
      {fatal && (
        <>
          {' '}
          <Badge tone="danger">{t('next.fatal')}</Badge>
        </>
      )}
    </>
  );
}

export function NextActionHeader({ next }: { next: NextAction | null }) {
  const { t } = useI18n();
  const what = useDutyText();
  if (!next) {
    return (
      <p className="next-action muted" data-testid="next-action">
        {t('next.nothing')}
      </p>
    );
  }
  return (
    <p
      className={`next-action next-action-${next.side}`}
      data-testid="next-action"
      data-side={next.side}
    >
      <strong>
        {t('next.header', { who: t(`next.who.${next.side}` as never), what: what(next) })}
      </strong>
      <DueText dueDate={next.dueDate} daysLeft={next.daysLeft} fatal={next.fatal} />
    </p>
  );
}

/** The same, in one line of a case list: who must act, on what, by when (from `GET /cases`). */
export function NextActionLine({ next }: { next: NextAction | null }) {
  const { t } = useI18n();
  const what = useDutyText();
  if (!next) {
    return (
      <span className="muted" data-testid="case-next-action">
        {t('next.nothing')}
      </span>
    );
  }
  return (
    <span data-testid="case-next-action" data-side={next.side}>
      {t('next.header', { who: t(`next.who.${next.side}` as never), what: what(next) })}
      <DueText dueDate={next.dueDate} daysLeft={next.daysLeft} fatal={next.fatal} />
    </span>
  );
}
