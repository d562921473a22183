package org.tokengov.testsupport;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.issuance.TokenEntitlements;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenAdministration;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.NewIssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * Gives people tokens on any project, as the end of the request pipeline would (token in REDCap, registry row,
 * lifecycle, entitlement), for tests about what happens to tokens afterwards. The pipeline itself has its own tests.
 */
public class IssuedTokens {

    static final TokenRights EXPORT = new TokenRights(true, false, false);

    private final ConfigurableApplicationContext context;

    public IssuedTokens(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Database mode: REDCap's token made with SQL, as the app does. */
    public IssuedToken issue(String username, RedcapEnvironment environment, long projectId) {
        addProjectUser(environment, projectId, username);
        TokenFingerprint fingerprint = context.getBean(TokenAdministration.class)
                .create(environment, projectId, username, EXPORT, "test");
        return record(new NewIssuedToken(null, username, environment, projectId, EXPORT, fingerprint));
    }

    /** Manual mode: an administrator made the token in the Control Center; the system never saw it. */
    public IssuedToken issueByHand(String username, RedcapEnvironment environment, long projectId) {
        addProjectUser(environment, projectId, username);
        byte[] value = new byte[16];
        new SecureRandom().nextBytes(value);
        redcap(environment).update("UPDATE redcap_user_rights SET api_token = ?, api_export = 1 WHERE project_id = ? AND username = ?",
                HexFormat.of().withUpperCase().formatHex(value), projectId, username);
        return record(new NewIssuedToken(null, username, environment, projectId, EXPORT, null));
    }

    /** REDCap's own database of the environment (the simulator's schema in MariaDB). */
    public JdbcTemplate redcap(RedcapEnvironment environment) {
        String prefix = "redcap-sim.environments." + environment.name().toLowerCase();
        return new JdbcTemplate(new DriverManagerDataSource(context.getEnvironment().getRequiredProperty(prefix + ".jdbc-url"),
                TestDatabases.MARIADB_USER, ""));
    }

    /** Makes the person an active user of the project, creating the project if REDCap has no such project yet. */
    public void addProjectUser(RedcapEnvironment environment, long projectId, String username) {
        JdbcTemplate redcap = redcap(environment);
        if (redcap.queryForObject("SELECT COUNT(*) FROM redcap_projects WHERE project_id = ?", Integer.class, projectId) == 0) {
            redcap.update("INSERT INTO redcap_projects (project_id, app_title, status) VALUES (?, ?, 1)",
                    projectId, "Test project " + projectId);
        }
        if (redcap.queryForObject("SELECT COUNT(*) FROM redcap_user_information WHERE username = ?", Integer.class, username) == 0) {
            redcap.update("INSERT INTO redcap_user_information (username, user_email) VALUES (?, ?)", username,
                    username + "@example.org");
        }
        if (redcap.queryForObject("SELECT COUNT(*) FROM redcap_user_rights WHERE project_id = ? AND username = ?",
                Integer.class, projectId, username) == 0) {
            // Rights written out: REDCap's defaults would give every new row User Rights and Logging.
            redcap.update("INSERT INTO redcap_user_rights (project_id, username, user_rights, data_logging)"
                    + " VALUES (?, ?, 0, 0)", projectId, username);
        }
    }

    private IssuedToken record(NewIssuedToken issued) {
        IssuedToken token = context.getBean(TokenRegistry.class).recordIssued(issued);
        context.getBean(TokenLifecycles.class).enrol(token);
        context.getBean(TokenEntitlements.class).grant(token.holder(), token.environment(), null);
        return token;
    }
}
