import { z } from 'zod';

const account = z.object({ id: z.string().min(1).max(512), name: z.string().max(512).optional(), aadObjectId: z.string().max(64).optional() });

/**
 * The parts of an inbound Bot Framework activity deskbot relies on (Bot Framework Activity schema, Teams flavour).
 * Everything else passes through untouched to botbuilder; an activity without these is refused with 400 before
 * authentication work is done.
 */
export const inboundActivitySchema = z.object({
  type: z.string().min(1).max(64),
  id: z.string().min(1).max(512).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  from: account,
  recipient: account,
  conversation: z.object({ id: z.string().min(1).max(1024) }).loose(),
  text: z.string().max(100_000).optional(),
  replyToId: z.string().max(512).optional(),
  name: z.string().max(200).optional(),
}).loose().refine((a) => a.id || (a.type !== 'message' && a.type !== 'invoke'), {
  // The id is what makes a redelivery recognisable: without it every later message would look like the first.
  message: 'A message or invoke activity needs an id.', path: ['id'],
});

/** An inbound activity after validation. */
export type InboundActivity = z.infer<typeof inboundActivitySchema>;
