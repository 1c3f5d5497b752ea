import path from "node:path";
import { env, type Env } from "@/lib/env";
import { DiskStorage, type EvidenceStorage } from "@/lib/evidence/storage";
import { S3Storage } from "@/lib/evidence/storage-s3";

let storage: EvidenceStorage | undefined;

/** The storage a validated environment asks for: S3-compatible when S3_BUCKET is set, else local disk. */
export function storageFromEnv(e: Env): EvidenceStorage {
  if (e.S3_BUCKET) {
    return new S3Storage({
      bucket: e.S3_BUCKET,
      region: e.S3_REGION,
      endpoint: e.S3_ENDPOINT,
      forcePathStyle: e.S3_FORCE_PATH_STYLE,
      // env() refuses to start with a bucket and no credentials, so both are present here.
      credentials: { accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY! },
    });
  }
  return new DiskStorage(path.resolve(e.UPLOAD_DIR));
}

/** The configured evidence storage for this process. */
export function evidenceStorage(): EvidenceStorage {
  storage ??= storageFromEnv(env());
  return storage;
}
