import { availableParallelism } from "node:os";
import { AppError } from "../errors";

// A password hash is deliberately expensive (lib/auth/password.ts): tens of milliseconds of
// CPU and tens of MiB of memory on one of libuv's four worker threads. Run unbounded, sixteen
// concurrent sign-ins fill every worker thread and both cores, and every other request that
// needs a worker (file reads, gzip) or the CPU waits behind them (issue 10, finding 3).
//
// So hashes take turns: at most `concurrency` run at once and at most `maxWaiting` wait; past
// that the caller is refused at once with a 503-style AppError instead of queueing without
// limit. The queue is per process: it protects this instance's CPU and memory, which is what
// the hash consumes. Several instances each get their own; abuse across them is the
// throttles' job (decision 010). Numbers are in docs/decisions/011-password-hashing.md.

export const HASH_QUEUE_FULL = "Too many sign-ins at once, try again in a moment.";

export type HashQueueOptions = { concurrency: number; maxWaiting: number };

export class HashQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly options: HashQueueOptions) {
    if (!(options.concurrency >= 1) || !(options.maxWaiting >= 0)) throw new Error("HashQueue needs concurrency ≥ 1 and maxWaiting ≥ 0");
  }

  /** Runs `work` when a slot is free; refuses with a 503 AppError when the waiting line is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.options.concurrency) {
      if (this.waiting.length >= this.options.maxWaiting) throw new AppError(HASH_QUEUE_FULL, 503);
      // The slot is handed over by the finishing job (running stays the same), so a newcomer
      // arriving in between cannot jump the line.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  get stats() {
    return { running: this.running, waiting: this.waiting.length };
  }
}

// At most one hash per core, less one core for the event loop (measured: with two hashes at
// once on two cores an unrelated request's p95 rose from 5 to 27 ms), and never more than
// three, so at least one of libuv's four worker threads stays free for file reads and gzip.
// The line holds a class of thirty signing in in the same second (the last waits
// maxWaiting × ~10 ms ÷ concurrency, well under a second); a flood beyond it is refused.
export const HASH_CONCURRENCY = Math.min(3, Math.max(1, availableParallelism() - 1));
export const HASH_LINE = 64;
export const hashQueue = new HashQueue({ concurrency: HASH_CONCURRENCY, maxWaiting: HASH_LINE });
