import type { Activity } from 'botbuilder';

/** The fields of an activity that identify it in logs, without its text or any personal data. */
export function activityLabel(activity: Partial<Activity>): Record<string, unknown> {
  return { type: activity.type, name: activity.name, id: activity.id, conversationId: activity.conversation?.id };
}
