import type { Store, Task } from "./store";

/**
 * The sandbox clock. Every asynchronous behaviour of the registry (identity scoring, OTP delivery,
 * vetting, appeals, Auth+, webhook retries...) is a Task with a due time on this clock, persisted in
 * the store. In "manual" mode time moves only through advance(); in "real" mode it follows the wall
 * clock multiplied by `speed`. Tasks run one at a time, in (due time, creation) order, so a test that
 * advances the clock sees a deterministic sequence of outcomes.
 */
export type ClockMode = "manual" | "real";
export type TaskHandler = (payload: Record<string, unknown>, task: Task) => void | Promise<void>;

export class SandboxClock {
  private base: number;
  private anchor = Date.now();
  private speedFactor: number;
  private handlers = new Map<string, TaskHandler>();
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private kickPending = false;
  private closed = false;
  onError: (err: unknown, task: Task) => void = (err, task) => {
    console.error(`[sandbox] task ${task.kind} failed`, err);
  };
  /** Called after each task; the server uses it to mark the store dirty. */
  afterTask: () => void = () => {};

  constructor(
    private readonly store: Store,
    public mode: ClockMode = "manual",
    speed = 1,
  ) {
    this.base = store.data.clockNow;
    this.speedFactor = speed;
  }

  now(): number {
    if (this.mode === "manual") return this.base;
    return Math.floor(this.base + (Date.now() - this.anchor) * this.speedFactor);
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  get speed(): number {
    return this.speedFactor;
  }

  private setNow(t: number): void {
    this.base = t;
    this.anchor = Date.now();
    this.store.data.clockNow = t;
  }

  /** Store reset/reload: take the time from the store again and forget timers. */
  resync(): void {
    this.base = this.store.data.clockNow;
    this.anchor = Date.now();
    this.arm();
  }

  setMode(mode: ClockMode, speed?: number): void {
    const t = this.now();
    this.mode = mode;
    if (speed !== undefined) this.speedFactor = speed;
    this.setNow(t);
    this.arm();
  }

  register(kind: string, handler: TaskHandler): void {
    this.handlers.set(kind, handler);
  }

  schedule(kind: string, payload: Record<string, unknown>, delayMs: number): number {
    const d = this.store.data;
    const task: Task = { taskId: d.nextTaskId++, at: this.now() + Math.max(0, delayMs), kind, payload };
    // Keep the queue sorted by (at, taskId): insertion from the end is cheap for near-future tasks.
    let i = d.tasks.length;
    while (i > 0) {
      const prev = d.tasks[i - 1]!;
      if (prev.at < task.at || (prev.at === task.at && prev.taskId < task.taskId)) break;
      i--;
    }
    d.tasks.splice(i, 0, task);
    this.store.markDirty();
    this.kick();
    return task.taskId;
  }

  cancel(predicate: (t: Task) => boolean): void {
    const d = this.store.data;
    d.tasks = d.tasks.filter((t) => !predicate(t));
  }

  pending(): Task[] {
    return [...this.store.data.tasks];
  }

  /** Run due tasks soon (tasks scheduled "now" must not wait for an advance). */
  private kick(): void {
    if (this.kickPending || this.closed) return;
    this.kickPending = true;
    setImmediate(() => {
      this.kickPending = false;
      void this.runDue();
    });
  }

  private enqueue(fn: () => Promise<void>): Promise<void> {
    const p = this.chain.then(fn, fn);
    this.chain = p.catch(() => {});
    return p;
  }

  private async runTask(task: Task): Promise<void> {
    const handler = this.handlers.get(task.kind);
    if (!handler) return;
    try {
      await handler(task.payload, task);
    } catch (err) {
      this.onError(err, task);
    }
    this.afterTask();
  }

  private takeNext(limit: number): Task | undefined {
    const d = this.store.data;
    const first = d.tasks[0];
    if (!first || first.at > limit) return undefined;
    d.tasks.shift();
    return first;
  }

  /** Runs every task due now (including tasks those tasks schedule for now). */
  runDue(): Promise<void> {
    return this.enqueue(async () => {
      for (;;) {
        if (this.closed) return;
        const task = this.takeNext(this.now());
        if (!task) break;
        await this.runTask(task);
      }
      this.arm();
    });
  }

  /** Moves time forward by ms, running every task that falls due on the way at its own due time. */
  advance(ms: number): Promise<void> {
    return this.enqueue(async () => {
      const target = this.now() + Math.max(0, ms);
      for (;;) {
        if (this.closed) return;
        const task = this.takeNext(target);
        if (!task) break;
        if (task.at > this.now()) this.setNow(task.at);
        await this.runTask(task);
      }
      if (target > this.now()) this.setNow(target);
      this.store.markDirty();
      this.arm();
    });
  }

  /** Resolves when the task currently running (if any) has finished. */
  idle(): Promise<void> {
    return this.chain;
  }

  /** Waits until nothing due now is left (webhook deliveries included). */
  async flush(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      await this.runDue();
      const next = this.store.data.tasks[0];
      if (!next || next.at > this.now()) return;
    }
  }

  /** In real mode, wake up when the next task falls due. */
  private arm(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.mode !== "real" || this.closed || this.speedFactor <= 0) return;
    const next = this.store.data.tasks[0];
    if (!next) return;
    const wait = Math.min(Math.max(0, (next.at - this.now()) / this.speedFactor), 2 ** 31 - 1);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runDue();
    }, wait);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.store.data.clockNow = this.now();
    await this.chain;
  }
}
