// `npm run db:seed` / `prisma db seed`: load the shipped intents and articles into an empty database.
import { createPrisma } from '../src/db/client.js';
import { seedIfEmpty } from '../src/seed/seed-if-empty.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to seed a database (npm start seeds its embedded database by itself).');
  process.exit(1);
}
const prisma = createPrisma(url, 1);
const result = await seedIfEmpty(prisma);
console.log(JSON.stringify(result));
await prisma.$disconnect();
