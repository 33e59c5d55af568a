import { describe } from 'vitest';
import { caseRejoinContract } from './case-rejoin.contract';
import { casesContract } from './cases.contract';
import type { ContractClient } from './contract-client';
import { departmentsContract } from './departments.contract';
import { geographyContract } from './geography.contract';
import { gridSaveContract } from './grid-save.contract';
import { indicatorsContract } from './indicators.contract';
import { settlementContract } from './settlement.contract';
import { streamContract } from './stream.contract';
import { workersContract } from './workers.contract';

export type { ContractClient } from './contract-client';

/**
 * The REST contract (docs/api.md) as executable checks: every call parses with the schemas the client uses, and
 * its semantics hold (filters filter, children sum to the parent, stale saves conflict, the stream streams).
 * Any server that passes this suite can stand behind the dashboard.
 */
export function describeContract(name: string, makeClient: () => ContractClient): void {
  describe(`REST contract: ${name}`, () => {
    geographyContract(makeClient);
    casesContract(makeClient);
    departmentsContract(makeClient);
    indicatorsContract(makeClient);
    settlementContract(makeClient);
    gridSaveContract(makeClient);
    caseRejoinContract(makeClient);
    streamContract(makeClient);
    workersContract(makeClient);
  });
}
