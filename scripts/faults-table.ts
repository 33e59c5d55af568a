import { writeFileSync } from 'node:fs';
import { faultsTable } from '../tests/faults/table';

// Rewrites docs/faults.md from the fault catalogue (tests/faults/catalogue.ts).
writeFileSync('docs/faults.md', await faultsTable());
