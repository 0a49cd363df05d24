import type { Choice } from '../core/reply.js';
import { choiceValue } from './choice-values.js';

/** Everything deskbot says, in one place so that tone stays consistent and translation is possible later. */
export const say = {
  greeting: (name: string | null) =>
    `Hi${name ? ` ${name.split(' ')[0]}` : ''}! I'm the IT service desk bot. Tell me what's wrong or what you need, in your own words — for example "VPN drops every 5 minutes" or "I need access to the finance share". Say "my tickets" to see your tickets.`,
  thanks: 'You\'re welcome! Anything else I can help with?',
  empty: 'I didn\'t catch any text there. What can I help you with?',
  rephrase:
    'Sorry, I didn\'t understand that. Could you say it another way? For example "my laptop won\'t start" or "I need Visio installed".',
  outOfScope:
    'I can only help with IT problems and requests: passwords, accounts, access, software, hardware, email, VPN, wifi, printers and phones. What do you need?',
  offerHelp: 'I\'m still not sure what you need. I can open a ticket with what you wrote, or get a person from the service desk to help.',
  confirm: (description: string) => `Just to check: ${lowerFirst(description)} — is that right?`,
  choose: 'I\'m not sure which of these you mean. Please pick one:',
  askImpact: 'One question before I log this: how badly does it affect work?',
  /** The same question while another incident waits for its own answer: say which one this is about. */
  askImpactNamed: (title: string) => `One question before I log "${title}": how badly does it affect work?`,
  reaskImpact: (choices: string[]) =>
    `Sorry, I didn't get that. Who is affected, and can you still work? Press a button or reply with its number:\n${choices.map((c, i) => `${i + 1}. ${c}`).join('\n')}`,
  stillAskingImpact: (title: string) => `And "${title}": how badly does it affect work?`,
  askParkedImpact: (title: string) => `Back to your earlier issue, "${title}": how badly does it affect work?`,
  impactDefaulted: (impact: number, urgency: number, fromIntent: boolean) =>
    `I couldn't tell how badly this affects work, so I've set impact to ${levelWord(impact)} and urgency to ${levelWord(urgency)}${fromIntent ? ' (the usual for this kind of issue)' : ''}; an agent can change it.`,
  unansweredLogged: (reason: 'timeout' | 'too_many_parked', number: string, title: string, impact: number, urgency: number, canReply: boolean) =>
    `${reason === 'timeout' ? 'I didn\'t hear back about how badly it affects work' : 'You have several issues waiting for an answer'}, so I've logged ${number} for "${title}" with impact ${levelWord(impact)} and urgency ${levelWord(urgency)}. ${canReply ? 'Reply to change it: who is affected, and can you still work?' : 'If it is worse than that, ask for a person here: an agent can change it.'}`,
  impactChanged: (number: string, impact: number, urgency: number, priority: number) =>
    `Thanks — ${number} is now impact ${levelWord(impact)} and urgency ${levelWord(urgency)} (priority P${priority}).`,
  impactUnchanged: (number: string) => `Thanks — that's what ${number} already says, so nothing changes.`,
  impactAlreadyAnswered: 'That button no longer applies (its question was answered, or its ticket is closed), so nothing changed. Ask for a person here if the impact of an open incident is wrong.',
  notLogged: 'OK, I haven\'t logged it. Tell me if there\'s anything else.',
  kbIntro: (count: number) => (count === 1 ? 'This article should help:' : 'These articles should help:'),
  kbAnswer: (title: string) => `This should help — **${title}**:`,
  kbMore: 'Related articles:',
  kbMaybe: 'I don\'t have an exact answer, but these articles may be related:',
  kbAsk: 'Did this solve it?',
  kbNone: 'I couldn\'t find an article for that. Shall I open a ticket so the service desk can help?',
  kbAccepted: 'Great, glad that sorted it! Anything else?',
  declinedTicket: 'OK, no ticket. Tell me if there\'s anything else.',
  ticketOpened: (kind: 'incident' | 'service_request', number: string, priority: number, respondBy: string, resolveBy: string) =>
    `I've opened ${kind === 'incident' ? 'incident' : 'service request'} ${number} (priority P${priority}). The service desk will respond by ${respondBy}; target resolution by ${resolveBy}. Say "status ${number}" at any time.`,
  ticketExists: (number: string) => `That's already logged as ${number}.`,
  agentsAlerted: (priority: number) => `Because this is P${priority}, I've alerted the service desk's agents: a person will pick it up and reply here.`,
  humanQueued: 'A person from the service desk will pick up this ticket and contact you.',
  humanRequested: 'I\'ve asked a person from the service desk to take over. They will reply here.',
  articlesWhileWaiting: 'While you wait, these might help:',
  noOpenTickets: 'You have no open tickets.',
  yourTickets: (count: number) => `You have ${count} open ticket${count === 1 ? '' : 's'}:`,
  ticketNotFound: (number: string) => `I can't find ${number} among your tickets.`,
  ticketFound: (number: string) => `Here is ${number}:`,
  failed: (ref: string) =>
    `Sorry, something went wrong on my side. Your message is saved (reference ${ref}) and the service desk can see it. Please try again in a moment.`,
  rated: (score: number) => (score >= 4 ? 'Thank you for the rating — glad we could help!' : 'Thank you for the rating. We\'ll use it to do better.'),
  staleChoice: 'That button has expired. What can I help you with?',
  formAsk: (title: string, fields: string) =>
    `To log your ${title.toLowerCase()} I need a few details: ${fields}. Reply with them in one message (or use the form, where your chat shows one).`,
  formMissing: (labels: string[]) => `Almost there — please fill in: ${labels.join(', ')}.`,
};

/** ITIL level 1/2/3 in words. */
function levelWord(level: number): string {
  return level === 1 ? 'high' : level === 2 ? 'medium' : 'low';
}

function lowerFirst(s: string): string {
  return s ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** The standard buttons. */
export const buttons = {
  yesNo: (): Choice[] => [{ label: 'Yes', value: choiceValue({ type: 'yes' }) }, { label: 'No', value: choiceValue({ type: 'no' }) }],
  kbFeedback: (): Choice[] => [
    { label: 'Yes, solved', value: choiceValue({ type: 'yes' }) },
    { label: 'No, open a ticket', value: choiceValue({ type: 'no' }) },
  ],
  /** @param ref the incident's id, or the number of its ticket, so that a late press answers the right one */
  impact: (ref?: string): Choice[] => [
    { label: 'Several people can\'t work', value: choiceValue({ type: 'impact', level: 'many_blocked', ref }) },
    { label: 'I can\'t work', value: choiceValue({ type: 'impact', level: 'me_blocked', ref }) },
    { label: 'I can work around it', value: choiceValue({ type: 'impact', level: 'workaround', ref }) },
  ],
  offerHelp: (): Choice[] => [
    { label: 'Open a ticket', value: choiceValue({ type: 'open_ticket' }) },
    { label: 'Talk to a person', value: choiceValue({ type: 'human' }) },
  ],
};

/** Format a due time for an employee: "14:05 UTC today", or "Tue 2 Dec, 14:05 UTC". */
export function formatDue(due: Date, now: Date): string {
  const time = due.toISOString().slice(11, 16);
  const sameDay = due.toISOString().slice(0, 10) === now.toISOString().slice(0, 10);
  if (sameDay) return `${time} UTC today`;
  const day = due.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return `${day}, ${time} UTC`;
}
