import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TurnHandler } from '../../src/core/index.js';
import { startTeamsHarness, type TeamsHarness } from './helpers/teams-harness.js';

const agentChannelId = '19:agents-no-desk@thread.tacv2';
const never: TurnHandler = { handle: () => Promise.reject(new Error('the pipeline must not see agent-channel activities')) };
let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness({ turns: never, agentChannelId });
});
afterAll(() => h?.close());

test('without the agent desk (no Redis) the agent channel is still no employee conversation', async () => {
  const base = { channelId: 'msteams', from: { id: '29:a', name: 'A', aadObjectId: 'aad-a' }, recipient: { id: '28:b', name: 'IT Desk' } };
  const message = await h.post({ ...base, type: 'message', id: '1', text: 'anyone?', conversation: { id: `${agentChannelId};messageid=1`, conversationType: 'channel' } });
  expect(message.status).toBe(200);
  const invoke = await h.post({ ...base, type: 'invoke', name: 'adaptiveCard/action', id: 'f:2', conversation: { id: `${agentChannelId};messageid=1`, conversationType: 'channel' }, value: { action: { type: 'Action.Execute', verb: 'claim', data: { escalationId: 'x', command: 'claim' } } } });
  expect(invoke.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
  expect(h.inbound).toEqual([]);
  expect(h.teams.agentChannel).toBeUndefined();
});
