import { caseStreamHandlers } from './case-stream.handler';
import { casesHandlers } from './cases.handler';
import { geographyHandlers } from './geography.handler';
import { gridsHandlers } from './grids.handler';
import { indicatorsHandlers } from './indicators.handler';
import { workersHandlers } from './workers.handler';
import { createMockState, type MockApiOptions, type MockState } from './mock-state';

export type { MockApiOptions, MockState } from './mock-state';

/**
 * Every call of the REST contract (docs/api.md) over one in-memory session: the stream, GET /cases and the
 * indicators read the same case store, and a saved grid plan is what later GETs return.
 */
export function createMockApi(options: MockApiOptions) {
  const state: MockState = createMockState(options);
  const handlers = [
    ...geographyHandlers(state),
    // The stream is listed before /cases so its more specific path is matched first.
    ...caseStreamHandlers(state),
    ...casesHandlers(state),
    ...gridsHandlers(state),
    ...indicatorsHandlers(state),
    ...workersHandlers(state),
  ];
  return { state, handlers };
}

export const createHandlers = (options: MockApiOptions) => createMockApi(options).handlers;
