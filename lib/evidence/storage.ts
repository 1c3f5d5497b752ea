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

/** Where uploaded bytes live. Keys are random ids chosen by the portal, never user input. */
export interface EvidenceStorage {
  writer(key: string): Promise<StorageWriter>;
  read(key: string): Promise<Readable>;
  /** The stored bytes as a Blob read lazily from storage, for multipart uploads to the registry. */
  blob(key: string, type: string): Promise<Blob>;
  delete(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-]+\/[A-Za-z0-9-]+$/;

/** Local disk (default: .data/uploads). Writes go to a temporary name and are renamed on commit. */
export class DiskStorage implements EvidenceStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error("invalid storage key");
    return path.join(this.root, key);
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
          if (out.write(chunk)) resolve();
          else out.once("drain", () => resolve()).once("error", reject);
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
    await fs.access(p);
    return createReadStream(p);
  }

  async blob(key: string, type: string): Promise<Blob> {
    return openAsBlob(this.pathOf(key), { type });
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}
