// The embedded database the launcher starts: one PGlite backend served to many connections over the PostgreSQL
// wire protocol by @electric-sql/pglite-socket, with its query queue made safe for concurrent clients.
//   node scripts/pglite-server.mjs --db=DIR --port=N [--host=127.0.0.1] [--max-connections=100]
//
// pglite-socket 0.2.17 multiplexes connections onto the single backend one protocol MESSAGE at a time, and only keeps
// a connection to itself while a transaction is open. Outside a transaction, connection A's Parse/Bind/Execute/Sync
// could interleave with connection B's, so A's Bind bound to B's unnamed statement: "invalid input syntax for type
// bigint" on a text filter in the e2e run, and silently wrong answers when the types happen to agree. And a message
// that failed left the queue marked "processing" for ever, so every later query on every connection hung (the e2e
// portal stopped answering). serializeExtendedQueries() keeps one connection's extended-protocol exchange together,
// up to and including its Sync, and lets the queue go on after a failure.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { parseArgs } from "node:util";

const SYNC = 0x53; // 'S': ends an extended-protocol exchange
const QUERY = 0x51; // 'Q': a simple query, complete in one message
const TERMINATE = 0x58; // 'X'
// Parse, Bind, Describe, Execute, Close, Flush: an exchange is in progress until this connection's Sync.
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

/** Replaces the server's queue scheduling (see above). Exported for the test that proves the interleaving is gone. */
export function serializeExtendedQueries(server) {
  const q = server.queryQueue;
  if (!q || typeof q.processQueue !== "function" || !Array.isArray(q.queue)) {
    throw new Error("pglite-socket's query queue is not the one this patch was written for (0.2.17): check scripts/pglite-server.mjs");
  }
  q.pinned = null;
  q.processQueue = async function processQueue() {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        // Whoever is mid-transaction or mid-exchange goes first; the others wait until it has finished.
        const owner = this.db.isInTransaction() && this.lastHandlerId ? this.lastHandlerId : this.pinned;
        let item;
        if (owner != null) {
          const i = this.queue.findIndex((r) => r.handlerId === owner);
          if (i === -1) break; // its next message has not arrived yet: enqueue() starts us again
          item = this.queue.splice(i, 1)[0];
        } else {
          item = this.queue.shift();
        }
        const type = item.message[0];
        if (EXTENDED.has(type)) this.pinned = item.handlerId;
        else if ((type === SYNC || type === QUERY || type === TERMINATE) && this.pinned === item.handlerId) this.pinned = null;
        let bytes = 0;
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(item.message, {
            onRawData: (data) => { bytes += data.length; item.onData(data); },
          }));
        } catch (err) {
          if (this.pinned === item.handlerId) this.pinned = null;
          item.reject(err);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  // A connection that goes away mid-exchange must not keep the others waiting for its Sync.
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId) => {
    clear(handlerId);
    if (q.pinned === handlerId) {
      q.pinned = null;
      setImmediate(() => void q.processQueue());
    }
  };
  return server;
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: "string", default: "memory://" },
      port: { type: "string", default: "5432" },
      host: { type: "string", default: "127.0.0.1" },
      "max-connections": { type: "string", default: "100" },
    },
  });
  const db = new PGlite(values.db);
  await db.waitReady;
  const server = serializeExtendedQueries(new PGLiteSocketServer({
    db, port: Number(values.port), host: values.host, maxConnections: Number(values["max-connections"]),
  }));
  server.addEventListener("error", (e) => console.error("[pglite] socket server error:", e.detail));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  await server.start();
  console.log(`[pglite] listening on ${values.host}:${values.port}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
