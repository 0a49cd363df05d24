import { z } from 'zod';

/** A setting a problem check found wrong: the variable to name, and why. */
export type ConfigProblem = [variable: string, message: string];

/** An optional text setting; blank counts as unset. */
export const optionalString = z.string().trim().min(1).optional().catch(undefined);
/** Blank text counts as unset (an empty `NAME=` line in .env), so the setting's default applies. */
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** An optional http(s) URL; blank counts as unset. */
export const optionalUrl = z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional());
/** An optional URL whose scheme must match `protocol`; `expected` names the schemes in the error. */
export const optionalServiceUrl = (protocol: RegExp, expected: string) =>
  z.preprocess(blankToUndefined, z.url({ protocol, error: `must be a ${expected} URL` }).optional());
/** An optional secret of at least `min` characters. */
export const optionalSecret = (name: string, min: number) =>
  z.preprocess(blankToUndefined, z.string().trim().min(min, `${name} must be at least ${min} characters`).optional());
