-- Where the log reader stopped in REDCap's request log (redcap_log_view), one cursor per environment: kept on the
-- environment's project-0 cursor row (the rows without a project), since redcap_log_view is one table for all projects.
alter table redcap_log_cursor add column last_log_view_id bigint not null default 0;
