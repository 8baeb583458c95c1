// Every /api/v1 operation: what the OpenAPI document and the API reference page are built
// from. tests/api/openapi.test.ts fails when a route file's method is missing here (or listed
// here but gone), and asks every operation for a real answer to check against the document.
import type { ApiContract } from "../contract";
import { webhookContracts } from "./webhooks";
import { eventContracts } from "./events";
import { deliveryContracts } from "./deliveries";
import { accountContracts } from "./account";
import { tenancyContracts } from "./tenancy";
import { catalogContracts } from "./catalog";

const areas: Record<string, ApiContract>[] = [webhookContracts, eventContracts, deliveryContracts, accountContracts, tenancyContracts, catalogContracts];

export const API_CONTRACTS: readonly ApiContract[] = areas.flatMap((area) => Object.values(area));
