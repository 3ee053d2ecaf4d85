import type { ActorSide } from '@wc/cases';

/** Which side of the table submitted a document or imposed secrecy. */
export type DocumentOrigin = 'employer' | 'council';

/**
 * A WOR art. 20 secrecy mark on one document (legal-rules W18 and (b)10): which data (`scope`),
 * for how long (`until`, an inclusive Europe/Amsterdam calendar day, or null for no end date) and
 * which persons are exempted. `exemptedUserIds` records the notice's exempted persons; it does not
 * decide access. Experts (art. 16) are themselves bound by the secrecy; which ones may read the item
 * is decided per item (model.md "as decided per item") in `allowedExpertIds`.
 */
export interface ConfidentialityMark {
  scope: string;
  until: string | null;
  exemptedUserIds: string[];
  allowedExpertIds: string[];
  imposedBy: string;
  imposedBySide: DocumentOrigin;
  imposedAt: string;
}

export interface Viewer {
  side: ActorSide;
  userId: string;
}

/** The mark is in force until the end of its `until` day; after that the document is ordinary. */
export function isConfidentialOn(mark: ConfidentialityMark | null, today: string): mark is ConfidentialityMark {
  return mark !== null && (mark.until === null || today <= mark.until);
}

/**
 * Whether someone who can see the case may see this document at all (model.md "Visibility").
 * Ordinary documents: everyone on the case. Confidential ones: the employer side and the council
 * (bound by secrecy), experts only when admitted to this item, union officers never, and nobody else.
 * A document one may not see does not exist for them (404, absent from lists).
 */
export function mayReadDocument(viewer: Viewer, mark: ConfidentialityMark | null, today: string): boolean {
  if (!isConfidentialOn(mark, today)) {
    return true;
  }
  switch (viewer.side) {
    case 'employer':
    case 'council_board':
    case 'council_member':
      return true;
    case 'expert':
      return mark.allowedExpertIds.includes(viewer.userId);
    case 'union':
      return false;
    default:
      return false;
  }
}

/** Who is on the list of exempted persons and admitted experts is for the parties, not experts. */
export function maySeeConfidentialityParties(side: ActorSide): boolean {
  return originOf(side) !== null;
}

/** The employer side and the council submit documents; experts and unions read. */
export function originOf(side: ActorSide): DocumentOrigin | null {
  switch (side) {
    case 'employer':
      return 'employer';
    case 'council_board':
    case 'council_member':
      return 'council';
    default:
      return null;
  }
}

/** WOR art. 20(1): the employer, or the council (acting through its board), imposes secrecy. */
export function imposingOrigin(side: ActorSide): DocumentOrigin | null {
  return side === 'employer' ? 'employer' : side === 'council_board' ? 'council' : null;
}

/** Only the side that imposed the secrecy may change or lift it. */
export function mayChangeConfidentiality(side: ActorSide, mark: ConfidentialityMark): boolean {
  return imposingOrigin(side) === mark.imposedBySide;
}

/** New versions come from the side that submitted the document. */
export function mayAddVersion(side: ActorSide, origin: DocumentOrigin): boolean {
  return originOf(side) === origin;
}

/** The employer side, or whoever uploaded it. */
export function mayDeleteDocument(viewer: Viewer, createdBy: string): boolean {
  return viewer.side === 'employer' || (originOf(viewer.side) !== null && viewer.userId === createdBy);
}

/** The Europe/Amsterdam calendar day of an instant, `YYYY-MM-DD`. */
export function amsterdamDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
