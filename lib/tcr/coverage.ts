/** Proves at runtime which endpoints.ts operations have a client function (see coverage.test.ts). */
import { operationIds, type OperationId } from "./endpoints";

/** Walk the client and collect the `operationId` tag of every bound function. */
export function coveredOperations(client: object): Map<OperationId, string> {
  const found = new Map<OperationId, string>();
  for (const [group, api] of Object.entries(client)) {
    if (!api || typeof api !== "object" || group === "http") continue;
    for (const [name, fn] of Object.entries(api as Record<string, unknown>)) {
      const opId = typeof fn === "function" ? (fn as { operationId?: OperationId }).operationId : undefined;
      if (opId) found.set(opId, `${group}.${name}`);
    }
  }
  return found;
}

export function missingOperations(client: object): OperationId[] {
  const covered = coveredOperations(client);
  return operationIds.filter((id) => !covered.has(id));
}
