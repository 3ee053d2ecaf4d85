import type { ActorSide, ConfidentialityMark, DocumentOrigin, Viewer } from '@wc/access';

export {
  type ConfidentialityMark,
  type DocumentKind,
  type DocumentOrigin,
  isConfidentialOn,
  mayReadDocument,
  mayReadDocumentKind,
  type Viewer,
} from '@wc/access';

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
  return (
    viewer.side === 'employer' || (originOf(viewer.side) !== null && viewer.userId === createdBy)
  );
}

export { amsterdamDay } from '@wc/core';
