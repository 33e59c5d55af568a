import { describe, expect, it } from 'vitest';
import { flattenGrids } from './flat-grids';
import { buildGridIndex } from './grid-index';
import { JoinClient, type JoinWorkerPort } from './join-client';
import { joinPoints } from './join';
import { createJoinHandler, type JoinReply, type JoinRequest } from './join-protocol';
import { fixtureGrids, fixtureProbePoints } from './join.fixtures';

const probePositions = () =>
  Float64Array.from(fixtureProbePoints().flatMap((point) => [point[0]!, point[1]!]));

/** A worker stand-in: runs the real handler, answers asynchronously, and records what would be transferred. */
function inProcessPort(): JoinWorkerPort & { transferred: Transferable[][] } {
  const handle = createJoinHandler();
  const listeners: ((event: MessageEvent<JoinReply>) => void)[] = [];
  const transferred: Transferable[][] = [];
  return {
    transferred,
    postMessage(message: JoinRequest, options: { transfer: Transferable[] }) {
      transferred.push(options.transfer);
      queueMicrotask(() => {
        const { message: reply } = handle(message);
        for (const listener of listeners) listener({ data: reply } as MessageEvent<JoinReply>);
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

describe('join worker protocol', () => {
  it('refuses a join before grids arrive, naming the reason', () => {
    const handle = createJoinHandler();
    const { message } = handle({ kind: 'join', requestId: 3, positions: new Float64Array(2) });
    expect(message).toMatchObject({ kind: 'failed', requestId: 3 });
  });

  it('answers the same assignments as the in-thread join and transfers them with the positions', () => {
    const handle = createJoinHandler();
    const grids = flattenGrids(fixtureGrids);
    expect(handle({ kind: 'set-grids', requestId: 1, grids }).message).toMatchObject({
      kind: 'grids-ready',
      gridCount: fixtureGrids.length,
    });
    const positions = probePositions();
    const { message, transfer } = handle({ kind: 'join', requestId: 2, positions });
    if (message.kind !== 'assignments') throw new Error(`unexpected ${message.kind}`);
    expect(Array.from(message.assignments)).toEqual(Array.from(joinPoints(buildGridIndex(grids), positions)));
    expect(transfer).toEqual([message.assignments.buffer, positions.buffer]);
  });
});

describe('JoinClient', () => {
  it('resolves joins by request id and hands the positions back', async () => {
    const port = inProcessPort();
    const client = new JoinClient(port);
    await client.setGrids(flattenGrids(fixtureGrids));
    const positions = probePositions();
    const expected = joinPoints(buildGridIndex(flattenGrids(fixtureGrids)), positions);
    const [first, second] = await Promise.all([client.join(positions), client.join(positions.slice(0, 8))]);
    expect(Array.from(first.assignments)).toEqual(Array.from(expected));
    expect(Array.from(second.assignments)).toEqual(Array.from(expected.slice(0, 4)));
    expect(first.positions).toBe(positions);
    expect(port.transferred[1]).toEqual([positions.buffer]);
  });

  it('rejects when the worker reports a failure', async () => {
    const client = new JoinClient(inProcessPort());
    await expect(client.join(new Float64Array(2))).rejects.toThrow(/no grids/);
  });
});
