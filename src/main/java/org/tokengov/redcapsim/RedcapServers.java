package org.tokengov.redcapsim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The configured simulated REDCap servers, by environment name; closes their databases on shutdown. */
@Component
@ConditionalOnRedcapSimulator
class RedcapServers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedcapServers.class);

    private final Map<String, RedcapServer> servers;

    RedcapServers(RedcapSimProperties properties, SimulatorClock clock) {
        Map<String, RedcapServer> started = new LinkedHashMap<>();
        try {
            properties.environments().forEach((name, settings) -> {
                started.put(name, RedcapServer.start(name, settings, clock));
                log.info("REDCap simulator '{}' is up at /redcap-sim/{}/api/ (demo data: {}, steward tokens for projects {})",
                        name, name, settings.seedDemoData(), settings.stewardTokens().keySet());
            });
        } catch (RuntimeException e) {
            started.values().forEach(RedcapServer::close);
            throw e;
        }
        this.servers = Map.copyOf(started);
    }

    Optional<RedcapServer> find(String environment) {
        return Optional.ofNullable(servers.get(environment));
    }

    @Override
    public void destroy() {
        servers.values().forEach(RedcapServer::close);
    }
}
