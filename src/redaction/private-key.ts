import { marker, type RedactionRule } from './rule.js';

const begin = /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/g;

/**
 * Hide PEM private key blocks (`-----BEGIN [RSA |EC |OPENSSH |ENCRYPTED ]PRIVATE KEY-----` … `-----END … PRIVATE KEY-----`,
 * PGP `PRIVATE KEY BLOCK`s too). A block with no END line was pasted cut off: everything after its BEGIN line is hidden.
 * Scans with indexOf rather than one lazy regex, which would be quadratic on many BEGIN lines without END.
 */
export const privateKeyRule: RedactionRule = (text, found) => {
  if (!text.includes('PRIVATE KEY')) return text;
  let out = '';
  let from = 0;
  begin.lastIndex = 0;
  for (let m = begin.exec(text); m; m = begin.exec(text)) {
    const endLine = text.indexOf('-----END ', m.index + m[0].length);
    const close = endLine === -1 ? -1 : text.indexOf('-----', endLine + 9);
    const stop = close === -1 ? text.length : close + 5;
    out += text.slice(from, m.index) + marker('private_key');
    found.push({ kind: 'private_key' });
    from = stop;
    begin.lastIndex = stop;
  }
  return out + text.slice(from);
};
