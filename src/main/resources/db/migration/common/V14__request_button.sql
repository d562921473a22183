-- REDCap's request button: each pending 'token access' row of a REDCap server's to-do list, taken in once (the primary
-- key holds with two replicas polling at once), with the task it became and the token request it led to.
create table request_button_todo (
    environment          varchar(8)   not null,
    todo_request_id      bigint       not null,
    project_id           bigint       not null,
    requester            varchar(255),
    taken_at             timestamp    not null,
    process_instance_id  varchar(64),
    token_request_id     varchar(64),
    todo_status          varchar(16),
    closed_at            timestamp,
    primary key (environment, todo_request_id)
);
create unique index request_button_todo_process on request_button_todo (process_instance_id);
create unique index request_button_todo_request on request_button_todo (token_request_id);
