package org.tokengov.issuance;

import org.springframework.stereotype.Component;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.TokenAdministrationMode;

/** Tells the issuance diagram which path an environment takes ({@code ${tokenAdministrationModes.isManual(environment)}}). */
@Component("tokenAdministrationModes")
public class TokenAdministrationModes {

    private final RedcapProperties redcap;

    public TokenAdministrationModes(RedcapProperties redcap) {
        this.redcap = redcap;
    }

    public boolean isManual(String environment) {
        return redcap.server(RedcapEnvironment.valueOf(environment)).tokenAdministration() == TokenAdministrationMode.MANUAL;
    }
}
