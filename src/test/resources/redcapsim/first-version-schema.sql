-- The schema of the first simulator (before issue 12), kept to test that a database it made is brought up to date.

CREATE TABLE IF NOT EXISTS redcap_projects (
    project_id INT NOT NULL PRIMARY KEY,
    app_title VARCHAR(255),
    status INT NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS redcap_user_information (
    username VARCHAR(191) NOT NULL PRIMARY KEY,
    user_email VARCHAR(255),
    user_firstname VARCHAR(255),
    user_lastname VARCHAR(255),
    super_user INT NOT NULL DEFAULT 0,
    user_suspended_time DATETIME NULL,
    api_token VARCHAR(64) NULL,
    CONSTRAINT uq_user_information_api_token UNIQUE (api_token)
);

CREATE TABLE IF NOT EXISTS redcap_user_rights (
    project_id INT NOT NULL,
    username VARCHAR(191) NOT NULL,
    expiration DATE NULL,
    api_token VARCHAR(32) NULL,
    api_export INT NOT NULL DEFAULT 0,
    api_import INT NOT NULL DEFAULT 0,
    mobile_app INT NOT NULL DEFAULT 0,
    user_rights INT NOT NULL DEFAULT 0,
    data_logging INT NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, username),
    CONSTRAINT uq_user_rights_api_token UNIQUE (api_token)
);

CREATE TABLE IF NOT EXISTS redcap_log_event (
    log_event_id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    project_id INT NOT NULL DEFAULT 0,
    ts BIGINT,
    user VARCHAR(191),
    page VARCHAR(255),
    event VARCHAR(64),
    object_type VARCHAR(128),
    pk VARCHAR(255) NULL,
    description TEXT
);

CREATE INDEX IF NOT EXISTS ix_log_event_project_ts ON redcap_log_event (project_id, ts);
