import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { boss, enqueue } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { webhookEndpointFor } from "@/lib/webhooks/endpoint";
import { MAX_WEBHOOK_BYTES, receiveWebhook } from "@/lib/webhooks/intake";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ orgKey: string }> }) {
  const { orgKey } = await params;
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_WEBHOOK_BYTES) return Response.json({ error: "Event too large." }, { status: 413 });
  const rawBody = await req.text();
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
