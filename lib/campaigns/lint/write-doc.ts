/** Writes docs/compliance-rules.md from the rules in code. Run: npx tsx lib/campaigns/lint/write-doc.ts */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rulesDocMarkdown } from "./doc";

const target = fileURLToPath(new URL("../../../docs/compliance-rules.md", import.meta.url));
writeFileSync(target, rulesDocMarkdown());
console.log(`wrote ${target}`);
