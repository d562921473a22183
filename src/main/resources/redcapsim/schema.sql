-- The subset of REDCap 15.7.6's schema the simulator keeps, with REDCap's table and column names, types and defaults
-- (shared/redcap/REDCAP-FACTS.md, section 1; docs/developer-guide.md, "The REDCap simulator", lists the subset). Real REDCap has
-- many more tables and columns.
-- Portable between MariaDB/MySQL and H2 in MODE=MySQL (with NON_KEYWORDS=USER,VALUE, which the simulator sets on its
-- H2 connections), and safe to run again: tables are created where missing; RedcapSchema adds the columns an older
-- simulator database lacks. The per-project log tables redcap_log_event ... redcap_log_event12 are created from
-- log-event-table.sql.

CREATE TABLE IF NOT EXISTS redcap_config (
    field_name VARCHAR(191) NOT NULL PRIMARY KEY,
    value TEXT NULL
);

CREATE TABLE IF NOT EXISTS redcap_projects (
    project_id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    app_title TEXT NULL,
    status INT NOT NULL DEFAULT 0,
    creation_time DATETIME NULL,
    production_time DATETIME NULL,
    inactive_time DATETIME NULL,
    completed_time DATETIME NULL,
    completed_by VARCHAR(100) NULL,
    date_deleted DATETIME NULL,
    log_event_table VARCHAR(20) NOT NULL DEFAULT 'redcap_log_event',
    online_offline INT NOT NULL DEFAULT 1,
    project_contact_email TEXT NULL,
    project_contact_name TEXT NULL,
    project_pi_firstname VARCHAR(255) NULL,
    project_pi_mi VARCHAR(255) NULL,
    project_pi_lastname VARCHAR(255) NULL,
    project_pi_email VARCHAR(255) NULL,
    project_pi_alias VARCHAR(255) NULL,
    project_pi_username VARCHAR(255) NULL,
    require_change_reason INT NOT NULL DEFAULT 0,
    last_logged_event DATETIME NULL
);

CREATE TABLE IF NOT EXISTS redcap_user_information (
    ui_id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username VARCHAR(191) NOT NULL,
    user_email VARCHAR(255) NULL,
    user_firstname VARCHAR(255) NULL,
    user_lastname VARCHAR(255) NULL,
    super_user TINYINT NOT NULL DEFAULT 0,
    user_suspended_time DATETIME NULL,
    user_expiration DATETIME NULL,
    api_token VARCHAR(64) NULL,
    api_token_auto_request TINYINT NOT NULL DEFAULT 0,
    allow_create_db INT NOT NULL DEFAULT 1,
    CONSTRAINT uq_user_information_username UNIQUE (username),
    CONSTRAINT uq_user_information_api_token UNIQUE (api_token)
);

-- A role has the rights columns of redcap_user_rights, but no username, expiration, group or token.
CREATE TABLE IF NOT EXISTS redcap_user_roles (
    role_id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    project_id INT NOT NULL,
    role_name TEXT NULL,
    unique_role_name VARCHAR(50) NULL,
    design INT NOT NULL DEFAULT 0,
    user_rights INT NOT NULL DEFAULT 1,
    data_logging INT NOT NULL DEFAULT 1,
    data_export_tool TINYINT NULL,
    data_export_instruments TEXT NULL,
    data_entry TEXT NULL,
    record_delete INT NOT NULL DEFAULT 0,
    api_export INT NOT NULL DEFAULT 0,
    api_import INT NOT NULL DEFAULT 0,
    api_modules INT NOT NULL DEFAULT 0,
    mobile_app INT NOT NULL DEFAULT 0,
    mobile_app_download_data INT NOT NULL DEFAULT 0,
    CONSTRAINT uq_user_roles_unique_name UNIQUE (project_id, unique_role_name)
);

CREATE TABLE IF NOT EXISTS redcap_user_rights (
    project_id INT NOT NULL,
    username VARCHAR(191) NOT NULL,
    expiration DATE NULL,
    role_id INT NULL,
    group_id INT NULL,
    api_token VARCHAR(32) NULL,
    design INT NOT NULL DEFAULT 0,
    user_rights INT NOT NULL DEFAULT 1,
    data_logging INT NOT NULL DEFAULT 1,
    data_export_tool TINYINT NULL,
    data_export_instruments TEXT NULL,
    data_entry TEXT NULL,
    record_delete INT NOT NULL DEFAULT 0,
    api_export INT NOT NULL DEFAULT 0,
    api_import INT NOT NULL DEFAULT 0,
    api_modules INT NOT NULL DEFAULT 0,
    mobile_app INT NOT NULL DEFAULT 0,
    mobile_app_download_data INT NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, username),
    CONSTRAINT uq_user_rights_api_token UNIQUE (api_token)
);

-- The request button's 'token access' rows, among others. REDCap's UNIQUE key lets any number of rows with a NULL
-- todo_type_id coexist, which is how repeated token requests are kept (REDCAP-FACTS.md 3: no duplicate check).
CREATE TABLE IF NOT EXISTS redcap_todo_list (
    request_id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    request_from INT NULL,
    request_to VARCHAR(255) NULL,
    todo_type VARCHAR(255) NULL,
    todo_type_id INT NULL,
    action_url TEXT NULL,
    status ENUM('pending', 'low-priority', 'completed', 'archived') NULL,
    request_time DATETIME NULL,
    project_id INT NULL,
    request_completion_time DATETIME NULL,
    request_completion_userid INT NULL,
    comment TEXT NULL,
    CONSTRAINT uq_todo_list_type UNIQUE (project_id, todo_type, todo_type_id)
);

CREATE TABLE IF NOT EXISTS redcap_ip_banned (
    ip VARCHAR(100) NOT NULL PRIMARY KEY,
    time_of_ban TIMESTAMP NULL
);

CREATE TABLE IF NOT EXISTS redcap_ip_cache (
    ip_hash VARCHAR(100) NOT NULL,
    timestamp TIMESTAMP NULL
);

CREATE INDEX IF NOT EXISTS ix_ip_cache_hash_time ON redcap_ip_cache (ip_hash, timestamp);

-- The record store behind content=record: one arm and event per project, the data dictionary, and the values as
-- REDCap keeps them, one row per record, event, field and value (checkbox fields have a row per checked choice).
CREATE TABLE IF NOT EXISTS redcap_events_arms (
    arm_id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    project_id INT NOT NULL,
    arm_num INT NOT NULL DEFAULT 1,
    arm_name VARCHAR(50) NOT NULL DEFAULT 'Arm 1'
);

CREATE TABLE IF NOT EXISTS redcap_events_metadata (
    event_id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    arm_id INT NOT NULL,
    day_offset FLOAT NOT NULL DEFAULT 0,
    descrip VARCHAR(64) NOT NULL DEFAULT 'Event 1'
);

CREATE TABLE IF NOT EXISTS redcap_metadata (
    project_id INT NOT NULL,
    field_name VARCHAR(100) NOT NULL,
    field_phi VARCHAR(5) NULL,
    form_name VARCHAR(100) NULL,
    form_menu_description TEXT NULL,
    field_order FLOAT NULL,
    field_units VARCHAR(50) NULL,
    element_preceding_header TEXT NULL,
    element_type VARCHAR(50) NULL,
    element_label TEXT NULL,
    element_enum TEXT NULL,
    element_note TEXT NULL,
    element_validation_type VARCHAR(255) NULL,
    element_validation_min VARCHAR(255) NULL,
    element_validation_max VARCHAR(255) NULL,
    branching_logic TEXT NULL,
    field_req INT NOT NULL DEFAULT 0,
    custom_alignment VARCHAR(5) NULL,
    question_num VARCHAR(50) NULL,
    grid_name VARCHAR(100) NULL,
    misc TEXT NULL,
    PRIMARY KEY (project_id, field_name)
);

CREATE TABLE IF NOT EXISTS redcap_data (
    project_id INT NOT NULL DEFAULT 0,
    event_id INT NULL,
    record VARCHAR(100) NULL,
    field_name VARCHAR(100) NULL,
    value TEXT NULL,
    instance SMALLINT NULL
);

CREATE INDEX IF NOT EXISTS ix_data_project_record ON redcap_data (project_id, record, field_name);

-- REDCap's request log: one PAGE_VIEW row per page or API request (REDCAP-FACTS.md 2, "Request log"). ts is the
-- server's wall-clock time (NOW), not the YYYYMMDDhhmmss number of the log_event tables. Only the index on ts is kept
-- of REDCap's; no other index is added.
CREATE TABLE IF NOT EXISTS redcap_log_view (
    log_view_id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ts TIMESTAMP NULL,
    user VARCHAR(255) NULL,
    event ENUM('LOGIN_SUCCESS', 'LOGIN_FAIL', 'LOGOUT', 'PAGE_VIEW') NULL,
    ip VARCHAR(100) NULL,
    browser_name VARCHAR(255) NULL,
    browser_version VARCHAR(255) NULL,
    full_url TEXT NULL,
    page VARCHAR(255) NULL,
    project_id INT NULL,
    event_id INT NULL,
    record VARCHAR(100) NULL,
    form_name VARCHAR(100) NULL,
    miscellaneous TEXT NULL,
    session_id VARCHAR(32) NULL
);

CREATE INDEX IF NOT EXISTS ix_log_view_ts ON redcap_log_view (ts);
