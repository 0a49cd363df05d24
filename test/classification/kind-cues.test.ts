import { describe, expect, it } from 'vitest';
import { kindCues } from '../../src/classification/kind-cues.js';
import { expandAbbreviations } from '../../src/classification/expand-abbreviations.js';
import { createUnderstander } from '../../src/classification/understand.js';
import { combineKindScores } from '../../src/classification/combine-kind-scores.js';
import type { IntentKind } from '../../src/classification/types.js';

describe('kindCues', () => {
  it('names a failure apart from a mere problem word, beside a request noun', () => {
    expect(kindCues('license error')).toEqual(['problem', 'failure', 'request', 'problem+request']);
    expect(kindCues('install failed')).toContain('failure');
    expect(kindCues('password not accepted')).toContain('failure');
    expect(kindCues('no access to the hr share')).not.toContain('failure');
  });

  it('reads request verbs of common catalogue items', () => {
    for (const text of ['restore my folder', 'extend contractor account', 'move my desk', 'register my authenticator']) {
      expect(kindCues(text), text).toEqual(['request']);
    }
  });

  it("ignores apostrophes and the spaces stripped phrases leave, and keeps a trailing '?' apart from questions", () => {
    expect(kindCues("the keys don't work")).toEqual(['problem']);
    expect(kindCues('could i   get a second monitor?')).toEqual(['request', 'question-mark']);
    expect(kindCues('how do i add a printer')).toEqual(['request', 'question']);
  });
});

describe('expandAbbreviations', () => {
  it('spells out helpdesk shorthand word by word and leaves the rest alone', () => {
    expect(expandAbbreviations('pw reset')).toBe('password reset');
    expect(expandAbbreviations('vpn not conn, acct locked')).toBe('vpn not connect, account locked');
    expect(expandAbbreviations('add me to the sales dl')).toBe('add me to the sales distribution list');
    expect(expandAbbreviations('upward password')).toBe('upward password');
  });

  it('lets a shorthand title land where its spelled-out form does', () => {
    const understander = createUnderstander([
      { name: 'password_change', kind: 'service_request', description: '', defaultImpact: 3, defaultUrgency: 3, examples: ['password expired', 'password forgotten', 'change my password'] },
      { name: 'account_change', kind: 'service_request', description: '', defaultImpact: 3, defaultUrgency: 3, examples: ['account expired', 'account forgotten', 'change my account'] },
    ]);
    // Only the shorthand tells the two apart.
    expect(understander.understand('pwd expired').intent).toBe('password_change');
    expect(understander.understand('acct expired').intent).toBe('account_change');
  });
});

describe('combineKindScores', () => {
  const kindOf = new Map<string, IntentKind>([['vpn_problem', 'incident'], ['vpn_access', 'service_request']]);
  const intentPrediction = { label: 'vpn_problem', confidence: 0.8, ranking: [{ label: 'vpn_problem', score: 0.8 }, { label: 'vpn_access', score: 0.2 }] };
  const kindPrediction = { label: 'service_request', confidence: 0.7, ranking: [{ label: 'service_request', score: 0.7 }, { label: 'incident', score: 0.3 }] };

  it('lets the kind model decide the kind in proportion to its share', () => {
    expect(combineKindScores(intentPrediction, kindPrediction, kindOf, 0.5).intents[0]!.intent).toBe('vpn_problem');
    const weighted = combineKindScores(intentPrediction, kindPrediction, kindOf, 0.7).intents;
    expect(weighted[0]!.intent).toBe('vpn_access');
    expect(weighted[0]!.confidence).toBeCloseTo(0.2 * 0.3 + 0.7 * 0.7);
  });
});
