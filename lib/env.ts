import { z } from "zod";

// The only reader of process.env in the portal. Parsed once, on first use, so `next build` works without a
// database; the launcher calls it at start so a bad variable stops the process with one clear message each.
const intFromString = (def: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(def);

// An empty line in a .env file (S3_BUCKET=) means "not set", not "set to nothing".
const blankIsUnset = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), inner);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is required (the launcher sets it for the embedded database)" })
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgresql:// URL"),
  NEXTAUTH_SECRET: z.string({ error: "is required" }).min(32, "must be at least 32 characters"),
  NEXTAUTH_URL: z.url("must be a URL such as http://localhost:3000").optional(),
  /** Where the registry reaches this portal (webhooks); defaults to NEXTAUTH_URL. */
  PUBLIC_URL: z.url("must be a URL such as https://campaigndesk.example.com").optional(),
  ENCRYPTION_KEY: z
    .string({ error: "is required (32 random bytes, base64)" })
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded"),
  TCR_BASE_URL: z.url("must be a URL").default("http://127.0.0.1:4010/v2"),
  UPLOAD_DIR: z.string().min(1).default(".data/uploads"),
  /** Evidence storage: S3-compatible when S3_BUCKET is set, else local disk under UPLOAD_DIR (docs/storage.md). */
  S3_BUCKET: blankIsUnset(z.string().trim().optional()),
  S3_REGION: blankIsUnset(z.string().trim().default("us-east-1")),
  S3_ENDPOINT: blankIsUnset(z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://s3.example.com or http://127.0.0.1:9000" }).optional()),
  S3_ACCESS_KEY_ID: blankIsUnset(z.string().trim().optional()),
  S3_SECRET_ACCESS_KEY: blankIsUnset(z.string().optional()),
  S3_FORCE_PATH_STYLE: blankIsUnset(z.enum(["true", "false", "1", "0"], { error: "must be true or false" }).optional())
    .transform((v) => v === "true" || v === "1"),
  /** host:port pairs (comma-separated) the published-page check may fetch even on private addresses: tests and the local sandbox. */
  PAGE_CHECK_ALLOW: blankIsUnset(z.string().trim().optional()),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FILE: z.string().optional(),
  SESSION_IDLE_MINUTES: intFromString(30, 1, 24 * 60),
  SESSION_MAX_HOURS: intFromString(12, 1, 24 * 30),
}).superRefine((v, ctx) => {
  // A bucket without credentials would only fail at the first upload; refuse to start instead.
  if (!v.S3_BUCKET) return;
  for (const name of ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
    if (!v[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required when S3_BUCKET is set (evidence files go to S3-compatible storage)" });
  }
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
