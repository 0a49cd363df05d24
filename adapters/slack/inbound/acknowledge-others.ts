import type { App } from '@slack/bolt';

/**
 * Acknowledge interactions that are not deskbot's — other apps' buttons and modals in the same Slack app, shortcuts —
 * so Slack neither shows the user an error nor redelivers them. Registered after deskbot's own listeners. Over HTTP
 * an unacknowledged request is answered 200 anyway; over Socket Mode only an ack stops the redelivery.
 */
export function acknowledgeOthers(bolt: App): void {
  bolt.action(/^(?!deskbot:)/, async ({ ack }) => { await ack(); });
  bolt.view(/^(?!deskbot:)/, async ({ ack }) => { await ack(); });
  bolt.shortcut(/.*/, async ({ ack }) => { await ack(); });
}
