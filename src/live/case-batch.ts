/**
 * Streamed cases coalesced into batches: every event is queued in arrival order and the queue is handed over
 * once per frame (or short window), so a burst of events costs one view derivation, not one each. Nothing is
 * dropped or reordered: the batch is the events as they came.
 */
export type Schedule = (run: () => void) => void;

/**
 * The next frame, with a timer as a backstop: a hidden tab gets no frames, and cases arriving there should
 * still be applied (the timer's window is short enough for a live pulse, long enough to gather a burst).
 */
export function nextFrameOrSoon(windowMs = 100): Schedule {
  return (run) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      run();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
    setTimeout(once, windowMs);
  };
}

export class CaseBatcher<T> {
  private queue: T[] = [];
  private scheduled = false;

  constructor(
    private readonly deliver: (batch: readonly T[]) => void,
    private readonly schedule: Schedule = nextFrameOrSoon(),
  ) {}

  push(item: T): void {
    this.queue.push(item);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  /** Hand over what is queued now (also when the stream closes, so its last events are not lost). */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    this.deliver(batch);
  }
}
