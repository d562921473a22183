package org.tokengov.engineaccess;

/**
 * What people other than administrators may not do to the engine, each with the sentence they read when they try.
 * The allow-list filter and the command guard refuse with the same sentences.
 */
enum Forbidden {

    START_ELSEWHERE("A process can only be started at its beginning, through its start form."),
    SKIP_LISTENERS("A process cannot be started with its checks or mappings skipped."),
    CHOOSE_BUSINESS_KEY("The business key of a process is set by the system, not by the person who starts it."),
    WRITE_DATA("Process and step data can only be changed by submitting a step's form."),
    MOVE_PROCESSES("Only administrators may move, restart, migrate, suspend or cancel running processes."),
    END_WITH_ERROR("A step cannot be ended with an error or escalation: complete it through its form."),
    DELEGATE("Steps cannot be delegated, as the decision would be credited to the wrong person: an administrator can assign the step to someone else instead."),
    CLAIM_FOR_OTHERS("You can claim a step only for yourself."),
    UNCLAIM_OTHERS("You can give back only a step that is assigned to you."),
    COMMENT_ELSEWHERE("You can comment only on a step you may work on."),
    NOT_OFFERED("This step is not offered to you, so you may not claim or complete it (a requester never reviews or approves their own request, nor a reviewer the release of what they reviewed)."),
    REASSIGN("Only administrators may assign a step or change its candidates, name, priority or dates."),
    CHANGE_TASKS("Only administrators may create, change or delete steps, comments or attachments directly."),
    SEND_MESSAGES("Only the system and administrators may send messages or signals to processes."),
    DEPLOY("Only administrators may deploy, change or delete processes and forms."),
    CHANGE_IDENTITIES("Only administrators may change users, groups, memberships, tenants, profiles, passwords or authorizations."),
    OPERATE("Only administrators may manage jobs, incidents, batches, external tasks, filters, history or engine settings."),
    ANYTHING_ELSE("Only administrators may do this through the engine's API.");

    private final String sentence;

    Forbidden(String sentence) {
        this.sentence = sentence;
    }

    String sentence() {
        return sentence;
    }

    EngineAccessRefusedException refusal() {
        return new EngineAccessRefusedException(sentence);
    }
}
