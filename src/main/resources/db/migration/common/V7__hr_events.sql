-- HR events carry what happened and from when; deliveries are remembered so a resent webhook starts nothing twice.
alter table offboarding_event add column event_type varchar(32);
alter table offboarding_event add column project_id bigint;
alter table offboarding_event add column effective_at timestamp;

create table hr_webhook_delivery (
    webhook_id     varchar(255) not null primary key,
    offboarding_id varchar(36)  not null,
    received_at    timestamp    not null
);
