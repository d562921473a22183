package org.tokengov.redcap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Who answers for a REDCap project: its active users with full User Rights (REDCap's own notion of who manages
 * project access; at most institutions the PI and their delegates). Read-only User Rights, which REDCap grants to
 * people who should only see who has access, do not count. Remembered for a few minutes so a
 * burst of offboardings on the same projects does not spend the REDCap rate budget asking the same question.
 */
@Service
public class ProjectPis {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

    private record Answer(List<String> usernames, Instant askedAt) {
    }

    private record Project(RedcapEnvironment environment, long projectId) {
    }

    private final RedcapApi redcap;
    private final Clock clock;
    private final Map<Project, Answer> answers = new ConcurrentHashMap<>();

    ProjectPis(RedcapApi redcap, Clock clock) {
        this.redcap = redcap;
        this.clock = clock;
    }

    /** Usernames of the project's active users with full User Rights, in REDCap's order. */
    public List<String> of(RedcapEnvironment environment, long projectId) {
        Instant now = clock.instant();
        Project project = new Project(environment, projectId);
        Answer answer = answers.get(project);
        if (answer == null || answer.askedAt().plus(REMEMBERED_FOR).isBefore(now)) {
            answer = new Answer(redcap.projectUsers(environment, projectId).stream()
                    .filter(user -> user.userRights() && user.activeOn(now.atZone(ZoneOffset.UTC).toLocalDate()))
                    .map(RedcapProjectUser::username)
                    .toList(), now);
            answers.put(project, answer);
        }
        return answer.usernames();
    }

    /** Whether the user manages access to the project (asked fresh: this decides a permission). */
    public boolean isPi(String username, RedcapEnvironment environment, long projectId) {
        return ofNow(environment, projectId).stream().anyMatch(username::equalsIgnoreCase);
    }

    /** The project's PIs, asked fresh: for deciding who may act, not only whom to tell. */
    public List<String> ofNow(RedcapEnvironment environment, long projectId) {
        answers.remove(new Project(environment, projectId));
        return of(environment, projectId);
    }
}
