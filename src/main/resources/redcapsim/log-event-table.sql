-- One of REDCap's log tables, redcap_log_event ... redcap_log_event12: all have these columns (REDCAP-FACTS.md 1).
-- RedcapSchema runs this once per table, with the table's name for ${table} and its name without "redcap_" for
-- ${index} (H2 wants index names unique across the schema).
CREATE TABLE IF NOT EXISTS ${table} (
    log_event_id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    project_id INT NOT NULL DEFAULT 0,
    ts BIGINT NULL,
    user VARCHAR(255) NULL,
    ip VARCHAR(100) NULL,
    page VARCHAR(255) NULL,
    event ENUM('UPDATE', 'INSERT', 'DELETE', 'SELECT', 'ERROR', 'LOGIN', 'LOGOUT', 'OTHER', 'DATA_EXPORT',
               'DOC_UPLOAD', 'DOC_DELETE', 'MANAGE', 'LOCK_RECORD', 'ESIGNATURE') NULL,
    object_type VARCHAR(128) NULL,
    sql_log MEDIUMTEXT NULL,
    pk VARCHAR(200) NULL,
    event_id INT NULL,
    data_values TEXT NULL,
    description VARCHAR(100) NULL,
    legacy INT NOT NULL DEFAULT 0,
    change_reason TEXT NULL
);

CREATE INDEX IF NOT EXISTS ix_${index}_project_ts ON ${table} (project_id, ts);
