-- The SHA-256 (hex) of each delivery's body: a webhook-id sent again with another body is refused (409), not answered
-- as the first one. Deliveries stored before this have none and keep getting their first answer.
alter table hr_webhook_delivery add column body_sha256 varchar(64);
