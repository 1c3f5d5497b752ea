import { createWriteStream, openAsBlob } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { randomUUID } from "node:crypto";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { checkKey, StorageNotFound, type EvidenceStorage, type StorageWriter, type StoredObject } from "@/lib/evidence/storage";

export type S3StorageConfig = {
  bucket: string;
  region: string;
  /** For S3-compatible stores (MinIO, R2, …); AWS S3 itself needs none. */
  endpoint?: string;
  /** Path-style URLs (http://host/bucket/key): MinIO and most self-hosted stores need them. */
  forcePathStyle?: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Bytes held per upload before a part is sent; S3 requires at least 5 MiB for every part but the last. */
  partBytes?: number;
  /** Attempts per request, retries included (the SDK retries 5xx and throttling). */
  maxAttempts?: number;
};

/** S3's smallest allowed part (except the last one). */
export const MIN_PART_BYTES = 5 * 1024 * 1024;

function statusOf(e: unknown): number | undefined {
  return (e as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}
function isNotFound(e: unknown): boolean {
  const name = (e as { name?: string })?.name;
  return name === "NoSuchKey" || name === "NotFound" || statusOf(e) === 404;
}

/**
 * Any S3-compatible object store. An upload is sent in parts as it arrives, so a process holds at most one
 * part (5 MiB) per upload in memory however large the file; a file smaller than one part is sent with a
 * single PutObject on commit. Nothing is visible under the key until commit succeeds, and a failed or
 * aborted upload is aborted at the store so no parts are left behind.
 */
export class S3Storage implements EvidenceStorage {
  readonly name = "s3";
  readonly client: S3Client;
  private readonly bucket: string;
  private readonly partBytes: number;

  constructor(cfg: S3StorageConfig) {
    this.bucket = cfg.bucket;
    this.partBytes = Math.max(cfg.partBytes ?? MIN_PART_BYTES, MIN_PART_BYTES);
    this.client = new S3Client({
      region: cfg.region,
      endpoint: cfg.endpoint,
      forcePathStyle: cfg.forcePathStyle,
      credentials: cfg.credentials,
      maxAttempts: cfg.maxAttempts,
      // Checksums only where S3 requires them: several S3-compatible stores (R2, older MinIO) refuse the
      // SDK's default CRC trailers.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async writer(key: string): Promise<StorageWriter> {
    const Key = checkKey(key);
    const Bucket = this.bucket;
    const client = this.client;
    const partBytes = this.partBytes;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let uploadId: string | undefined;
    const parts: { PartNumber: number; ETag: string }[] = [];
    let done = false;

    const sendPart = async (body: Buffer) => {
      uploadId ??= (await client.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType: "application/octet-stream" }))).UploadId;
      if (!uploadId) throw new Error("the object store returned no upload id");
      const PartNumber = parts.length + 1;
      const res = await client.send(new UploadPartCommand({ Bucket, Key, UploadId: uploadId, PartNumber, Body: body, ContentLength: body.length }));
      if (!res.ETag) throw new Error(`the object store returned no ETag for part ${PartNumber}`);
      parts.push({ PartNumber, ETag: res.ETag });
    };

    const abort = async () => {
      if (done) return;
      done = true;
      pending = [];
      if (uploadId) await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId: uploadId }));
    };

    return {
      write: async (chunk) => {
        if (done) throw new Error("upload already finished");
        // Copied: callers may reuse their buffer for the next chunk.
        pending.push(Buffer.from(chunk));
        pendingBytes += chunk.byteLength;
        while (pendingBytes >= partBytes) {
          const all = Buffer.concat(pending, pendingBytes);
          pending = pendingBytes > partBytes ? [all.subarray(partBytes)] : [];
          pendingBytes -= partBytes;
          // Awaited before the next write returns: back-pressure on the incoming body.
          await sendPart(all.subarray(0, partBytes));
        }
      },
      commit: async () => {
        if (done) throw new Error("upload already finished");
        const rest = Buffer.concat(pending, pendingBytes);
        pending = [];
        try {
          if (!uploadId) {
            await client.send(new PutObjectCommand({ Bucket, Key, Body: rest, ContentLength: rest.length, ContentType: "application/octet-stream" }));
          } else {
            if (rest.length > 0) await sendPart(rest);
            await client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
          }
          done = true;
        } catch (e) {
          await abort().catch(() => undefined);
          throw e;
        }
      },
      abort,
    };
  }

  async read(key: string): Promise<Readable> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
      if (!res.Body) throw new StorageNotFound(key);
      // In Node the SDK's body is an http.IncomingMessage (a Readable).
      return res.Body as Readable;
    } catch (e) {
      if (isNotFound(e)) throw new StorageNotFound(key);
      throw e;
    }
  }

  async withBlob<T>(key: string, type: string, fn: (blob: Blob) => Promise<T>): Promise<T> {
    // The HTTP client needs a real Blob; Node can only make one lazily from a file, so the object is spooled
    // through a temporary file (streamed, never held in memory) that is removed afterwards.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "cd-evidence-"));
    const file = path.join(dir, randomUUID());
    try {
      await pipeline(await this.read(key), createWriteStream(file));
      return await fn(await openAsBlob(file, { type }));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
      return { size: Number(res.ContentLength ?? 0) };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
  }
}
