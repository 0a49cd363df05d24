// `npm run teams:package [-- --app-id ID] [--website-url URL] [--developer NAME] [--out FILE]`: build the Teams app
// package (manifest.json with the bot's app id filled in, color.png, outline.png, zipped at the root) to upload in
// Teams ("Apps → Manage your apps → Upload an app") or in the Teams admin center. The app id defaults to MicrosoftAppId
// from the environment or .env.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { loadConfig } from '../src/config/config.js';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const { values } = parseArgs({
  options: {
    'app-id': { type: 'string' },
    'website-url': { type: 'string', default: 'https://www.example.com/deskbot' },
    developer: { type: 'string', default: 'deskbot' },
    out: { type: 'string', default: 'dist/deskbot-teams.zip' },
  },
});
if (existsSync('.env')) process.loadEnvFile('.env');
const appId = values['app-id'] ?? loadConfig().MicrosoftAppId;
if (!appId || !guid.test(appId)) {
  console.error('teams:package needs the bot\'s Microsoft App ID (a GUID): pass --app-id or set MicrosoftAppId.');
  process.exit(1);
}
const websiteUrl = values['website-url']!;
if (!websiteUrl.startsWith('https://')) {
  console.error('--website-url must be an https URL (Teams requires it for the developer links).');
  process.exit(1);
}

const dir = path.resolve(import.meta.dirname, '../adapters/teams/app-package');
const manifest = readFileSync(path.join(dir, 'manifest.json'), 'utf8')
  .replaceAll('{{MICROSOFT_APP_ID}}', appId)
  .replaceAll('{{WEBSITE_URL}}', websiteUrl)
  .replaceAll('{{DEVELOPER_NAME}}', JSON.stringify(values.developer).slice(1, -1));
JSON.parse(manifest);
const zip = zipSync({
  'manifest.json': Buffer.from(manifest, 'utf8'),
  'color.png': readFileSync(path.join(dir, 'color.png')),
  'outline.png': readFileSync(path.join(dir, 'outline.png')),
}, { level: 9 });
mkdirSync(path.dirname(path.resolve(values.out!)), { recursive: true });
writeFileSync(values.out!, zip);
console.log(`wrote ${values.out} (${zip.byteLength} bytes) for app ${appId}`);
