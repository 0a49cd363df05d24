import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline/promises';
import type { Config } from '../config/config.js';
import { createServiceHolder } from '../app/service-holder.js';
import { createPipeline } from '../conversation/pipeline.js';
import { loadRequestForms } from '../conversation/request-forms.js';
import { createMetrics } from '../observability/metrics.js';
import { renderText } from './render-text.js';
import { cliLogger, withDatabase } from './with-database.js';

/** `deskbot chat`: a terminal conversation through the same pipeline as every channel. Type a button's number to press it. */
export async function chatCommand(config: Config): Promise<void> {
  await withDatabase(config, async (prisma) => {
    const logger = cliLogger(config);
    const services = await createServiceHolder(prisma, { thresholds: { act: config.CONFIDENCE_ACT, confirm: config.CONFIDENCE_CONFIRM }, metrics: createMetrics(), requestForms: loadRequestForms() });
    const pipeline = createPipeline({ prisma, services: services.current, logger });
    const user = userInfo().username;
    const conversationId = `cli:${user}:${randomUUID()}`;
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
    console.log('deskbot — type your IT problem or request; Ctrl-D to quit.');
    let choices: string[] = [];
    for await (const line of rl) {
      const pressed = /^\d+$/.test(line.trim()) ? choices[Number(line.trim()) - 1] : undefined;
      const result = await pipeline.handle({
        channel: 'cli', eventId: randomUUID(),
        conversation: { externalId: conversationId },
        sender: { externalId: user, name: user },
        text: pressed ? '' : line,
        action: pressed ? { value: pressed } : undefined,
      });
      const rendered = renderText(result.replies);
      choices = rendered.choices;
      console.log(`\n${rendered.text}\n`);
    }
  });
}
