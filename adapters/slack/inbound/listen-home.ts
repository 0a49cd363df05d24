import type { App } from '@slack/bolt';
import { z } from 'zod';
import { publishHome } from '../publish-home.js';
import type { SlackRuntime } from '../slack-runtime.js';

const homeOpenedSchema = z.object({
  team_id: z.string().min(1),
  event: z.object({ user: z.string().min(1), tab: z.string().optional() }),
});

/** The App Home tab (`app_home_opened`): published afresh with the employee's open tickets each time it is opened. */
export function listenForHome(bolt: App, rt: SlackRuntime): void {
  bolt.event('app_home_opened', async ({ body }) => {
    const opened = homeOpenedSchema.safeParse(body);
    if (!opened.success || opened.data.event.tab !== 'home') return;
    await rt.track('app home', () => publishHome(rt, opened.data.team_id, opened.data.event.user));
  });
}
