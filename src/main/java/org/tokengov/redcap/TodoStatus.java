package org.tokengov.redcap;

/** How a to-do row of REDCap ends ({@code redcap_todo_list.status}), in REDCap's own words. */
public enum TodoStatus {
    /** The request was granted, as REDCap marks a token made in the Control Center. */
    COMPLETED("completed"),
    /** The request ended without a token. */
    ARCHIVED("archived");

    private final String value;

    TodoStatus(String value) {
        this.value = value;
    }

    /** The column's value. */
    public String value() {
        return value;
    }
}
