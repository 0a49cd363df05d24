import { luhnValid } from './luhn.js';
import { marker, regexRule } from './rule.js';

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
