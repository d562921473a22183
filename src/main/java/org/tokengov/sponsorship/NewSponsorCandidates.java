package org.tokengov.sponsorship;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The candidate users of {@code Task_NameNewSponsor} as a list: a project without a PI other than the departed
 * sponsor leaves it empty (the REDCap administrators still see the task), where a plain string would name a user "".
 */
@Component("newSponsorCandidates")
public class NewSponsorCandidates {

    public List<String> of(String sponsorCandidates) {
        return SponsorReplacementVariables.list(sponsorCandidates);
    }
}
