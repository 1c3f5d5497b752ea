/** Rewrites the generated table in docs/providers.md. Run: npx tsx lib/providers/write-doc.ts */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { capabilityTableMarkdown, TABLE_END, TABLE_START } from "./doc";

const target = fileURLToPath(new URL("../../docs/providers.md", import.meta.url));
const doc = readFileSync(target, "utf8");
const a = doc.indexOf(TABLE_START);
const b = doc.indexOf(TABLE_END);
if (a < 0 || b < 0) throw new Error("docs/providers.md has no capability-table markers");
writeFileSync(target, doc.slice(0, a) + capabilityTableMarkdown() + doc.slice(b + TABLE_END.length));
console.log(`wrote ${target}`);
