-- Member routes (/members, /invitations) now check their own scopes, members:read and
-- members:write, instead of api_keys:*. Keys created before keep the access they had:
-- a key holding api_keys:read gets members:read, one holding api_keys:write gets members:write.
UPDATE "ApiKey"
   SET "scopes" = array_append("scopes", 'members:read')
 WHERE 'api_keys:read' = ANY ("scopes") AND NOT 'members:read' = ANY ("scopes");

UPDATE "ApiKey"
   SET "scopes" = array_append("scopes", 'members:write')
 WHERE 'api_keys:write' = ANY ("scopes") AND NOT 'members:write' = ANY ("scopes");
