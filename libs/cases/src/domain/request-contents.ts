import type { WorTrackKind } from './tracks';

/** Statutory contents of the written request, legal-rules (b)1-2. */
export type RequestContentItem =
  | 'written_document'
  | 'intended_decision'
  | 'grounds'
  | 'reasons'
  | 'consequences_for_staff'
  | 'measures'
  | 'regeling_text';

export const REQUIRED_REQUEST_CONTENTS: {
  readonly [K in WorTrackKind]: readonly RequestContentItem[];
} = {
  // WOR 25(2)-(3): in writing; the decision and its 25(1) grounds; reasons, consequences for
  // staff and the measures intended in response [W3, S4]
  advice: [
    'written_document',
    'intended_decision',
    'grounds',
    'reasons',
    'consequences_for_staff',
    'measures',
  ],
  // WOR 27(2): the regeling in writing with reasons and consequences; no "measures" [W12, S8]
  consent: ['written_document', 'regeling_text', 'reasons', 'consequences_for_staff'],
};

/** The required items not among `present`, for `CaseFacts.missingRequestContents`. */
export function missingRequestContents(
  kind: WorTrackKind,
  present: readonly string[],
): RequestContentItem[] {
  return REQUIRED_REQUEST_CONTENTS[kind].filter((item) => !present.includes(item));
}
