import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { boss, enqueue } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { webhookEndpointFor } from "@/lib/webhooks/endpoint";
import { MAX_WEBHOOK_BYTES, receiveWebhook } from "@/lib/webhooks/intake";

export const dynamic = "force-dynamic";

/** A declared type other than JSON is not an event (form posts and text/plain are what a browser can forge). */
const isJsonOrUndeclared = (type: string | null) => !type || /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type.trim());

/** The body as text, but never more than the limit held in memory, whether or not a length was declared. */
async function readCapped(req: Request): Promise<string | null> {
  if (!req.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_WEBHOOK_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function POST(req: Request, { params }: { params: Promise<{ orgKey: string }> }) {
  const { orgKey } = await params;
  if (!isJsonOrUndeclared(req.headers.get("content-type"))) return Response.json({ error: "Events are JSON." }, { status: 415 });
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_WEBHOOK_BYTES) return Response.json({ error: "Event too large." }, { status: 413 });
  const rawBody = await readCapped(req);
  if (rawBody === null) return Response.json({ error: "Event too large." }, { status: 413 });
  const result = await receiveWebhook(db(), { orgKey, endpoint: webhookEndpointFor(orgKey), rawBody, signature: req.headers.get("x-registry-signature") });
  if (result.status !== 200) return Response.json({ error: result.error }, { status: result.status });
  if (!result.duplicate) {
    // The event is stored; if the queue is briefly unavailable the worker's sweep picks it up.
    try {
      await enqueue(await boss(), QUEUES.webhookProcess, { eventId: result.eventId });
    } catch (err) {
      log().warn({ err, eventId: result.eventId }, "webhook stored but not queued; the sweep will queue it");
    }
  }
  return Response.json({ received: true, duplicate: result.duplicate });
}
