-- A write of a user's API rights asked of REDCap's API (a content=user import), recorded before the call in a
-- transaction of its own and removed once the step that asked it has committed. A row left behind is a step that died
-- or rolled back after asking: its retry reads REDCap's rights first and writes only if they still differ, so a killed
-- node's revocation is not imported (and logged by REDCap) a second time. Steps that commit pay nothing extra.
create table redcap_rights_write (
    environment varchar(8)   not null,
    project_id  bigint       not null,
    username    varchar(191) not null,
    asked_at    timestamp    not null,
    primary key (environment, project_id, username)
);
