import path from "node:path";
import { env } from "@/lib/env";
import { DiskStorage, type EvidenceStorage } from "@/lib/evidence/storage";

let storage: EvidenceStorage | undefined;

/** The configured evidence storage for this process (local disk; S3-compatible storage is not built yet). */
export function evidenceStorage(): EvidenceStorage {
  storage ??= new DiskStorage(path.resolve(env().UPLOAD_DIR));
  return storage;
}
