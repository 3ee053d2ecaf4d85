import type { Schemas } from '../api/client';
import { SIDE_STAGES, TRACK_ORDER, TRACK_PATH } from '../domain';
import { useI18n } from '../i18n';
import { TrackActions } from './track-actions';
import { Badge } from './ui';

type CaseResponse = Schemas['CaseResponse'];
type Track = Schemas['TrackResponse'];

interface HistoryEntry {
  at: string;
  from: string;
  to: string;
  action: { type: string };
  actorSide: string;
  /** Recorded more than two working days after the date it claims (issue #14). */
  recordedLate?: { claimedOn: string; recordedOn: string };
}

/**
 * The parallel tracks as a timeline: each track a row of its stages in process order, the
 * current one marked, stages gone past without entering them shown as skipped, what happened
 * when, and the actions the server offers the reader.
 */
export function Timeline({
  aiCase,
  onChanged,
}: {
  aiCase: CaseResponse;
  onChanged: (c: CaseResponse) => void;
}) {
  const { t } = useI18n();
  const tracks = [...aiCase.tracks].sort(
    (a, b) => TRACK_ORDER.indexOf(a.kind) - TRACK_ORDER.indexOf(b.kind),
  );
  if (tracks.length === 0) {
    return (
      <p className="empty">
        {aiCase.status === 'draft' ? t('timeline.afterTriage') : t('timeline.none')}
      </p>
    );
  }
  return (
    <div className="timeline">
      {tracks.map((track) => (
        <TrackRow key={track.kind} track={track} aiCase={aiCase} onChanged={onChanged} />
      ))}
    </div>
  );
}

function TrackRow({
  track,
  aiCase,
  onChanged,
}: {
  track: Track;
  aiCase: CaseResponse;
  onChanged: (c: CaseResponse) => void;
}) {
  const { t, label, dateTime, day } = useI18n();
  const kind = track.kind;
  const path = TRACK_PATH[kind];
  const onSide = SIDE_STAGES.includes(track.stage);
  const snapshot = track.snapshot as {
    returnStage?: string;
    history?: HistoryEntry[];
    consultationsHeld?: number;
  };
  const anchor = onSide
    ? (snapshot.returnStage ?? lastMainStage(snapshot.history ?? [], path))
    : track.stage;
  const currentIndex = path.indexOf(anchor);
  const history = [...(snapshot.history ?? [])].reverse();
  const passed = new Set([path[0], ...(snapshot.history ?? []).flatMap((h) => [h.from, h.to])]);
  // A meeting held after the request was filed never enters `consultation_held`, yet it took place.
  if ((snapshot.consultationsHeld ?? 0) > 0) {
    passed.add('consultation_held');
  }
  return (
    <section
      className={`track track-${kind}`}
      aria-labelledby={`track-${kind}`}
      data-track={kind}
      data-stage={track.stage}
    >
      <div className="track-head">
        <h3 id={`track-${kind}`}>{label('track', kind)}</h3>
        <Badge tone={track.stage === 'suspension' || onSide ? 'warn' : 'info'}>
          {label('stage', track.stage)}
        </Badge>
      </div>
      <ol
        className="track-steps"
        tabIndex={0}
        aria-label={t('timeline.stepsOf', { track: label('track', kind) })}
      >
        {path.map((stage, index) => {
          const reached = index < currentIndex || (onSide && index <= currentIndex);
          // A stage the track went past without entering it (no meeting asked, no deliberation) is skipped.
          const state =
            !onSide && index === currentIndex
              ? 'current'
              : reached
                ? passed.has(stage)
                  ? 'done'
                  : 'skipped'
                : 'todo';
          return (
            <li
              key={stage}
              className={`step step-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="step-dot" aria-hidden="true" />
              <span className="step-label">
                {label('stage', stage)}
                <span className="visually-hidden"> ({t(`timeline.${state}`)})</span>
              </span>
            </li>
          );
        })}
      </ol>
      {history.length > 0 && (
        <details className="track-history">
          <summary>{t('timeline.history', { count: history.length })}</summary>
          <ol>
            {history.map((h, i) => (
              <li key={`${h.at}-${i}`}>
                <time dateTime={h.at}>{dateTime(h.at)}</time> · {label('action', h.action.type)} (
                {label('side', h.actorSide)}): {label('stage', h.from)} → {label('stage', h.to)}
                {h.recordedLate && (
                  <span className="late-entry">
                    {' '}
                    <Badge tone="warn">{t('late.title')}</Badge>{' '}
                    {t('late.entry', {
                      action: label('action', h.action.type),
                      track: label('track', track.kind),
                      claimedOn: day(h.recordedLate.claimedOn),
                      recordedOn: day(h.recordedLate.recordedOn),
                    })}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </details>
      )}
      <TrackActions aiCase={aiCase} track={track} onChanged={onChanged} />
    </section>
  );
}

function lastMainStage(history: HistoryEntry[], path: readonly string[]): string {
  for (let i = history.length - 1; i >= 0; i--) {
    if (path.includes(history[i].from)) {
      return history[i].from;
    }
  }
  return path[0];
}
