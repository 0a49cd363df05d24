// `deskbot <command>`: the command-line tools. Each command lives in its own file; this one only dispatches.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { DeskbotError } from '../core/errors.js';

const usage = `Usage: deskbot <command>

  chat                          talk to deskbot in the terminal (same pipeline as every channel)
  classify [--train FILE]       JSON lines {"text"} on stdin → {"text","kind","intent","confidence"} on stdout
  kb import DIR                 import a folder of Markdown articles into the knowledge base
  kb search [--docs FILE] [--k N]
                                JSON lines {"query"} on stdin → {"query","hits":[{"id","score"}]} on stdout
  replay FILE [--url URL]       send every {"text"} line of FILE through the running bot's web channel
  seed                          load the shipped intents and articles into an empty database
  agents add NAME EMAIL [--group G]...
                                create a service desk agent; prints their /agent sign-in token last
  admins add NAME EMAIL         create an administrator; prints their /admin sign-in token last
  admins list                   every administrator: email, name, created, live sign-in sessions
  admins revoke EMAIL           remove an administrator: their token and sessions stop working at once
  admins reissue EMAIL          a new token for an administrator (printed last); the old one and its sessions stop

Configuration comes from the environment and .env (see .env.example).`;

if (existsSync('.env')) process.loadEnvFile('.env');
const [command, ...rest] = process.argv.slice(2);

try {
  await run(command, rest);
} catch (err) {
  console.error(err instanceof DeskbotError ? `deskbot: ${err.message}` : err);
  process.exitCode = 1;
}

async function run(name: string | undefined, args: string[]): Promise<void> {
  const config = () => loadConfig(process.env);
  switch (name) {
    case 'chat': return (await import('./chat.js')).chatCommand(config());
    case 'classify': {
      const { values } = parseArgs({ args, options: { train: { type: 'string' } } });
      return (await import('./classify-command.js')).classifyCommand(config(), values);
    }
    case 'kb': {
      const [sub, ...kbArgs] = args;
      const { values, positionals } = parseArgs({ args: kbArgs, allowPositionals: true, options: { docs: { type: 'string' }, k: { type: 'string' } } });
      const kb = await import('./kb-command.js');
      if (sub === 'import' && positionals[0]) return kb.kbImportCommand(config(), positionals[0]);
      if (sub === 'search') return kb.kbSearchCommand(config(), { docs: values.docs, k: values.k ? Number(values.k) : undefined });
      throw new DeskbotError('bad_request', 'usage: deskbot kb import DIR | deskbot kb search [--docs FILE] [--k N]');
    }
    case 'replay': {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { url: { type: 'string' }, concurrency: { type: 'string' } } });
      if (!positionals[0]) throw new DeskbotError('bad_request', 'usage: deskbot replay FILE [--url URL]');
      const cfg = config();
      return (await import('./replay.js')).replayCommand({
        file: positionals[0],
        url: values.url ?? `http://localhost:${cfg.PORT}`,
        secret: cfg.DIRECTLINE_SECRET,
        concurrency: values.concurrency ? Number(values.concurrency) : 8,
      });
    }
    case 'seed': return (await import('./seed-command.js')).seedCommand(config());
    case 'agents': {
      const [sub, ...agentArgs] = args;
      const { values, positionals } = parseArgs({ args: agentArgs, allowPositionals: true, options: { group: { type: 'string', multiple: true } } });
      if (sub === 'add' && positionals[0] && positionals[1]) {
        return (await import('./agents-command.js')).agentsAddCommand(config(), { name: positionals[0], email: positionals[1], group: values.group });
      }
      throw new DeskbotError('bad_request', 'usage: deskbot agents add NAME EMAIL [--group G]...');
    }
    case 'admins': {
      const [sub, ...adminArgs] = args;
      const { positionals } = parseArgs({ args: adminArgs, allowPositionals: true, options: {} });
      const admins = await import('./admins-command.js');
      if (sub === 'add' && positionals.length === 2) return admins.adminsAddCommand(config(), { name: positionals[0]!, email: positionals[1]! });
      if (sub === 'list' && positionals.length === 0) return admins.adminsListCommand(config());
      if (sub === 'revoke' && positionals.length === 1) return admins.adminsRevokeCommand(config(), positionals[0]!);
      if (sub === 'reissue' && positionals.length === 1) return admins.adminsReissueCommand(config(), positionals[0]!);
      throw new DeskbotError('bad_request', 'usage: deskbot admins add NAME EMAIL | list | revoke EMAIL | reissue EMAIL');
    }
    case undefined: case 'help': case '--help': case '-h':
      console.log(usage);
      return;
    default:
      console.error(`deskbot: unknown command "${name}"\n\n${usage}`);
      process.exitCode = 2;
  }
}
