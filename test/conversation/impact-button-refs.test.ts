import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { choiceValue, parseChoiceValue } from '../../src/conversation/choice-values.js';
import { parseDialogState } from '../../src/conversation/dialog-state.js';
import { sweepPendingIncidents } from '../../src/conversation/sweep-pending-incidents.js';
import { choiceValues, createPipelineHarness, replyText, type PipelineHarness, type TestEmployee } from '../support/pipeline-harness.js';

let h: PipelineHarness;
beforeAll(async () => { h = await createPipelineHarness(); });
afterAll(async () => { await h?.close(); });

async function ticketsOf(emp: TestEmployee) {
  return h.db.prisma.ticket.findMany({ where: { requester: { identities: { some: { externalId: emp.id } } } }, orderBy: { number: 'asc' } });
}

async function stateOf(emp: TestEmployee) {
  const conversation = await h.db.prisma.conversation.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: emp.conversationId } } });
  return parseDialogState(conversation.state);
}

/** The value of the button with `level` among a turn's impact buttons. */
function button(turn: Parameters<typeof choiceValues>[0], level: string): string {
  const value = choiceValues(turn).find((v) => v.startsWith(`impact:${level}`));
  if (!value) throw new Error(`no impact:${level} button`);
  return value;
}

describe('impact buttons answer the incident they were asked about', () => {
  test('each question\'s buttons carry its own ref; old values without one still parse; foreign refs do not', () => {
    expect(parseChoiceValue('impact:workaround')).toEqual({ type: 'impact', level: 'workaround' });
    const value = choiceValue({ type: 'impact', level: 'me_blocked', ref: 'INC0001234' });
    expect(parseChoiceValue(value)).toEqual({ type: 'impact', level: 'me_blocked', ref: 'INC0001234' });
    expect(parseChoiceValue('impact:workaround:../../etc')).toBeNull();
    expect(parseChoiceValue('impact:everyone:INC1')).toBeNull();
  });

  test('pressing a parked incident\'s button opens that incident at those levels; the question pending now stays', async () => {
    const emp = h.employee();
    const screenAsked = await emp.say('my laptop screen is cracked');
    const vpnAsked = await emp.say('the vpn keeps disconnecting');
    expect(vpnAsked.summary.intent).toBe('vpn_problem');
    // With the first incident waiting, the second question says which incident it is about.
    expect(replyText(vpnAsked)).toContain('One question before I log "the vpn keeps disconnecting"');
    expect(replyText(screenAsked)).toContain('One question before I log this');
    expect(button(vpnAsked, 'many_blocked')).not.toBe(button(screenAsked, 'many_blocked'));

    // Scrolled back: the screen question's button, while the VPN question waits.
    const screen = await emp.press(button(screenAsked, 'many_blocked'));
    const [screenTicket] = await ticketsOf(emp);
    expect([screenTicket!.intent, screenTicket!.impact, screenTicket!.urgency]).toEqual(['hardware_fault', 1, 1]);
    expect(screen.summary.ticket).toBe(screenTicket!.number);
    const state = await stateOf(emp);
    expect(state.pending).toMatchObject({ type: 'ask_impact', intent: 'vpn_problem' });
    expect(state.parked ?? []).toHaveLength(0);

    const vpn = await emp.press(button(vpnAsked, 'workaround'));
    const tickets = await ticketsOf(emp);
    expect(tickets.map((t) => [t.intent, t.impact, t.urgency])).toEqual([['hardware_fault', 1, 1], ['vpn_problem', 3, 3]]);
    expect(vpn.summary.ticket).toBe(tickets[1]!.number);
    // Pressing another of its buttons later changes that ticket; it opens nothing more.
    const again = await emp.press(button(screenAsked, 'me_blocked'));
    expect(replyText(again)).toContain(`${screenTicket!.number} is now impact low`);
    expect(await ticketsOf(emp)).toHaveLength(2);
  });

  test('a button of a question already answered changes nothing, and the new question stays open', async () => {
    const emp = h.employee();
    const first = await emp.say('my laptop screen is cracked');
    await emp.press(button(first, 'workaround'));
    const second = await emp.say('printer jams every time');
    const late = await emp.press(button(first, 'many_blocked'));
    expect(replyText(late)).toContain('no longer applies');
    const [logged] = await ticketsOf(emp);
    expect([logged!.impact, logged!.urgency]).toEqual([3, 3]);
    expect(await ticketsOf(emp)).toHaveLength(1);
    expect((await stateOf(emp)).pending).toMatchObject({ type: 'ask_impact', intent: 'printer_problem' });
    const printer = await emp.press(button(second, 'me_blocked'));
    expect(printer.summary.ticket).toBeDefined();
  });

  test('the button of an incident the sweep logged changes that ticket, even after another question came', async () => {
    const emp = h.employee();
    const asked = await emp.say('my laptop screen is cracked');
    await sweepPendingIncidents({
      prisma: h.db.prisma, services: () => h.services, channels: () => undefined,
      logger: pino({ level: 'silent' }), minutes: 30, clock: () => new Date(Date.now() + 31 * 60_000),
    });
    const [logged] = await ticketsOf(emp);
    await emp.say('printer jams every time');
    const changed = await emp.press(button(asked, 'many_blocked'));
    expect(replyText(changed)).toContain(`${logged!.number} is now impact high`);
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { id: logged!.id } });
    expect([ticket.impact, ticket.urgency]).toEqual([1, 1]);
    expect((await stateOf(emp)).pending).toMatchObject({ type: 'ask_impact', intent: 'printer_problem' });
  });

  test('a press after an older question\'s answer asks the pending question again, with its buttons', async () => {
    const emp = h.employee();
    const first = await emp.say('my laptop screen is cracked');
    const second = await emp.say('printer jams every time');
    const answered = await emp.press(button(first, 'workaround'));
    expect(replyText(answered)).toContain('And "printer jams every time": how badly does it affect work?');
    expect(choiceValues(answered)).toEqual(choiceValues(second));
  });

  test('a button cannot change a resolved incident, nor a service request', async () => {
    const emp = h.employee();
    const asked = await emp.say('the vpn keeps disconnecting');
    const number = (await emp.press(button(asked, 'workaround'))).summary.ticket!;
    await h.db.prisma.ticket.update({ where: { number }, data: { status: 'resolved' } });
    expect(replyText(await emp.press(`impact:many_blocked:${number}`))).toContain('no longer applies');
    await h.db.prisma.ticket.update({ where: { number }, data: { status: 'new', kind: 'service_request' } });
    expect(replyText(await emp.press(`impact:many_blocked:${number}`))).toContain('no longer applies');
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { number } });
    expect([ticket.impact, ticket.urgency, ticket.priority]).toEqual([3, 3, 4]);
  });

  test('a ref naming someone else\'s ticket changes nothing', async () => {
    const owner = h.employee();
    const asked = await owner.say('the vpn keeps disconnecting');
    const opened = await owner.press(button(asked, 'workaround'));
    const number = opened.summary.ticket!;
    const other = h.employee();
    const reply = await other.press(`impact:many_blocked:${number}`);
    expect(replyText(reply)).toContain('no longer applies');
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { number } });
    expect([ticket.impact, ticket.urgency]).toEqual([3, 3]);
    expect(await h.db.prisma.ticketEvent.count({ where: { ticketId: ticket.id, type: 'priority_changed' } })).toBe(0);
  });
});
