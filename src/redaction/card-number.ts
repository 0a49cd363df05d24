import { luhnValid } from './luhn.js';
import { marker, regexRule, type RedactionRule } from './rule.js';

// Contiguous 13–19 digits, or groups with one consistent separator: 4-4-4-(1..7) and Amex/Diners 4-6-(4|5).
// Letters or digits on either side mean it is part of something else (ticket numbers, ids).
const cardPattern =
  /(?<![0-9A-Za-z_])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{4,5})(?![0-9A-Za-z_])/g;

/** Hide payment card numbers: 13–19 digits, optionally grouped by spaces or dashes, Luhn-valid, not all zeros. */
export const cardNumberRule = regexRule('card_number', cardPattern, (match) => {
  const digits = match.replace(/[ -]/g, '');
  if (digits.length < 13 || digits.length > 19 || /^0+$/.test(digits) || !luhnValid(digits)) return null;
  return marker('card_number');
});

// "cvv 123", "CVC: 4567", "security code 123": the card's verification value, wherever it is written.
const verificationPattern = /(?<![A-Za-z])(?<label>cvv2?|cvc2?|csc|cid|security code)(?<sep>[ \t]{0,3}(?:[:=#]|is)?[ \t]{0,3})(?<value>\d{3,4})(?!\d)/gi;
// "exp 12/27", "expires 12/2027", "valid thru 12-27": an expiry date, hidden only beside a card number already hidden.
const expiryPattern = /(?<![A-Za-z])(?<label>exp(?:iry|ires|iration)?(?: date)?|valid (?:thru|through|until))(?<sep>[ \t]{0,3}:?[ \t]{0,3})(?<value>(?:0?[1-9]|1[0-2])[/-](?:\d{2}|\d{4}))(?![\d/])/gi;

/** Hide a card verification value (CVV/CVC/CSC) next to its label. */
export const cardVerificationRule = regexRule('card_number', verificationPattern, (_m, g) => `${g.label}${g.sep}${marker('card_number')}`);

/** Hide a card's expiry date when the same text held a card number (a date alone is not a secret). */
export const cardExpiryRule: RedactionRule = (text, found) =>
  text.includes(marker('card_number')) ? expiryRedaction(text, found) : text;

const expiryRedaction = regexRule('card_number', expiryPattern, (_m, g) => `${g.label}${g.sep}${marker('card_number')}`);
