import { describe, expect, it } from 'vitest';
import { findTicketNumbers } from '../../src/classification/find-ticket-numbers.js';
import { inferImpactUrgency } from '../../src/classification/infer-impact-urgency.js';
import { asksForTicketStatus, isOnlyGreeting } from '../../src/classification/conversational-phrases.js';
import { loadSeedIntents } from '../../src/classification/load-seed-intents.js';
import { DeskbotError } from '../../src/core/errors.js';

describe('findTicketNumbers', () => {
  it('finds INC and REQ numbers leniently and upper-cases them once each', () => {
    expect(findTicketNumbers('inc 0001234, REQ-0001001 and INC0001234 again')).toEqual(['INC0001234', 'REQ0001001']);
  });
  it('ignores numbers of the wrong length or glued to words', () => {
    expect(findTicketNumbers('INC123 XINC0001234 INC00012345')).toEqual([]);
  });
});

describe('inferImpactUrgency', () => {
  it('maps wording to ITIL levels', () => {
    expect(inferImpactUrgency('the entire office is offline')).toEqual({ impact: 1 });
    expect(inferImpactUrgency('my team cannot print')).toEqual({ impact: 2 });
    expect(inferImpactUrgency('just me, no rush')).toEqual({ impact: 3, urgency: 3 });
    expect(inferImpactUrgency('ASAP please')).toEqual({ urgency: 1 });
    expect(inferImpactUrgency('outlook is slow')).toEqual({});
  });

  it('reads negated urgency as low, not high', () => {
    expect(inferImpactUrgency('printer is jammed, not urgent')).toEqual({ urgency: 3 });
    expect(inferImpactUrgency("it isn't that urgent")).toEqual({ urgency: 3 });
    expect(inferImpactUrgency('urgent: printer is jammed')).toEqual({ urgency: 1 });
    expect(inferImpactUrgency('the screen is cracked and nobody else has this')).toEqual({ impact: 3 });
  });
});

describe('conversational phrases', () => {
  it('tells ticket status questions and pure greetings', () => {
    expect(asksForTicketStatus('show me my open tickets')).toBe(true);
    expect(asksForTicketStatus('my printer is broken')).toBe(false);
    expect(isOnlyGreeting('Good morning!')).toBe(true);
    expect(isOnlyGreeting('good morning my vpn is down')).toBe(false);
  });
});

describe('loadSeedIntents', () => {
  it('loads a catalogue where every intent has a kind, defaults and at least 25 examples', () => {
    const seed = loadSeedIntents();
    expect(seed.intents.length).toBeGreaterThanOrEqual(17);
    expect(seed.outOfScopeExamples.length).toBeGreaterThanOrEqual(75);
    for (const intent of seed.intents) expect(intent.examples.length, intent.name).toBeGreaterThanOrEqual(25);
    expect(new Set(seed.intents.map((i) => i.kind))).toEqual(new Set(['incident', 'service_request', 'question', 'ticket_status', 'greeting']));
  });
  it('throws config_invalid for a missing file', () => {
    expect(() => loadSeedIntents('/nonexistent/intents.json')).toThrow(DeskbotError);
  });
});
