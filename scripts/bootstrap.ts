// First run: when the database has no user yet, create the first organization and its owner. With the
// launcher's sandbox, also point that organization at the sandbox so the portal works out of the box.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { env, EnvError } from "@/lib/env";
import { createOrganization } from "@/lib/organizations/commands";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { email, password } from "@/lib/auth/schemas";

const input = z
  .object({
    ADMIN_EMAIL: email.default("admin@example.com"),
    ADMIN_PASSWORD: password.optional(),
    ORG_NAME: z.string().trim().min(2).max(100).default("My CSP"),
    TCR_BASE_URL: z.string().optional(),
    BOOTSTRAP_REGISTRY_KEY: z.string().optional(),
    BOOTSTRAP_WEBHOOK_SECRET: z.string().optional(),
  })
  .safeParse(process.env);

if (!input.success) {
  for (const i of input.error.issues) console.error(`[setup] ${i.path.join(".")}: ${i.message}`);
  process.exit(1);
}
const cfg = input.data;
try {
  env();
} catch (e) {
  // One line per bad variable, no stack trace: this is a configuration problem, not a crash.
  console.error(e instanceof EnvError ? e.message : String(e));
  process.exit(1);
}
const client = db();

if ((await client.user.count()) === 0) {
  const generated = !cfg.ADMIN_PASSWORD;
  const pw = cfg.ADMIN_PASSWORD ?? randomBytes(12).toString("base64url");
  const owner = await client.user.create({ data: { email: cfg.ADMIN_EMAIL, name: "Administrator", passwordHash: await hashPassword(pw) } });
  const org = await createOrganization(client, owner, cfg.ORG_NAME);
  if (cfg.TCR_BASE_URL && cfg.BOOTSTRAP_REGISTRY_KEY) {
    const conn = registryConnectionSchema.parse({ baseUrl: cfg.TCR_BASE_URL, authMode: "BEARER", apiKey: cfg.BOOTSTRAP_REGISTRY_KEY, webhookSecret: cfg.BOOTSTRAP_WEBHOOK_SECRET });
    await saveConnection(client, { user: { ...owner }, org }, conn);
  }
  console.log("┌──────────────────────────────────────────────────────────────");
  console.log(`│ CampaignDesk first run: organization "${org.name}" created.`);
  console.log(`│ Sign in as ${owner.email}`);
  if (generated) console.log(`│ Password (shown once, change it or set ADMIN_PASSWORD): ${pw}`);
  console.log("└──────────────────────────────────────────────────────────────");
}
await client.$disconnect();
