import { DEFAULT_EXTENSION, type DetectedKind } from './file-type';

export const MAX_FILENAME_LENGTH = 200;

export interface CleanFilename {
  /** The safe base name, or null when nothing usable is left (`..`, empty, only dots). */
  name: string | null;
  /** Lower-case extension without the dot, '' when there is none. */
  extension: string;
  /** True when the client's name was altered. */
  changed: boolean;
}

// C0/C1 controls, and invisible format characters (bidi overrides spoof "pdf.exe" as "exe.pdf").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const RESERVED = /[<>:"|?*]/g;

/**
 * The client's file name reduced to a safe base name. Decision: sanitise rather than refuse.
 * Browsers on Windows may send a full path and names come from every operating system, so
 * refusing would punish ordinary users; the name is only ever a label (storage keys are content
 * hashes, never names), and what is stored and served is this cleaned name.
 */
export function cleanFilename(raw: string | undefined): CleanFilename {
  const original = raw ?? '';
  const lastSegment = original.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = lastSegment
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (name.length === 0 || /^\.+$/.test(name)) {
    return { name: null, extension: '', changed: true };
  }
  name = truncate(name);
  return { name, extension: extensionOf(name), changed: name !== original };
}

/** The stored name: the cleaned one, or `document.<ext>` when nothing usable was sent. */
export function storedFilename(clean: CleanFilename, kind: DetectedKind): string {
  return clean.name ?? `document.${DEFAULT_EXTENSION[kind]}`;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Keeps the extension when cutting a long name; counts code points, never splits a pair. */
function truncate(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_FILENAME_LENGTH) {
    return name;
  }
  const ext = extensionOf(name);
  const suffix =
    ext.length > 0 && ext.length <= 10
      ? Array.from(`.${name.slice(name.lastIndexOf('.') + 1)}`)
      : [];
  return [...chars.slice(0, MAX_FILENAME_LENGTH - suffix.length), ...suffix].join('');
}

/**
 * `attachment` with an ASCII fallback and the exact name as RFC 8187 `filename*`, so no client
 * renders the download inline and no name can break out of the header.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
