package org.tokengov.issuance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcap.TokenRights;

/**
 * After a token was made by hand: do the holder's API rights on the project match what was approved?
 * REDCap's API never shows tokens, so the rights are what can be checked.
 */
@Service
class RightsVerification {

    private final RedcapApi redcap;

    RightsVerification(RedcapApi redcap) {
        this.redcap = redcap;
    }

    /** Empty if the rights are exactly as approved, else what is wrong. */
    Optional<String> problem(RedcapEnvironment environment, long projectId, String holder, TokenRights approved) {
        Optional<RedcapProjectUser> user = redcap.findProjectUser(environment, projectId, holder);
        if (user.isEmpty()) {
            return Optional.of(holder + " is not a user of project " + projectId + " on " + environment + ".");
        }
        TokenRights actual = user.get().apiRights();
        List<String> differences = new ArrayList<>();
        compare("API export", approved.export(), actual.export(), differences);
        compare("API import/update", approved.importData(), actual.importData(), differences);
        compare("mobile app", approved.mobileApp(), actual.mobileApp(), differences);
        return differences.isEmpty() ? Optional.empty()
                : Optional.of("REDCap shows different rights than approved: " + String.join("; ", differences) + ".");
    }

    private static void compare(String right, boolean approved, boolean actual, List<String> differences) {
        if (approved != actual) {
            differences.add(right + " is " + (actual ? "on" : "off") + " but should be " + (approved ? "on" : "off"));
        }
    }
}
