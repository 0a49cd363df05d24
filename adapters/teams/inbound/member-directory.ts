import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { TeamsLogger } from '../teams-channel-deps.js';

/** What Teams tells about a member beyond the activity: their mailbox and sign-in name. */
export interface MemberProfile {
  email?: string;
  userPrincipalName?: string;
  /** Entra object id, for activities that arrive without `from.aadObjectId`. */
  aadObjectId?: string;
}

/** Looks up the sender of a turn's activity, remembering answers for an hour (failures for five minutes). */
export interface MemberDirectory {
  /** Never throws: an unreachable or refusing connector gives an empty profile. */
  profileOf(context: TurnContext): Promise<MemberProfile>;
}

/** The member's email address: `email`, else the UPN when it is one (it usually is the mail address). */
export function emailOf(profile: MemberProfile): string | undefined {
  return profile.email ?? (profile.userPrincipalName?.includes('@') ? profile.userPrincipalName : undefined);
}

const ttlMs = 60 * 60_000;
const failureTtlMs = 5 * 60_000;
const maxEntries = 10_000;

/**
 * Member profiles through the connector's "get conversation member" call (Teams: `GET /v3/conversations/{id}/members/{userId}`),
 * which carries `email` and `userPrincipalName` that activities do not. Cached in memory per tenant and user, so only
 * the first message of a person per hour pays for the call.
 */
export function createMemberDirectory(logger: TeamsLogger): MemberDirectory {
  const cache = new Map<string, { profile: MemberProfile; until: number }>();
  return {
    async profileOf(context) {
      const { from, conversation } = context.activity;
      const key = `${conversation?.tenantId ?? ''}|${from.aadObjectId ?? from.id}`;
      const hit = cache.get(key);
      if (hit && hit.until > Date.now()) return hit.profile;
      let profile: MemberProfile = {};
      let ttl = ttlMs;
      try {
        const member = await TeamsInfo.getMember(context, from.id);
        profile = { email: member.email || undefined, userPrincipalName: member.userPrincipalName || undefined, aadObjectId: member.aadObjectId || undefined };
      } catch (err) {
        ttl = failureTtlMs;
        logger.debug({ err: String(err), userId: from.id }, 'Teams member lookup failed; continuing without email');
      }
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(key, { profile, until: Date.now() + ttl });
      return profile;
    },
  };
}
