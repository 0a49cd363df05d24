// Ticket titles are typed in a hurry: "pw reset", "vpn not conn", "acct locked", "new dl for sales". The seed
// examples mostly spell words out, so these shorthands would otherwise be unknown tokens. Only shorthands with one
// meaning in an IT desk are listed; ambiguous ones ("mon", "sp", "od") are left to the character n-grams.
const ABBREVIATIONS: Record<string, string> = {
  pw: 'password', pwd: 'password', passwd: 'password', passwrd: 'password', pword: 'password',
  acct: 'account', accnt: 'account',
  conn: 'connect', connx: 'connection', disconn: 'disconnect',
  req: 'request', reqd: 'required', rqst: 'request',
  dl: 'distribution list', dls: 'distribution lists',
  mbx: 'mailbox', ooo: 'out of office', oof: 'out of office',
  lic: 'licence', lics: 'licences', license: 'licence', licenses: 'licences', licensed: 'licenced',
  sw: 'software', hw: 'hardware', kbd: 'keyboard', mtg: 'meeting', msg: 'message', msgs: 'messages',
  perms: 'permissions', perm: 'permission', auth: 'authentication', config: 'configuration',
  err: 'error', errs: 'errors', recv: 'receive', rcv: 'receive', rcvd: 'received',
  wfh: 'working from home', o365: 'office 365', m365: 'office 365',
  nj: 'new joiner', plz: 'please', pls: 'please',
  instal: 'install', uninst: 'uninstall', upd: 'update', upg: 'upgrade', dwnld: 'download', lappy: 'laptop',
};

const WORD = /[a-z0-9]+/g;

/**
 * Spell out helpdesk shorthand in a normalized (lower-case) text, word by word ("pw reset" → "password reset",
 * "vpn not conn" → "vpn not connect"). Other words and all punctuation are kept as they are.
 * @param normalized text from `normalizeText` or `stripContextPhrases`
 * @returns the text with known shorthands replaced; the same string when there is none
 */
export function expandAbbreviations(normalized: string): string {
  return normalized.replace(WORD, (word) => ABBREVIATIONS[word] ?? word);
}
