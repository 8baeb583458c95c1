// Every /api/v1 route. tests/api/openapi.test.ts walks app/api/v1 and fails
// when a route file's method is missing here (or listed here but gone).
import { webhookRoutes } from "./webhooks";
import { eventRoutes } from "./events";
import { deliveryRoutes } from "./deliveries";
import { accountRoutes } from "./account";
import { catalogRoutes } from "./catalog";
import { tenancyRoutes } from "./tenancy";
import type { ApiRoute } from "../types";

export const API_ROUTES: readonly ApiRoute[] = [...webhookRoutes, ...eventRoutes, ...deliveryRoutes, ...accountRoutes, ...tenancyRoutes, ...catalogRoutes];
