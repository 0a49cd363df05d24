// `npm run bench`: every benchmark, one JSON document on stdout. Targets: classification p99 < 1 ms,
// message → reply p99 < 50 ms at 100 concurrent conversations, escalation → agent post p99 < 250 ms, Slack event → ack
// p99 < 100 ms at 50 concurrent users. Needs PostgreSQL and Redis like the tests.
import { benchClassification } from './classification.js';
import { benchKnowledgeSearch } from './knowledge.js';
import { benchDirectLine } from './direct-line.js';
import { benchEscalation } from './escalation.js';
import { benchTeams } from './teams.js';
import { benchSlack } from './slack.js';

const only = process.argv[2];
const results: Record<string, unknown> = { node: process.version, at: new Date().toISOString() };
if (!only || only === 'classification') results.classification = await benchClassification();
if (!only || only === 'knowledge') results.knowledge = await benchKnowledgeSearch();
if (!only || only === 'direct-line') results.directLine = await benchDirectLine();
if (!only || only === 'escalation') results.escalation = await benchEscalation();
if (!only || only === 'teams') results.teams = await benchTeams();
if (!only || only === 'slack') results.slack = await benchSlack();
console.log(JSON.stringify(results, null, 2));
