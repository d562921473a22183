package org.tokengov.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tokengov.redcap.DatabaseProjectUsers;
import org.tokengov.redcap.RedcapApiClient;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.TokenAdministrationMode;

/** The {@code redcap} health component: one indicator per configured REDCap server, named by environment. */
@Configuration(proxyBeanMethods = false)
class RedcapHealthConfiguration {

    /** The bean name gives the component its name, {@code redcap}. */
    @Bean
    CompositeHealthContributor redcapHealthContributor(RedcapApiClient redcap, DatabaseProjectUsers database,
            RedcapProperties servers, MonitoringProperties monitoring) {
        Map<String, HealthContributor> byEnvironment = new LinkedHashMap<>();
        servers.environments().keySet().stream().sorted().forEach(environment -> byEnvironment.put(
                environment.name().toLowerCase(), new RedcapHealthIndicator(redcap, environment,
                        servers.server(environment).tokenAdministration() == TokenAdministrationMode.DATABASE
                                ? () -> database.databaseAnswers(environment) : null,
                        monitoring.redcapProbeTimeout(), monitoring.redcapHealthCacheFor(), System::nanoTime)));
        return CompositeHealthContributor.fromMap(byEnvironment);
    }
}
