package org.tokengov.redcapsim;

import java.util.Arrays;
import java.util.Optional;

/** The {@code logtype} filter of REDCap's log export, as conditions on {@code redcap_log_event}. */
enum LogType {

    EXPORT("export", "event = 'DATA_EXPORT'"),
    MANAGE("manage", "event = 'MANAGE'"),
    USER("user", "object_type = 'redcap_user_rights' AND event IN ('INSERT', 'UPDATE', 'DELETE')"),
    RECORD("record", "object_type = 'redcap_data' AND event IN ('INSERT', 'UPDATE', 'DELETE')"),
    RECORD_ADD("record_add", "object_type = 'redcap_data' AND event = 'INSERT'"),
    RECORD_EDIT("record_edit", "object_type = 'redcap_data' AND event = 'UPDATE'"),
    RECORD_DELETE("record_delete", "object_type = 'redcap_data' AND event = 'DELETE'"),
    LOCK_RECORD("lock_record", "event IN ('LOCK_RECORD', 'ESIGNATURE')"),
    // REDCap keeps page views in redcap_log_view, a table the shared schema does not have.
    PAGE_VIEW("page_view", "1 = 0");

    private final String parameter;
    private final String condition;

    LogType(String parameter, String condition) {
        this.parameter = parameter;
        this.condition = condition;
    }

    static Optional<LogType> ofParameter(String value) {
        return Arrays.stream(values()).filter(type -> type.parameter.equals(value)).findFirst();
    }

    String condition() {
        return "(" + condition + ")";
    }
}
