package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepMailsTest {

    final StepMails mails = new StepMails();

    @Test
    void aNoticeToTheVeryPeopleOfANewTaskBecomesThatTasksMail() {
        mails.notices().add(notice("bob"));
        mails.tasks().add(task("t-1", new Recipients(List.of("bob"), List.of())));

        StepMails.Outgoing outgoing = mails.outgoing();

        assertThat(outgoing.notices()).extracting(Notification::taskId).containsExactly("t-1");
        assertThat(outgoing.tasks()).isEmpty();
    }

    @Test
    void aTaskForOtherPeopleKeepsItsOwnMail() {
        mails.notices().add(notice("bob"));
        mails.tasks().add(task("t-2", new Recipients(List.of(), List.of("redcap-admins"))));

        StepMails.Outgoing outgoing = mails.outgoing();

        assertThat(outgoing.notices()).extracting(Notification::taskId).containsOnlyNulls();
        assertThat(outgoing.tasks()).extracting(mail -> mail.task().id()).containsExactly("t-2");
    }

    @Test
    void eachNoticeAnnouncesOneTaskOfItsOwnPerson() {
        mails.notices().add(notice("alice"));
        mails.notices().add(notice("bob"));
        mails.tasks().add(task("t-bob", new Recipients(List.of("bob"), List.of())));
        mails.tasks().add(task("t-alice", new Recipients(List.of("alice"), List.of())));

        StepMails.Outgoing outgoing = mails.outgoing();

        assertThat(outgoing.notices()).extracting(Notification::taskId).containsExactly("t-alice", "t-bob");
        assertThat(outgoing.tasks()).isEmpty();
    }

    @Test
    void aTaskNobodyWaitsForSendsNothing() {
        mails.tasks().add(task("t-3", new Recipients(List.of(), List.of())));

        assertThat(mails.outgoing().tasks()).isEmpty();
    }

    private static Notification notice(String username) {
        return Notification.toUser(username, MailKind.ATTESTATION_REMINDER, Map.of());
    }

    private static StepMails.TaskMail task(String id, Recipients waitingFor) {
        return new StepMails.TaskMail(new WaitingTask(id, "Task_X", "X", null), waitingFor);
    }
}
