import { carveGridOperation } from './carve-grid.operation';
import { deleteGridOperation } from './delete-grid.operation';
import { mergeGridsOperation } from './merge-grids.operation';
import { moveSharedEdgeOperation } from './move-shared-edge.operation';
import { moveVertexOperation } from './move-vertex.operation';
import { splitGridOperation } from './split-grid.operation';
import { updateGridPropertiesOperation } from './update-grid-properties.operation';

/** Every planner operation, in toolbar order. */
export const planOperations = {
  moveVertex: moveVertexOperation,
  moveSharedEdge: moveSharedEdgeOperation,
  splitGrid: splitGridOperation,
  mergeGrids: mergeGridsOperation,
  carveGrid: carveGridOperation,
  deleteGrid: deleteGridOperation,
  updateGridProperties: updateGridPropertiesOperation,
} as const;
