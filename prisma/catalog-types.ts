import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The schema engine reads catalog columns of types "char" (18), name (19), regproc (24) and pg_node_tree (194),
 * which the pg adapter cannot deserialize (upstream prisma/orm#27403). For migrations only, parse them as text (25).
 */
export function treatCatalogTypesAsText(): void {
  const Result = require('pg/lib/result.js') as { prototype: { addFields(fields: { dataTypeID: number }[]): void; __deskbotPatched?: boolean } };
  const proto = Result.prototype;
  if (proto.__deskbotPatched) return;
  const original = proto.addFields;
  proto.addFields = function (fields) {
    for (const f of fields) if ([18, 19, 24, 194].includes(f.dataTypeID)) f.dataTypeID = 25;
    return original.call(this, fields);
  };
  proto.__deskbotPatched = true;
}
