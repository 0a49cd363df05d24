import { describe, expect, it } from 'vitest';
import { stripContextPhrases } from '../../src/classification/strip-context-phrases.js';
import { augmentWithContext, CONTEXT_PHRASES } from '../../src/classification/augment-with-context.js';
import { inferImpactUrgency } from '../../src/classification/infer-impact-urgency.js';

const words = (text: string) => text.split(/\W+/).filter(Boolean);

describe('stripContextPhrases', () => {
  it('removes impact, urgency, greetings and politeness, and keeps the topic words', () => {
    expect(words(stripContextPhrases('Hi team, email is down for our entire team, URGENT please help!'))).toEqual(['email', 'is', 'down', 'for', 'our']);
    expect(words(stripContextPhrases('the vpn is down for the whole floor and nobody can work'))).toEqual(['the', 'vpn', 'is', 'down', 'for', 'the', 'and']);
    expect(words(stripContextPhrases('can someone please help me with the printer, thanks in advance'))).toEqual(['with', 'the', 'printer']);
  });

  it('leaves a message alone when nothing but context would remain', () => {
    expect(stripContextPhrases('Hello, urgent!')).toBe('hello, urgent!');
    expect(stripContextPhrases('outlook not syncing')).toBe('outlook not syncing');
  });
});

describe('inferImpactUrgency on team-wide stoppages', () => {
  it('reads "nobody can work" as urgency 1, and a workaround as urgency 3 (ITIL: a workaround lowers urgency)', () => {
    expect(inferImpactUrgency('nobody can work')).toEqual({ impact: 1, urgency: 1 });
    expect(inferImpactUrgency("we can't work, the server is down")).toEqual({ urgency: 1 });
    expect(inferImpactUrgency('we can work around it')).toEqual({ urgency: 3 });
    expect(inferImpactUrgency("we can't work and there is no workaround")).toEqual({ urgency: 1 });
    expect(inferImpactUrgency('there is no workaround')).toEqual({});
    expect(inferImpactUrgency('not a workaround i can use')).toEqual({});
  });
});

describe('augmentWithContext', () => {
  const examples = [{ text: 'printer jammed', label: 'printer' }, { text: 'need a laptop', label: 'laptop' }];

  it('keeps the originals first and adds labelled copies with a context phrase', () => {
    const out = augmentWithContext(examples, { copies: 2 });
    expect(out.slice(0, 2)).toEqual(examples);
    expect(out.length).toBe(6);
    for (const [n, copy] of out.slice(2).entries()) {
      const original = examples[n % 2]!;
      expect(copy.label).toBe(original.label);
      expect(copy.text).toContain(original.text);
      expect(CONTEXT_PHRASES.some((p) => copy.text.includes(p))).toBe(true);
    }
  });

  it('is deterministic and can be switched off', () => {
    expect(augmentWithContext(examples)).toEqual(augmentWithContext(examples));
    expect(augmentWithContext(examples, { copies: 0 })).toEqual(examples);
  });
});
