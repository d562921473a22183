package org.tokengov;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.tokengov.offboarding.HrWebhookProperties;
import org.tokengov.request.RequestProperties;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProperties;

/**
 * The {@code production} profile binds none of the embedded default's values: no steward token, demo user, demo
 * secret, simulator or H2 database. The configuration files are loaded as Spring Boot loads them at start-up, with
 * the environment variables of README's production example, and bound; no server is needed.
 */
class ProductionProfileTest {

    static final String PROD_STEWARD_TOKEN = "0123456789ABCDEF0123456789ABCDEF";

    /** README's production environment; the HR secret and the SCIM token are left out here (their absence is tested). */
    static final Map<String, Object> PRODUCTION_ENVIRONMENT = Map.ofEntries(
            Map.entry("TOKENGOV_DB_URL", "jdbc:postgresql://db.example.org:5432/tokengov"),
            Map.entry("TOKENGOV_DB_USERNAME", "tokengov"),
            Map.entry("TOKENGOV_DB_PASSWORD", "db-password-from-the-environment"),
            Map.entry("TOKENGOV_QA_API_URL", "https://redcap-qa.example.org/api/"),
            Map.entry("TOKENGOV_PROD_API_URL", "https://redcap.example.org/api/"),
            Map.entry("TOKENGOV_QA_TOKEN_ADMINISTRATION", "manual"),
            Map.entry("TOKENGOV_PROD_TOKEN_ADMINISTRATION", "manual"),
            Map.entry("TOKENGOV_REDCAP_ENVIRONMENTS_PROD_STEWARDTOKENS_101", PROD_STEWARD_TOKEN),
            Map.entry("TOKENGOV_SMTP_HOST", "smtp.example.org"),
            Map.entry("TOKENGOV_MAIL_FROM", "redcap-api@example.org"),
            Map.entry("TOKENGOV_TASKLIST_URL", "https://tokens.example.org/camunda/app/tasklist/"));

    /** Values that exist only for the embedded default: none may turn up in production. */
    static final List<String> DEMO_VALUES = List.of("demo-hr-webhook-secret", "demo-usage-intake-secret",
            "demo-scim-bearer-token",
            "5E1D0C0FFEE0DE30000000000000201A", "5E1D0C0FFEE0DE30000000000000101B", "jdbc:h2:", "/redcap-sim/",
            "redcap-api@localhost");

    @Test
    void productionBindsNoStewardTokenButThoseOfItsEnvironment() {
        ConfigurableEnvironment production = load(PRODUCTION_ENVIRONMENT, "production");

        RedcapProperties redcap = Binder.get(production).bind("tokengov.redcap", RedcapProperties.class).get();

        assertThat(redcap.server(RedcapEnvironment.QA).stewardTokens()).as("no demo [201]").isEmpty();
        assertThat(redcap.server(RedcapEnvironment.PROD).stewardTokens()).as("only the environment's [101]")
                .containsExactly(Map.entry(101L, PROD_STEWARD_TOKEN));
        assertThat(redcap.server(RedcapEnvironment.PROD).apiUrl()).isEqualTo(URI.create("https://redcap.example.org/api/"));
        assertThat(redcap.server(RedcapEnvironment.QA).database()).as("no simulator database").isNull();
    }

    @Test
    void productionHasNoDemoUsersSimulatorSecretsOrH2() {
        ConfigurableEnvironment production = load(PRODUCTION_ENVIRONMENT, "production");
        Binder binder = Binder.get(production);

        assertThat(binder.bind("tokengov.demo.enabled", Boolean.class).get()).isFalse();
        assertThat(production.getProperty("tokengov.demo.password")).isNull();
        assertThat(binder.bind("redcap-sim.enabled", Boolean.class).get()).isFalse();
        assertThat(binder.bind("redcap-sim.environments", Bindable.mapOf(String.class, Object.class)).isBound()).isFalse();
        assertThat(binder.bind("tokengov.hr", HrWebhookProperties.class).get().webhookSecret())
                .as("no secret: the webhook answers 503").isEmpty();
        assertThat(production.getProperty("tokengov.scim.bearer-token")).as("no token: SCIM answers 503").isEmpty();
        assertThat(production.getProperty("tokengov.usage.intake-secret")).as("no secret: the usage intake answers 503")
                .isEmpty();
        assertThat(production.getProperty("tokengov.audit.key")).as("TOKENGOV_AUDIT_KEY or no start").isEmpty();
        assertThat(production.getProperty("tokengov.audit.key-file")).as("production never generates its audit key").isNull();
        assertThat(production.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example.org:5432/tokengov");
        assertThat(production.getProperty("camunda.bpm.database.schema-update")).isEqualTo("false");
        assertThat(sourceNames(production)).noneMatch(name -> name.contains("application-embedded"));
        assertThat(valuesOf(production)).noneMatch(ProductionProfileTest::isDemoValue);
    }

    @Test
    void productionTakesTheHrSecretAndScimTokenFromTheEnvironment() {
        Map<String, Object> environment = new HashMap<>(PRODUCTION_ENVIRONMENT);
        environment.put("TOKENGOV_HR_WEBHOOK_SECRET", "whsec_c2VjcmV0LW9mLXRoZS1ocg==");
        environment.put("TOKENGOV_SCIM_BEARER_TOKEN", "scim-token-of-the-identity-provider");
        environment.put("TOKENGOV_USAGE_INTAKE_SECRET", "whsec_c2VjcmV0LW9mLXRoZS11c2FnZS1pbnRha2U=");
        ConfigurableEnvironment production = load(environment, "production");

        assertThat(production.getProperty("tokengov.hr.webhook-secret")).isEqualTo("whsec_c2VjcmV0LW9mLXRoZS1ocg==");
        assertThat(production.getProperty("tokengov.scim.bearer-token")).isEqualTo("scim-token-of-the-identity-provider");
        assertThat(production.getProperty("tokengov.usage.intake-secret"))
                .isEqualTo("whsec_c2VjcmV0LW9mLXRoZS11c2FnZS1pbnRha2U=");
    }

    @Test
    void productionWithKeycloakHasNoDemoValueEither() {
        ConfigurableEnvironment production = load(PRODUCTION_ENVIRONMENT, "production", "keycloak");

        assertThat(production.getProperty("tokengov.demo.enabled")).isEqualTo("false");
        assertThat(production.getProperty("redcap-sim.enabled")).isEqualTo("false");
        assertThat(valuesOf(production)).noneMatch(ProductionProfileTest::isDemoValue);
    }

    @Test
    void theQaUseGateIsOnInProductionAndInTheEmbeddedDefault() {
        for (ConfigurableEnvironment environment : List.of(load(PRODUCTION_ENVIRONMENT, "production"), load(Map.of()))) {
            assertThat(Binder.get(environment).bind("tokengov.request", RequestProperties.class).get().requireQaUse())
                    .isTrue();
        }
    }

    /** The check above can fail: without a profile the embedded default is loaded, with every demo value. */
    @Test
    void withoutAProfileTheEmbeddedDefaultHasItsDemoValues() {
        for (String[] profiles : List.of(new String[0], new String[] {"embedded", "keycloak"})) {
            ConfigurableEnvironment embedded = load(Map.of(), profiles);

            assertThat(embedded.getActiveProfiles().length == 0 ? embedded.getDefaultProfiles() : embedded.getActiveProfiles())
                    .as(Arrays.toString(profiles)).contains("embedded");
            assertThat(embedded.getProperty("tokengov.demo.enabled")).isEqualTo("true");
            assertThat(embedded.getProperty("tokengov.hr.webhook-secret")).isEqualTo("demo-hr-webhook-secret");
            assertThat(embedded.getProperty("tokengov.usage.intake-secret")).isEqualTo("demo-usage-intake-secret");
            RedcapProperties.Server qa = Binder.get(embedded).bind("tokengov.redcap", RedcapProperties.class).get()
                    .server(RedcapEnvironment.QA);
            assertThat(qa.enrolledProjects()).containsExactly(201L);
            assertThat(qa.stewardTokens()).as("the database mode needs no API token of its own").isEmpty();
            assertThat(valuesOf(embedded)).anyMatch(ProductionProfileTest::isDemoValue);
        }
    }

    /** The configuration as Spring Boot loads it, with the given variables as the whole process environment. */
    static ConfigurableEnvironment load(Map<String, Object> variables, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(), new DefaultBootstrapContext(),
                profiles);
        // As SpringApplication does: names resolve in their relaxed forms (steward-tokens.201 for steward-tokens[201]).
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    private static List<String> sourceNames(ConfigurableEnvironment environment) {
        return environment.getPropertySources().stream().map(PropertySource::getName).toList();
    }

    /** Every property of the configuration files, resolved as the application would read it. */
    private static List<String> valuesOf(ConfigurableEnvironment environment) {
        List<String> values = new ArrayList<>();
        StreamSupport.stream(environment.getPropertySources().spliterator(), false)
                .filter(source -> source.getName().contains("application"))
                .filter(EnumerablePropertySource.class::isInstance)
                .flatMap(source -> Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
                .map(environment::getProperty)
                .forEach(values::add);
        return values;
    }

    private static boolean isDemoValue(String value) {
        return value != null && DEMO_VALUES.stream().anyMatch(value::contains);
    }
}
