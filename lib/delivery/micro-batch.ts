// Collects the calls that arrive within a few milliseconds of each other and
// runs them as one batch: one PostgreSQL statement (and one commit) for many
// concurrent jobs instead of one each. Batches run one after another, so the
// same row is never written by two of this process's batches at once.
export class MicroBatch<In, Out> {
  private queue: { item: In; resolve: (out: Out) => void; reject: (err: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  /** `run` gets the waiting items in arrival order and returns one result per item, in that order. */
  constructor(
    private readonly run: (items: In[]) => Promise<Out[]>,
    private readonly maxBatch: number,
    private readonly maxWaitMs: number,
  ) {}

  add(item: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.flushIn(this.queue.length >= this.maxBatch ? 0 : this.maxWaitMs);
    });
  }

  /** Runs whatever is waiting now; used on shutdown. */
  async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }

  private flushIn(ms: number) {
    if (this.timer && ms > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private flush(): Promise<void> {
    this.running = this.running.then(async () => {
      // Whatever arrived while the previous batch ran goes together, up to maxBatch.
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const results = await this.run(batch.map((p) => p.item));
          batch.forEach((p, i) => p.resolve(results[i]));
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    });
    return this.running;
  }
}
