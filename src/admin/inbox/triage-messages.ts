import type { PrismaClient } from '../../db/client.js';
import { DeskbotError } from '../../core/errors.js';
import { addDraftExamples } from '../draft/draft-intents.js';

/**
 * Add inbox messages as examples of an intent in the draft and mark them `added`, in one transaction.
 * @returns how many new examples the intent got (texts it had already do not count)
 * @throws DeskbotError `not_found` for an unknown intent or when none of the ids is an employee message
 */
export async function addMessagesToIntent(prisma: PrismaClient, input: { messageIds: string[]; intent: string; by: string }): Promise<{ added: number }> {
  return prisma.$transaction(async (tx) => {
    const messages = await tx.message.findMany({ where: { id: { in: input.messageIds }, direction: 'inbound' }, select: { id: true, text: true } });
    if (!messages.length) throw new DeskbotError('not_found', 'None of those messages exists.');
    const { added } = await addDraftExamples(tx, input.intent, messages.map((m) => m.text));
    await tx.inboxTriage.createMany({ data: messages.map((m) => ({ messageId: m.id, decision: 'added', intent: input.intent, decidedBy: input.by })), skipDuplicates: true });
    return { added };
  });
}

/** Dismiss inbox messages (they leave the inbox; nothing is added). @returns how many were dismissed now */
export async function dismissMessages(prisma: PrismaClient, input: { messageIds: string[]; by: string }): Promise<{ dismissed: number }> {
  const messages = await prisma.message.findMany({ where: { id: { in: input.messageIds }, direction: 'inbound' }, select: { id: true } });
  const { count } = await prisma.inboxTriage.createMany({ data: messages.map((m) => ({ messageId: m.id, decision: 'dismissed', decidedBy: input.by })), skipDuplicates: true });
  return { dismissed: count };
}
