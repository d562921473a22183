package org.tokengov.redcapsim;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulator only: switches a server's outage mode for tests and demos. {@code error} fails every API
 * call with 500, {@code hang} holds every API call until the mode changes or the hang duration passes.
 */
@RestController
@ConditionalOnRedcapSimulator
@RequestMapping(path = "/redcap-sim/{environment}/outage", produces = "application/json")
class OutageController {

    private static final Logger log = LoggerFactory.getLogger(OutageController.class);

    private final RedcapServers servers;

    OutageController(RedcapServers servers) {
        this.servers = servers;
    }

    @GetMapping
    ResponseEntity<Map<String, String>> current(@PathVariable String environment) {
        return servers.find(environment)
                .map(server -> ResponseEntity.ok(Map.of("mode", server.outage().mode().parameter())))
                .orElseGet(() -> unknownServer(environment));
    }

    @PostMapping
    ResponseEntity<Map<String, String>> change(@PathVariable String environment,
            @RequestParam(required = false) String mode) {
        Optional<RedcapServer> server = servers.find(environment);
        if (server.isEmpty()) {
            return unknownServer(environment);
        }
        Optional<OutageMode> newMode = OutageMode.ofParameter(mode);
        if (newMode.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", "mode must be one of none, error, hang"));
        }
        if (server.get().outage().set(newMode.get()) != newMode.get()) {
            log.info("REDCap simulator '{}': simulated outage mode is now {}", environment, newMode.get().parameter());
        }
        return ResponseEntity.ok(Map.of("mode", newMode.get().parameter()));
    }

    private static ResponseEntity<Map<String, String>> unknownServer(String environment) {
        return ResponseEntity.status(404).body(Map.of("error", "No simulated REDCap server '" + environment + "'"));
    }
}
