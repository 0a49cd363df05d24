import { expect, test } from 'vitest';
import { showsFrustration } from '../../src/conversation/frustration.js';
import { asksForHuman } from '../../src/conversation/asks-for-human.js';

test('frustration is recognised in the usual words', () => {
  for (const t of ['this is the third time I\'m asking about my vpn', 'printer still not working!!', 'this is ridiculous, outlook again', 'nobody is helping me', 'fed up with this laptop'])
    expect(showsFrustration(t), t).toBe(true);
  for (const t of ['vpn keeps dropping', 'the third floor printer is jammed', 'I still need access to the finance share', 'first time setting up my phone'])
    expect(showsFrustration(t), t).toBe(false);
});

test('a request for a person is recognised', () => {
  for (const t of ['can I talk to a human', 'speak to someone please', 'real person please', 'live agent']) expect(asksForHuman(t), t).toBe(true);
  for (const t of ['my human resources app crashes', 'new person starting monday needs a laptop']) expect(asksForHuman(t), t).toBe(false);
});
