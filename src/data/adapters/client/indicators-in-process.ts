import type { IndicatorsWorkerPort } from './indicators-client';
import { createIndicatorsHandler, type IndicatorsReply } from './indicators-protocol';

/**
 * A worker stand-in for tests and the Node bench: the real handler, answering asynchronously, with every message
 * structured-cloned (transfers detached) as postMessage would, so what cannot cross a worker boundary fails here too.
 */
export function inProcessIndicatorsPort(): IndicatorsWorkerPort & { requests: string[] } {
  const handle = createIndicatorsHandler();
  const listeners: ((event: MessageEvent<IndicatorsReply>) => void)[] = [];
  const requests: string[] = [];
  return {
    requests,
    postMessage(message, options) {
      requests.push(message.kind);
      const received = structuredClone(message, { transfer: options.transfer });
      queueMicrotask(() => {
        const { message: reply, transfer } = handle(received);
        const data = structuredClone(reply, { transfer });
        for (const listener of listeners) listener(new MessageEvent('message', { data }));
      });
    },
    addEventListener(_type, listener) {
      listeners.push(listener);
    },
    terminate() {
      listeners.length = 0;
    },
  };
}
