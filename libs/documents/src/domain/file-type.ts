/**
 * What an upload is, decided from its bytes. The client's Content-Type is never trusted: a
 * renamed executable or an HTML page must not become a "PDF" that a browser later renders.
 */
export type DetectedKind =
  'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx' | 'pptx' | 'text' | 'csv' | 'markdown';

export interface DetectedType {
  kind: DetectedKind;
  /** The media type stored and served; for text always UTF-8. */
  mediaType: string;
}

export const MEDIA_TYPES: Readonly<Record<DetectedKind, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  text: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
};

/** The extension a file of each kind gets when its name leaves none to use. */
export const DEFAULT_EXTENSION: Readonly<Record<DetectedKind, string>> = {
  pdf: 'pdf',
  png: 'png',
  jpeg: 'jpg',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  text: 'txt',
  csv: 'csv',
  markdown: 'md',
};

const PDF = Buffer.from('%PDF-', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CONTENT_TYPES_PART = Buffer.from('[Content_Types].xml', 'latin1');

/** OOXML packages are ZIPs: the extension picks the kind, and the part names inside must agree. */
const OOXML: Readonly<Record<string, { kind: DetectedKind; folder: Buffer }>> = {
  docx: { kind: 'docx', folder: Buffer.from('word/', 'latin1') },
  xlsx: { kind: 'xlsx', folder: Buffer.from('xl/', 'latin1') },
  pptx: { kind: 'pptx', folder: Buffer.from('ppt/', 'latin1') },
};

const TEXT_EXTENSIONS: Readonly<Record<string, DetectedKind>> = {
  txt: 'text',
  csv: 'csv',
  md: 'markdown',
  markdown: 'markdown',
};

/**
 * Sniffs the type from magic bytes. `extension` (lower case, no dot) only tells apart kinds that
 * share a container (ZIP-based Office files) or have no signature (UTF-8 text). Returns null for
 * everything else: executables, other archives, HTML, SVG, text in other encodings.
 */
export function detectFileType(bytes: Buffer, extension: string): DetectedType | null {
  const kind = detectKind(bytes, extension.toLowerCase());
  return kind ? { kind, mediaType: MEDIA_TYPES[kind] } : null;
}

function detectKind(bytes: Buffer, extension: string): DetectedKind | null {
  if (startsWith(bytes, PDF)) {
    return 'pdf';
  }
  if (startsWith(bytes, PNG)) {
    return 'png';
  }
  if (startsWith(bytes, JPEG)) {
    return 'jpeg';
  }
  if (startsWith(bytes, ZIP)) {
    const office = Object.hasOwn(OOXML, extension) ? OOXML[extension] : undefined;
    // Part names are stored uncompressed in the local headers and in the central directory.
    return office && bytes.includes(CONTENT_TYPES_PART) && bytes.includes(office.folder)
      ? office.kind
      : null;
  }
  const textKind = Object.hasOwn(TEXT_EXTENSIONS, extension)
    ? TEXT_EXTENSIONS[extension]
    : undefined;
  return textKind && isPlainUtf8Text(bytes) ? textKind : null;
}

/** Valid UTF-8 without NUL bytes (a NUL means a binary file that merely happens to decode). */
export function isPlainUtf8Text(bytes: Buffer): boolean {
  if (bytes.includes(0)) {
    return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}
