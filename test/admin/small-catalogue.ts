import type { IntentDefinition } from '../../src/classification/types.js';

/** A small intent catalogue that trains in a moment, for tests that retrain often. */
export function smallCatalogue(): { intents: IntentDefinition[]; outOfScopeExamples: string[] } {
  return {
    intents: [
      {
        name: 'vpn_down', kind: 'incident', description: 'VPN not connecting', defaultImpact: 3, defaultUrgency: 2, assignmentGroup: 'Network',
        examples: ['vpn keeps dropping', 'cannot connect to the vpn', 'vpn disconnects every few minutes', 'the vpn client fails to connect', 'vpn is down', 'vpn tunnel broken again'],
      },
      {
        name: 'password_reset', kind: 'service_request', description: 'Reset a password', defaultImpact: 3, defaultUrgency: 3, assignmentGroup: 'Access',
        examples: ['i forgot my password', 'reset my password please', 'my password expired', 'locked out of my account', 'need a new password', 'password reset for windows'],
      },
      {
        name: 'printer_jam', kind: 'incident', description: 'Printer not printing', defaultImpact: 3, defaultUrgency: 3, assignmentGroup: 'Hardware',
        examples: ['the printer is jammed', 'printer will not print', 'paper stuck in the printer', 'printer shows an error', 'cannot print to the office printer', 'printing is broken'],
      },
    ],
    outOfScopeExamples: ['what is the weather today', 'book me a table for lunch', 'who won the football match', 'tell me a joke', 'order a pizza'],
  };
}
