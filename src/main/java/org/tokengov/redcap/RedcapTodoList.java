package org.tokengov.redcap;

import java.util.List;

/**
 * REDCap's to-do list ({@code redcap_todo_list}), where the request button of a project's API page leaves its
 * {@code token access} rows. Only REDCap's database holds it: REDCap's API cannot read it, so only environments in
 * {@link TokenAdministrationMode#DATABASE} are {@link #readable}.
 */
public interface RedcapTodoList {

    boolean readable(RedcapEnvironment environment);

    /** The {@code token access} rows still {@code pending}, oldest first. */
    List<TokenAccessRequest> pendingTokenRequests(RedcapEnvironment environment);

    /**
     * Closes a row that is still open (pending or low-priority), as REDCap's Control Center does: status, completion
     * time (REDCap's local time), the closing user's {@code ui_id} ({@code by}'s, if REDCap knows them; none for the
     * system) and a comment.
     *
     * @return false if the row was no longer open (closed in REDCap meanwhile, or deleted): then nothing is written
     */
    boolean close(RedcapEnvironment environment, long requestId, TodoStatus status, String comment, String by);
}
