import { readFileSync } from 'node:fs';
import { DeskbotError } from '../core/errors.js';

/**
 * Read and parse a JSON file that deskbot needs to start (the seed intents, the request forms); the caller validates
 * what it holds.
 * @param what what the file is, for the error (`seed intents`)
 * @throws DeskbotError `config_invalid` "cannot read <what> at <path>" when it is missing, unreadable or not JSON
 */
export function readJsonFile(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new DeskbotError('config_invalid', `cannot read ${what} at ${path}`, { cause: err });
  }
}
