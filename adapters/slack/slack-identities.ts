import type { App } from '@slack/bolt';
import { createLruCache, type SenderIdentity } from '../../src/core/index.js';
import { retryAfterSeconds } from './outbound-queue.js';
import type { SlackLogger } from './slack-channel-deps.js';

/** What Slack tells about a user: display name, and email when the app has the `users:read.email` scope. */
export interface SlackProfile {
  name?: string;
  email?: string;
}

/** Slack users as deskbot's senders and agents, looked up with `users.info` and remembered. */
export interface SlackIdentities {
  profile(user: string): Promise<SlackProfile>;
  /** The sender of a signed request: verified, tenant = team id, with name and email when Slack shares them. */
  sender(team: string, user: string): Promise<SenderIdentity>;
}

type WebClient = App['client'];

/**
 * Look users up with `users.info`. Profiles are kept in a bounded LRU for `ttlMs`, including the empty profile of
 * an app without the `users:read` scope (`missing_scope`), so such an app maps users by Slack id without asking again;
 * a failure of any other kind is not remembered.
 */
export function createSlackIdentities(client: WebClient, logger: SlackLogger, cache = { max: 5000, ttlMs: 60 * 60_000 }): SlackIdentities {
  const profiles = createLruCache<SlackProfile>(cache.max, cache.ttlMs);

  async function lookUp(user: string, retried = false): Promise<SlackProfile | null> {
    try {
      const res = await client.users.info({ user });
      const u = res.user;
      const name = u?.real_name || u?.profile?.real_name || u?.profile?.display_name || u?.name || undefined;
      return { ...(name ? { name } : {}), ...(u?.profile?.email ? { email: u.profile.email } : {}) };
    } catch (err) {
      const wait = retryAfterSeconds(err);
      if (wait !== null && !retried && wait <= 5) {
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        return lookUp(user, true);
      }
      const code = (err as { data?: { error?: string } }).data?.error;
      if (code === 'missing_scope' || code === 'user_not_found') return {};
      logger.warn({ user, err: (err as Error).message }, 'Slack users.info failed; identifying the user by Slack id');
      return null;
    }
  }

  async function profile(user: string): Promise<SlackProfile> {
    const known = profiles.get(user);
    if (known) return known;
    const found = await lookUp(user);
    if (found) profiles.set(user, found);
    return found ?? {};
  }

  return {
    profile,
    async sender(team, user) {
      const p = await profile(user);
      return { externalId: user, tenant: team, verified: true, ...(p.name ? { name: p.name } : {}), ...(p.email ? { email: p.email } : {}) };
    },
  };
}
