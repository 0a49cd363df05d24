import type { IntentDefinition, IntentKind } from '../../src/classification/types.js';

/** A draft of 40 generated intents × 50 examples: seconds of training, as a large real catalogue takes. */
export function largeDraft(): IntentDefinition[] {
  const things = ['laptop', 'monitor', 'docking station', 'headset', 'keyboard', 'mouse', 'phone', 'tablet', 'webcam', 'scanner',
    'projector', 'router', 'badge', 'printer toner', 'usb stick', 'charger', 'smartcard', 'desk phone', 'vpn token', 'license key'];
  const problems = ['is broken', 'stopped working', 'shows an error', 'does not turn on', 'keeps crashing'];
  const requests = ['i need a new', 'please order a', 'can i get a', 'request for a', 'i would like another'];
  const places = ['at my desk', 'in the office', 'at home', 'in building b', 'since this morning', 'after the update', 'again', 'today', 'for the third time', 'on the second floor',
  ];
  const intents: IntentDefinition[] = [];
  things.forEach((thing, t) => {
    for (const kind of ['incident', 'service_request'] as IntentKind[]) {
      const phrases = kind === 'incident' ? problems.map((p) => `my ${thing} ${p}`) : requests.map((r) => `${r} ${thing}`);
      intents.push({
        name: `${kind === 'incident' ? 'fault' : 'order'}_${t}`, kind, description: `${thing} ${kind}`, defaultImpact: 3, defaultUrgency: 3,
        examples: phrases.flatMap((phrase) => places.map((place) => `${phrase} ${place}`)),
      });
    }
  });
  intents.push({
    name: 'parking_permit', kind: 'service_request', description: 'Car park permit', defaultImpact: 3, defaultUrgency: 3,
    examples: ['i need a parking permit', 'apply for a car park pass', 'my car needs a parking space at the office', 'renew my parking permit'],
  });
  return intents;
}
