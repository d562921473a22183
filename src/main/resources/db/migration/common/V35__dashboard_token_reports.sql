-- The dashboard's token lists and figures (TokenReports), read in index order instead of sorting the whole registry:
-- live tokens by expiry (expiring soon and its windows; also the live and the suspended by state) and every token
-- newest issue first (the token table, and the CSV export read in batches after the last token it had).
create index api_token_state_expires on api_token (state, expires_at);
create index api_token_issued on api_token (issued_at desc, id);
