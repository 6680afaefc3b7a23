import { CCM_QUARTERLY_V1 } from './ccm-quarterly.v1';
import { CCM_QUARTERLY_V2 } from './ccm-quarterly.v2';
import { CCM_QUARTERLY_V3 } from './ccm-quarterly.v3';
import { ReturnDefinition } from './return-definition';

/** Every return definition the mesh knows, by id and version. */
export const RETURN_DEFINITIONS: readonly ReturnDefinition[] = Object.freeze([CCM_QUARTERLY_V1, CCM_QUARTERLY_V2, CCM_QUARTERLY_V3]);

/** The definition new return cycles ask for. */
export const CURRENT_RETURN_DEFINITION: ReturnDefinition = CCM_QUARTERLY_V3;

export function findReturnDefinition(id: string, version: number): ReturnDefinition | undefined {
  return RETURN_DEFINITIONS.find((d) => d.id === id && d.version === version);
}
