-- The unguessable token in a connection's webhook URL (/hooks/{connector}/{token}). The ingress
-- finds the connection by the token's SHA-256; the token itself is kept only among the
-- connection's encrypted secrets, so the URL can be shown again to the workspace's admins.
ALTER TABLE connection ADD COLUMN webhook_token_hash varchar(64);
CREATE UNIQUE INDEX connection_webhook_token_uk ON connection (webhook_token_hash);
