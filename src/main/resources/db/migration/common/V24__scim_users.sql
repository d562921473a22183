-- People a SCIM client (Microsoft Entra, Okta) created here. Only recorded, so the client can find them again and
-- later deactivate them: nothing is provisioned in REDCap. userName is unique ignoring case, as SCIM compares it.
create table scim_user (
    id               varchar(36)   not null primary key,
    user_name        varchar(191)  not null,
    user_name_key    varchar(400)  not null,
    external_id      varchar(255),
    active           boolean       not null,
    display_name     varchar(255),
    given_name       varchar(255),
    family_name      varchar(255),
    formatted_name   varchar(255),
    emails           varchar(4000),
    created_at       timestamp     not null,
    last_modified_at timestamp     not null,
    constraint uq_scim_user_name unique (user_name_key)
);

create index ix_scim_user_external_id on scim_user (external_id);
