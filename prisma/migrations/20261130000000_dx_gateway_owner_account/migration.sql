-- The DX gateway <-> TGW association is read from AWS, in the DX gateway owner's account: the allowed
-- prefixes admins recorded per hub (dxAllowedPrefixes) go, and the owner account is a setting.
ALTER TABLE "PlatformSettings" ADD COLUMN "dxGatewayOwnerAccountId" TEXT;

UPDATE "PlatformSettings"
SET "transitHubs" = (
  SELECT COALESCE(jsonb_agg(hub.value - 'dxAllowedPrefixes' ORDER BY hub.position), '[]'::jsonb)
  FROM jsonb_array_elements("transitHubs") WITH ORDINALITY AS hub(value, position)
)
WHERE jsonb_typeof("transitHubs") = 'array';
