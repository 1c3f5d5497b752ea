import { createHash, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { rulesFor, type EvidenceKind } from "@/lib/evidence/kinds";
import { checkDimensions, EvidenceRejected, inspectHead, SNIFF_BYTES, tooLarge } from "@/lib/evidence/inspect";
import { sanitizeFileName } from "@/lib/evidence/sanitize";
import type { EvidenceStorage, StorageWriter } from "@/lib/evidence/storage";

export type StoredFile = { id: string; kind: EvidenceKind; fileName: string; mimeType: string; size: number; sha256: string; width: number | null; height: number | null };

/**
 * Streams one upload into storage: the size limit is enforced as bytes arrive, the type is decided from the
 * first bytes before the rest is written, imagery is measured, and the row is written last. Any refusal or
 * failure removes what was written, so there is never a file without a row or a row without a file.
 */
export async function storeUpload(
  deps: { db: Db; storage: EvidenceStorage },
  input: { orgId: string; userId: string | null; kind: EvidenceKind; fileName: string; body: AsyncIterable<Uint8Array>; upstream?: string | null },
): Promise<StoredFile> {
  // The organization's upstream may state narrower rules than the registry's (Vonage's evidence types).
  const rules = rulesFor(input.kind, input.upstream);
  const fileName = sanitizeFileName(input.fileName);
  const id = randomUUID();
  const storageKey = `${input.orgId}/${id}`;
  const hash = createHash("sha256");
  // Images that must be measured are small (≤ 200 KB) and kept whole; for anything else only the head is kept.
  const keepWhole = Boolean(rules.dimensions);
  const headParts: Buffer[] = [];
  let headBytes = 0;
  let size = 0;
  let mimeType: string | null = null;
  let writer: StorageWriter | null = null;

  const decide = async () => {
    mimeType = (await inspectHead(input.kind, Buffer.concat(headParts), fileName, rules)).mimeType;
    writer = await deps.storage.writer(storageKey);
    for (const part of headParts) await writer.write(part);
  };

  try {
    for await (const chunk of input.body) {
      size += chunk.byteLength;
      if (size > rules.maxBytes) throw tooLarge(input.kind, rules);
      hash.update(chunk);
      const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (mimeType === null) {
        headParts.push(Buffer.from(buf));
        headBytes += buf.byteLength;
        if (headBytes >= SNIFF_BYTES && !keepWhole) await decide();
      } else {
        if (keepWhole) headParts.push(Buffer.from(buf));
        await writer!.write(buf);
      }
    }
    if (size === 0) throw new EvidenceRejected("The file is empty.");
    if (mimeType === null) await decide();
    const dims = keepWhole ? checkDimensions(input.kind, Buffer.concat(headParts)) : null;
    await writer!.commit();
    try {
      const row = await deps.db.evidenceFile.create({
        data: { id, orgId: input.orgId, kind: input.kind, storageKey, fileName, mimeType: mimeType!, size, sha256: hash.digest("hex"), width: dims?.width ?? null, height: dims?.height ?? null, uploadedById: input.userId },
      });
      return { id: row.id, kind: input.kind, fileName, mimeType: row.mimeType, size, sha256: row.sha256, width: row.width, height: row.height };
    } catch (e) {
      await deps.storage.delete(storageKey);
      throw e;
    }
  } catch (e) {
    await (writer as StorageWriter | null)?.abort().catch(() => undefined);
    throw e;
  }
}
