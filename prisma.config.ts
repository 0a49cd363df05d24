// Prisma CLI configuration: migrations run through the JS schema engine and the pg driver adapter, so nothing is downloaded.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import { treatCatalogTypesAsText } from './prisma/catalog-types.js';

process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/deskbot';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations'), seed: 'tsx prisma/seed.ts' },
  async adapter() {
    treatCatalogTypesAsText();
    return new PrismaPg(connectionFields(process.env.DATABASE_URL!));
  },
});

// Separate fields rather than a connectionString: the adapter builds the shadow database config as
// { ...config, database }, and a connectionString would override `database` (see ../shared/notes/prisma-offline.md).
function connectionFields(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || 'postgres'),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1) || 'postgres',
  };
}
