import type pg from "pg";
import { CrlfWriter } from "./crlf";

/**
 * A CSV file straight from PostgreSQL: `COPY (<select>) TO STDOUT WITH (FORMAT csv)` over one client of the
 * pool, spoken with node-postgres' own copy-out hooks (what pg-copy-streams does, without the dependency). The
 * database formats and quotes every cell; Node only turns LF record ends into CRLF (CrlfWriter) and passes the
 * bytes on. `head` (the BOM and header line, written by the caller) goes out before the query starts.
 *
 * Pull-based like csvStream: when the reader falls behind, the client's socket is paused, so PostgreSQL waits
 * on TCP instead of rows piling up in memory. Cancelling (the browser aborted the download) destroys that one
 * connection, which stops the COPY on the server, and the pool forgets it; an error mid-stream errors the
 * stream and the client goes back to the pool, which is fine after ReadyForQuery.
 */
export type CopyCsvOptions = {
  pool: pg.Pool;
  /** A complete SELECT, values inlined as literals (COPY takes no bind parameters). */
  select: string;
  head: Uint8Array;
  onError?: (e: unknown) => void;
  /** Bytes per chunk handed to the reader. */
  chunkSize?: number;
};

type Socket = { pause(): void; resume(): void };
type CopySubmittable = {
  submit(connection: { query(text: string): void }): void;
  handleCopyData(msg: { chunk: Buffer }): void;
  handleCommandComplete(): void;
  handleReadyForQuery(): void;
  handleError(e: Error): void;
  handleCopyInResponse(connection: { sendCopyFail(msg: string): void }): void;
  handleEmptyQuery(): void;
};

/**
 * Planner settings for the one export statement. JIT compiling a long export's expressions cost more than it
 * saved (4.7 s of a 7.1 s query at 100k campaigns on the 2-core dev box; docs/performance.md, "At 100k campaigns"), and the
 * default 4 MB work_mem sends the final sort of a large export to disk. SET LOCAL lasts until the end of the
 * transaction, and a simple query holding several statements is one implicit transaction, so the settings end
 * with the COPY (or its error) and the client goes back to the pool as it came.
 */
export const COPY_SETTINGS = "SET LOCAL jit = off; SET LOCAL work_mem = '64MB'";

/** The text sent for an export: COPY_SETTINGS, then the COPY, in one simple query (one round trip). */
export const copyStatement = (select: string) => `${COPY_SETTINGS}; COPY (${select}) TO STDOUT WITH (FORMAT csv)`;

export function copyCsvStream({ pool, select, head, onError, chunkSize }: CopyCsvOptions): ReadableStream<Uint8Array> {
  let client: pg.PoolClient | null = null;
  let socket: Socket | null = null;
  let started = false;
  let finished = false;
  let paused = false;
  let lost: ((e: Error) => void) | null = null;
  // The connection went away mid-COPY (the server stopped, the network dropped): no ReadyForQuery will come.
  const onClientError = (e: Error) => lost?.(e);
  const onClientEnd = () => lost?.(new Error("The database connection closed during the export."));
  const release = (destroy: boolean) => {
    if (!client) return;
    const c = client;
    client = null;
    socket = null;
    c.removeListener("error", onClientError);
    c.removeListener("end", onClientEnd);
    c.release(destroy);
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(head);
      },
      async pull(controller) {
        if (started) {
          if (paused && socket) {
            paused = false;
            socket.resume();
          }
          return;
        }
        started = true;
        try {
          client = await pool.connect();
        } catch (e) {
          finished = true;
          onError?.(e);
          return controller.error(e);
        }
        if (finished) return release(true); // cancelled while connecting
        client.on("error", onClientError);
        client.on("end", onClientEnd);
        lost = (e) => {
          if (finished) return;
          finished = true;
          release(true);
          onError?.(e);
          controller.error(e);
        };
        socket = (client as unknown as { connection: { stream: Socket } }).connection.stream;
        const writer = new CrlfWriter((chunk) => {
          if (finished) return;
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 1) <= 0 && socket && !paused) {
            paused = true;
            socket.pause();
          }
        }, chunkSize);
        const query: CopySubmittable = {
          submit(connection) {
            connection.query(copyStatement(select));
          },
          handleCopyData(msg) {
            if (!finished) writer.write(msg.chunk);
          },
          handleCommandComplete() {}, // one per statement: the SETs, then the COPY
          // node-postgres drops the query on an error (its ReadyForQuery then goes to nobody), so this ends the stream.
          // An error the server reported leaves the connection usable; any other (the socket failed) does not.
          handleError(e) {
            if (finished) return;
            finished = true;
            release(!(typeof e === "object" && e !== null && "severity" in e));
            onError?.(e);
            controller.error(e);
          },
          handleCopyInResponse(connection) {
            connection.sendCopyFail("not a COPY FROM"); // cannot happen for COPY … TO STDOUT
          },
          handleEmptyQuery() {},
          handleReadyForQuery() {
            if (finished) return;
            writer.flush();
            finished = true;
            release(false);
            controller.close();
          },
        };
        client.query(query as never);
      },
      cancel() {
        if (finished) return;
        finished = true;
        // The COPY is still running: closing its connection is what stops it; the pool opens a new one when needed.
        release(true);
      },
    },
    { highWaterMark: 4 },
  );
}
