// Collects the calls that arrive within a few milliseconds of each other and
// runs them as one batch: one PostgreSQL statement (and one commit) for many
// concurrent jobs instead of one each. Batches run one after another, so the
// same row is never written by two of this process's batches at once.
//
// One bad item never fails its batch-mates: when a batch fails it is split in
// halves and each half runs again, down to single items, so only the items
// that fail on their own are rejected (an unstorable row of one tenant must
// not fail every tenant's write). A failure of every row, e.g. the database
// being down, costs at most 2n - 1 quick failures for n items.
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
        await this.runSplitting(this.queue.splice(0, this.maxBatch));
      }
    });
    return this.running;
  }

  private async runSplitting(batch: typeof this.queue): Promise<void> {
    try {
      const results = await this.run(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err);
      const half = Math.ceil(batch.length / 2);
      await this.runSplitting(batch.slice(0, half));
      await this.runSplitting(batch.slice(half));
    }
  }
}
