import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

// Every key below is removed wherever it appears (two levels deep), so a secret passed in a log object by
// mistake never reaches the output.
const SECRET_KEYS = [
  "password", "passwordHash", "apiKey", "apiSecret", "apiKeyEnc", "apiSecretEnc", "secret", "token",
  "authorization", "Authorization", "cookie", "ein", "pin", "otpPin",
];
export const redactPaths = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

let logger: Logger | undefined;

export function log(): Logger {
  if (!logger) {
    const e = env();
    const destination = e.LOG_FILE ? pino.destination({ dest: e.LOG_FILE, sync: false, mkdir: true }) : undefined;
    logger = pino(
      { level: e.LOG_LEVEL, redact: { paths: redactPaths, censor: "[redacted]" }, base: { app: "campaigndesk" } },
      destination,
    );
  }
  return logger;
}
