import type { Schemas } from '../api/client';
import { useI18n } from '../i18n';

type CaseResponse = Schemas['CaseResponse'];

interface PositionRecord {
  position: string;
  conditions?: string[];
  reasons?: string;
  receivedOn?: string;
}
interface DecisionRecord {
  follows: boolean;
  reasons?: string;
  implementationDate?: string;
  receivedOn?: string;
  withoutCouncilPosition?: boolean;
}

/**
 * The council's position with its reasons and conditions and the employer's decision with its
 * reasons, per WOR track, on the overview for both sides: the employer decides knowing what it
 * follows or deviates from, legal-rules (b)3.
 */
export function Positions({ aiCase }: { aiCase: CaseResponse }) {
  const { t, label, day } = useI18n();
  const rows = aiCase.tracks
    .filter((tr) => tr.kind === 'advice' || tr.kind === 'consent')
    .map((tr) => ({
      kind: tr.kind,
      position: tr.snapshot.councilPosition as PositionRecord | undefined,
      decision: tr.snapshot.employerDecision as DecisionRecord | undefined,
    }))
    .filter((r) => r.position || r.decision);
  if (rows.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="story-title" className="card positions">
      <h2 id="story-title">{t('story.title')}</h2>
      {rows.map((r) => (
        <div key={r.kind} className="position-track" data-track={r.kind}>
          <h3>{label('track', r.kind)}</h3>
          {r.position && (
            <div className="council-position" data-testid={`council-position-${r.kind}`}>
              <h4>
                {t('story.councilPosition')}: {label('position', r.position.position)}
              </h4>
              {r.position.receivedOn && (
                <p className="muted small">
                  {t('story.receivedOn', { date: day(r.position.receivedOn) })}
                </p>
              )}
              {r.position.reasons && (
                <p>
                  <strong>{t('story.reasons')}:</strong> {r.position.reasons}
                </p>
              )}
              {(r.position.conditions ?? []).length > 0 && (
                <>
                  <strong>{t('story.conditions')}:</strong>
                  <ol className="conditions">
                    {(r.position.conditions ?? []).map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ol>
                </>
              )}
            </div>
          )}
          {r.decision && (
            <div className="employer-decision" data-testid={`employer-decision-${r.kind}`}>
              <h4>
                {t('story.employerDecision')}:{' '}
                {r.decision.withoutCouncilPosition
                  ? t('story.withoutPosition')
                  : r.decision.follows
                    ? t('story.follows')
                    : t('story.deviates')}
              </h4>
              {r.decision.receivedOn && (
                <p className="muted small">
                  {t('story.receivedOn', { date: day(r.decision.receivedOn) })}
                </p>
              )}
              {r.decision.reasons && (
                <p>
                  <strong>{t('story.reasons')}:</strong> {r.decision.reasons}
                </p>
              )}
              {r.decision.implementationDate && (
                <p>
                  <strong>{t('story.implementationDate')}:</strong>{' '}
                  {day(r.decision.implementationDate)}
                </p>
              )}
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
