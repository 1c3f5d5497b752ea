import { createReadStream, createWriteStream, openAsBlob } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

export interface StorageWriter {
  write(chunk: Uint8Array): Promise<void>;
  /** Makes the object visible under its key. */
  commit(): Promise<void>;
  /** Throws away whatever was written. */
  abort(): Promise<void>;
}

export type StoredObject = { size: number };

/** Where uploaded bytes live. Keys are random ids chosen by the portal, never user input. */
export interface EvidenceStorage {
  /** "disk" or "s3", for logs and the benchmark. */
  readonly name: string;
  writer(key: string): Promise<StorageWriter>;
  /** The stored bytes as a stream; throws StorageNotFound for a missing key. */
  read(key: string): Promise<Readable>;
  /**
   * Lends the stored bytes as a Blob read lazily from a file, for multipart uploads to the registry (the
   * HTTP client needs a real Blob). The Blob is only valid inside `fn`.
   */
  withBlob<T>(key: string, type: string, fn: (blob: Blob) => Promise<T>): Promise<T>;
  /** Size of the stored object, or null when there is none. */
  head(key: string): Promise<StoredObject | null>;
  /** Removes the object; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export class StorageNotFound extends Error {
  constructor(key: string) {
    super(`no stored object ${key}`);
  }
}

const KEY = /^[A-Za-z0-9_-]+\/[A-Za-z0-9-]+$/;

/** Keys are `<orgId>/<uuid>`; anything else is a bug, refused before it reaches a path or a URL. */
export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error("invalid storage key");
  return key;
}

/** Local disk (default: .data/uploads). Writes go to a temporary name and are renamed on commit. */
export class DiskStorage implements EvidenceStorage {
  readonly name = "disk";
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    return path.join(this.root, checkKey(key));
  }

  async writer(key: string): Promise<StorageWriter> {
    const final = this.pathOf(key);
    const temp = `${final}.part`;
    await fs.mkdir(path.dirname(final), { recursive: true });
    const out = createWriteStream(temp, { flags: "wx" });
    await new Promise<void>((resolve, reject) => out.once("open", () => resolve()).once("error", reject));
    let failed: Error | null = null;
    out.on("error", (e) => (failed = e));
    return {
      write: (chunk) =>
        new Promise<void>((resolve, reject) => {
          if (failed) return reject(failed);
          // Back-pressure: wait for the disk when its buffer is full, so memory stays flat.
          if (out.write(chunk)) return resolve();
          // Both listeners go once either fires: one left behind per drain would pile up over a large file.
          const onDrain = () => {
            out.off("error", onError);
            resolve();
          };
          const onError = (e: Error) => {
            out.off("drain", onDrain);
            reject(e);
          };
          out.once("drain", onDrain).once("error", onError);
        }),
      commit: async () => {
        await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
        if (failed) throw failed;
        await fs.rename(temp, final);
      },
      abort: async () => {
        out.destroy();
        await fs.rm(temp, { force: true });
      },
    };
  }

  async read(key: string): Promise<Readable> {
    const p = this.pathOf(key);
    try {
      await fs.access(p);
    } catch {
      throw new StorageNotFound(key);
    }
    return createReadStream(p);
  }

  async withBlob<T>(key: string, type: string, fn: (blob: Blob) => Promise<T>): Promise<T> {
    return fn(await openAsBlob(this.pathOf(key), { type }));
  }

  async head(key: string): Promise<StoredObject | null> {
    const st = await fs.stat(this.pathOf(key)).catch(() => null);
    return st?.isFile() ? { size: st.size } : null;
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}
