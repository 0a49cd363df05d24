import { marker, notRedacted, regexRule } from './rule.js';
import { commonWords } from './common-words.js';

// label [for|on <thing>] then one of: `:`/`=` (explicit), connector words like "is", "was", "is now" (prose), or just a space (bare).
const passwordPattern = new RegExp(
  String.raw`(?<![A-Za-z0-9])(?<label>passwords?|passwd|passphrase|passcode|pwd|pw|pass|passwort|kennwort|mot de passe|mdp|contrase[ñn]a|clave|wachtwoord|senha|parola d'ordine|l[öo]senord|adgangskode|passord|salasana)` +
    String.raw`(?:[ \t]+(?:for|on)[ \t]+(?:(?:the|my|our)[ \t]+)?[^\s:=]{1,40})?` +
    String.raw`(?:(?<explicit>["']?[ \t]{0,5}(?:=>|[:=])[ \t]{0,5})|(?<prose>(?:[ \t]+(?:is|was|now|to|be|will|would|should|set|changed|became|still|currently|temporarily|ist|lautet|est|es|är|er|é|è|jest)[ \t]*[:=]?){1,4}[ \t]+)|(?<bare>[ \t]+))` +
    String.raw`(?<value>"${notRedacted}[^"\n]{1,200}"|'${notRedacted}[^'\n]{1,200}'|${notRedacted}\S+)`,
  'gi',
);

const trailingPunctuation = /[.,;:)\]'"]+$/;

/**
 * Hide passwords written in a message: `password=X`, `pwd: X`, `my password is hunter2`, `new password Summer2024!`,
 * `user jdoe pw Secret1`. Ordinary talk about passwords survives ("I forgot my password", "password reset please",
 * "my password is expired"): after a bare label only secret-looking values are hidden; after "is"/"was" also a plain
 * word that ends the sentence, unless it is a common word; after `:`/`=` anything but a common word.
 */
export const passwordRule = regexRule('password', passwordPattern, (match, g, after) => {
  const raw = g.value!;
  const quoted = /^["']/.test(raw);
  const value = quoted ? raw : raw.replace(trailingPunctuation, '');
  const tail = raw.slice(value.length);
  // A final ? or ! is judged as punctuation ("password policy?") but hidden with the value ("Summer2024!").
  const core = value.replace(/[?!]+$/, '');
  const endsClause = core !== value || tail !== '' || after === '' || after.startsWith('\n') || after.startsWith('\r');
  const hide = quoted || shouldHide(core, g, endsClause);
  if (!hide) return null;
  return match.slice(0, match.length - raw.length) + marker('password') + tail;
});

function shouldHide(value: string, g: Record<string, string | undefined>, endsClause: boolean): boolean {
  if (value === '' || /^(?:INC|REQ)\d{7,}$/i.test(value)) return false;
  if (g.explicit !== undefined) return !isCommonWord(value);
  if (g.prose !== undefined) return looksSecret(value) || (endsClause && /^[a-z]+$/i.test(value) && !isCommonWord(value));
  return g.label!.toLowerCase() !== 'pass' && looksSecret(value);
}

function isCommonWord(value: string): boolean {
  return /^[a-z']+$/i.test(value) && commonWords.has(value.toLowerCase());
}

/** Digits with letters, symbols with letters, inner capitals (`CorrectHorse`), or six or more digits. */
export function looksSecret(value: string): boolean {
  const letters = /[A-Za-z]/.test(value);
  if (/^\d{6,}$/.test(value)) return true;
  if (value.length < 6 || !letters) return false;
  return /\d/.test(value) || /[!@#$%^&*+=?~_<>|\\{}[\]]/.test(value) || /[a-z][A-Z]/.test(value);
}
