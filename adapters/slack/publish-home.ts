import { homeTicketLimit, homeView } from './render/home-view.js';
import type { SlackRuntime } from './slack-runtime.js';

/** Show the employee's open tickets on their App Home tab (`views.publish`). Failures are logged, not thrown. */
export async function publishHome(rt: SlackRuntime, team: string, user: string): Promise<void> {
  try {
    const sender = await rt.identities.sender(team, user);
    const tickets = await rt.deps.tickets.listForSender('slack', sender, { open: true, limit: homeTicketLimit });
    await rt.client.views.publish({ user_id: user, view: homeView(tickets) });
  } catch (err) {
    rt.deps.logger.warn({ err, user }, 'could not publish the Slack App Home');
  }
}
