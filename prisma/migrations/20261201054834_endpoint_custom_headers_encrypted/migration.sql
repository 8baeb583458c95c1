-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "customHeadersEncrypted" TEXT;

-- Attempts recorded the custom header values (usually the receiver's credentials) in full;
-- mask them as attempts are now recorded (lib/delivery/build-request.ts loggedHeaders).
-- The names are those of the endpoint's plaintext custom headers, which the worker then
-- encrypts into "customHeadersEncrypted" at start (lib/webhooks/custom-headers.ts).
UPDATE "Attempt" AS a
   SET "requestHeaders" = (
         SELECT jsonb_object_agg(
                  h.key,
                  CASE WHEN EXISTS (SELECT 1 FROM jsonb_object_keys(e.policy->'custom_headers') AS k WHERE lower(k) = lower(h.key))
                       THEN '"***"'::jsonb ELSE h.value END)
           FROM jsonb_each(a."requestHeaders") AS h)
  FROM "Delivery" AS d
  JOIN "Endpoint" AS e ON e.id = d."endpointId"
 WHERE a."deliveryId" = d.id
   AND jsonb_typeof(e.policy->'custom_headers') = 'object'
   AND jsonb_typeof(a."requestHeaders") = 'object'
   AND a."requestHeaders" <> '{}'::jsonb;
