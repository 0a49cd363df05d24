import { DeskbotError } from '../../core/errors.js';

/**
 * Decode an uploaded file's bytes to text. UTF-8 is expected (a UTF-8 BOM is dropped); a file that starts with a
 * UTF-16 BOM (what Excel's "Unicode text" and Windows Notepad write) is decoded as UTF-16 LE/BE. Anything else must
 * be valid UTF-8 (stray NUL characters are dropped): decoding is strict (`TextDecoder` with `fatal: true`), because a lenient decoder turns a Latin-1
 * `é` into `�` and stores that in the catalogue without a word.
 * Spec: WHATWG Encoding Standard (https://encoding.spec.whatwg.org/), BOM sniffing as in its `decode` algorithm.
 * @param what how the message names the bytes, e.g. "The file"
 * @throws DeskbotError `bad_request` naming the encoding problem and the line where it starts
 */
export function decodeFileBytes(bytes: Uint8Array, what = 'The file'): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new DeskbotError('bad_request', `${what} starts with a UTF-16 byte order mark but is not valid UTF-16: save it as UTF-8.`);
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    if (looksLikeUtf16(bytes)) throw new DeskbotError('bad_request', `${what} looks like UTF-16 without a byte order mark (every other byte is NUL): save it as UTF-8.`);
    throw new DeskbotError('bad_request', `${what} is not valid UTF-8 (first bad byte on line ${lineOfFirstBadByte(bytes)}; Latin-1 or Windows-1252, perhaps): save it as UTF-8 and upload it again.`);
  }
  // NUL is valid UTF-8 but PostgreSQL text cannot hold it. Many of them mean UTF-16 without a BOM (every other byte
  // NUL) or a binary file: refused. A stray one in a text file is stripped, as the chat path does.
  const nuls = text.split('\u0000').length - 1;
  if (nuls * 10 >= text.length && nuls > 0) throw new DeskbotError('bad_request', `${what} contains NUL bytes: it looks like UTF-16 without a byte order mark, or not a text file; save it as UTF-8.`);
  return nuls ? text.replaceAll('\u0000', '') : text;
}

/** 1-based line of the first byte sequence that is not UTF-8. */
function lineOfFirstBadByte(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const bad = lenient.indexOf('\uFFFD');
  return lenient.slice(0, Math.max(0, bad)).split('\n').length;
}

/** At least a third of the bytes in even or odd positions are NUL: text in UTF-16 (LE or BE) without its BOM. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const nuls = [0, 0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) nuls[i % 2]! += 1;
  return Math.max(nuls[0]!, nuls[1]!) * 6 >= bytes.length && bytes.length >= 4;
}
