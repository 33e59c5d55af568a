import type { EventSourceLike } from './case-stream';

/** An EventSource a test drives: open it, deliver events, drop it; it records whether it was closed. */
export class FakeEventSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private listeners = new Map<string, ((event: Event) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: Event) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, event: Event) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  /** A `case` event with this body and event id. */
  deliver(id: number, data: string) {
    this.emit('case', new MessageEvent('case', { data, lastEventId: String(id) }));
  }
}
