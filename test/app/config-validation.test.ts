import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { configSchema, loadConfig } from '../../src/config/config.js';
import { deskSchema } from '../../src/config/desk-config.js';
import { llmSchema } from '../../src/config/llm-config.js';
import { serverSchema } from '../../src/config/server-config.js';
import { slackSchema } from '../../src/config/slack-config.js';
import { teamsSchema } from '../../src/config/teams-config.js';
import { webChatSchema } from '../../src/config/web-chat-config.js';

test('DATABASE_URL and REDIS_URL must be URLs of their kind, and stay unset for the embedded servers', () => {
  for (const bad of ['notaurl', 'mysql://root@127.0.0.1/deskbot', '127.0.0.1:5432']) {
    expect(() => loadConfig({ DATABASE_URL: bad }), bad).toThrow(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
  }
  expect(loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/deskbot' }).DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/deskbot');
  expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/deskbot?sslmode=require' }).DATABASE_URL).toBe('postgres://u:p@db/deskbot?sslmode=require');
  expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  for (const bad of ['notaurl', 'http://127.0.0.1:6379', '127.0.0.1:6379']) {
    expect(() => loadConfig({ REDIS_URL: bad }), bad).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
  }
  expect(loadConfig({ REDIS_URL: 'rediss://cache.example.com:6380' }).REDIS_URL).toBe('rediss://cache.example.com:6380');
  expect(loadConfig({}).REDIS_URL).toBeUndefined();
});

test('Direct Line secrets too short to resist guessing stop the bot', () => {
  expect(() => loadConfig({ DIRECTLINE_SECRET: 'x'.repeat(23) })).toThrow(/DIRECTLINE_SECRET must be at least 24 characters/);
  expect(loadConfig({ DIRECTLINE_SECRET: 'x'.repeat(24) }).DIRECTLINE_SECRET).toBe('x'.repeat(24));
  expect(() => loadConfig({ DIRECTLINE_TOKEN_KEY: 'k'.repeat(31) })).toThrow(/DIRECTLINE_TOKEN_KEY must be at least 32 characters/);
  expect(loadConfig({ DIRECTLINE_TOKEN_KEY: 'k'.repeat(32) }).DIRECTLINE_TOKEN_KEY).toBe('k'.repeat(32));
});

test('Teams settings that botbuilder cannot sign in with stop the bot, naming the missing variable', () => {
  expect(() => loadConfig({ MicrosoftAppId: 'app' })).toThrow(/MicrosoftAppPassword: MicrosoftAppId needs MicrosoftAppPassword/);
  expect(() => loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant' }))
    .toThrow(/MicrosoftAppTenantId: MicrosoftAppType=SingleTenant needs MicrosoftAppTenantId/);
  expect(() => loadConfig({ MicrosoftAppId: 'app', MicrosoftAppType: 'UserAssignedMSI' })).toThrow(/MicrosoftAppTenantId/);
  expect(() => loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'OneTenant' })).toThrow(/MicrosoftAppType/);
  expect(() => loadConfig({ TEAMS_AGENT_CHANNEL: '19:agents@thread.tacv2' })).toThrow(/TEAMS_AGENT_CHANNEL: TEAMS_AGENT_CHANNEL needs the Teams channel on/);
  // A managed identity has no password; the other combinations are complete.
  expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppType: 'userassignedmsi', MicrosoftAppTenantId: 't' }).MicrosoftAppId).toBe('app');
  expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 't' }).MicrosoftAppTenantId).toBe('t');
  expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', TEAMS_AGENT_CHANNEL: '19:a@thread.tacv2' }).TEAMS_AGENT_CHANNEL).toBe('19:a@thread.tacv2');
  expect(loadConfig({ TEAMS_ENABLED: 'true', TEAMS_AGENT_CHANNEL: '19:a@thread.tacv2' }).TEAMS_ENABLED).toBe(true);
});

test('SLACK_SLASH_COMMAND names the one slash command deskbot answers: /it unless set, a "/" and a name without spaces', () => {
  expect(loadConfig({}).SLACK_SLASH_COMMAND).toBe('/it');
  expect(loadConfig({ SLACK_SLASH_COMMAND: '' }).SLACK_SLASH_COMMAND).toBe('/it');
  expect(loadConfig({ SLACK_SLASH_COMMAND: ' /HelpDesk ' }).SLACK_SLASH_COMMAND).toBe('/helpdesk');
  for (const bad of ['it', '/', '/it now', '/a/b', `/${'x'.repeat(32)}`]) {
    expect(() => loadConfig({ SLACK_SLASH_COMMAND: bad }), bad).toThrow(/SLACK_SLASH_COMMAND: must be a slash command name/);
  }
});

test('.env.example documents every variable deskbot reads', async () => {
  const example = await readFile(new URL('../../.env.example', import.meta.url), 'utf8');
  const documented = new Set([...example.matchAll(/^#?\s*([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
  const keys = Object.keys(configSchema.shape);
  expect(keys.length).toBeGreaterThan(30);
  expect(keys.filter((k) => !documented.has(k))).toEqual([]);
});

test('each variable belongs to exactly one concern\'s schema, and the configuration is all of them', () => {
  const concerns = [serverSchema, webChatSchema, deskSchema, slackSchema, teamsSchema, llmSchema].map((s) => Object.keys(s.shape));
  const all = concerns.flat();
  // A variable in two schemas would be silently taken from the later one.
  expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
  expect([...all].sort()).toEqual(Object.keys(configSchema.shape).sort());
});
