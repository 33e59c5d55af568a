import { http, HttpResponse } from 'msw';
import { caseEventSchema } from '../../src/contract/schemas/contract.schema';
import type { CaseEvent } from '../cases/case-store';
import type { MockState } from './mock-state';

/** Tells an EventSource how long to wait before reconnecting after the stream drops. */
export const reconnectMs = 3_000;

const encoder = new TextEncoder();

function frameOf(state: MockState, event: CaseEvent): string {
  if (state.validateResponses) {
    const result = caseEventSchema.safeParse(JSON.parse(event.data));
    if (!result.success) {
      const issue = result.error.issues[0];
      const message = `caseEventSchema: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`;
      return `id: ${event.id}\nevent: error\ndata: ${JSON.stringify({ error: 'invalid_response', message })}\n\n`;
    }
  }
  return `id: ${event.id}\nevent: case\ndata: ${event.data}\n\n`;
}

/** The event id to resume after: the Last-Event-ID header (EventSource sends it), or ?lastEventId= for fetch readers. */
function resumeAfter(request: Request, latest: number): number {
  const text = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId');
  const id = text === null ? Number.NaN : Number(text);
  return Number.isInteger(id) && id >= 0 ? id : latest;
}

/**
 * GET /cases/stream as Server-Sent Events. This is a plain streamed response rather than msw's `sse()`: `sse()`
 * cannot be constructed without a global EventSource (Node 20 has none, so the contract tests could not run it)
 * and it only answers an Accept header of exactly "text/event-stream"; the wire format is the same.
 */
export function caseStreamHandlers(state: MockState) {
  return [
    http.get(`${state.baseUrl}/cases/stream`, ({ request }) => {
      state.cases.catchUp(state.clock());
      let sent = resumeAfter(request, state.cases.lastEventId);
      let timer: ReturnType<typeof setInterval> | undefined;
      let open = true;
      const stop = () => {
        open = false;
        clearInterval(timer);
      };
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const flush = () => {
            if (!open) return;
            state.cases.catchUp(state.clock());
            const frames = state.cases.eventsAfter(sent).map((event) => {
              sent = event.id;
              return frameOf(state, event);
            });
            if (frames.length > 0) controller.enqueue(encoder.encode(frames.join('')));
          };
          controller.enqueue(encoder.encode(`retry: ${reconnectMs}\n: case stream\n\n`));
          flush();
          timer = setInterval(flush, Math.min(1_000, Math.max(10, state.streamIntervalMs / 2)));
          request.signal.addEventListener('abort', stop);
        },
        cancel: stop,
      });
      return new HttpResponse(stream, {
        headers: {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache',
          connection: 'keep-alive',
        },
      });
    }),
  ];
}
