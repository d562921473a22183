package org.tokengov.redcapsim;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REDCap's single API endpoint, one per simulated server: {@code POST /redcap-sim/{env}/api/}. */
@RestController
@ConditionalOnRedcapSimulator
@RequestMapping("/redcap-sim/{environment}")
class ApiController {

    private static final Logger log = LoggerFactory.getLogger(ApiController.class);
    private static final String SIMULATED_OUTAGE = "{\"error\":\"Service unavailable (simulated outage)\"}";

    private final RedcapServers servers;
    private final ApiRequestHandler handler;
    private final Duration hangDuration;

    ApiController(RedcapServers servers, ApiRequestHandler handler, RedcapSimProperties properties) {
        this.servers = servers;
        this.handler = handler;
        this.hangDuration = properties.hangDuration();
    }

    @PostMapping({"/api", "/api/"})
    ResponseEntity<String> call(@PathVariable String environment, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest http) {
        ApiRequest request = ApiRequest.of(form, ClientIp.of(http));
        return answer(environment, request, server -> respond(server, request));
    }

    /** REDCap answers every method but POST with 501. */
    @RequestMapping(path = {"/api", "/api/"},
            method = {RequestMethod.GET, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS})
    ResponseEntity<String> otherMethod(@PathVariable String environment, @RequestParam MultiValueMap<String, String> query,
            HttpServletRequest http) {
        ApiRequest request = ApiRequest.of(query, ClientIp.of(http));
        return answer(environment, request, server -> ApiResponses.error(HttpStatus.NOT_IMPLEMENTED,
                "The requested method is not implemented.", request.returnFormat()));
    }

    private ResponseEntity<String> answer(String environment, ApiRequest request,
            Function<RedcapServer, ResponseEntity<String>> whenUp) {
        Optional<RedcapServer> server = servers.find(environment);
        if (server.isEmpty()) {
            return ApiResponses.error(HttpStatus.NOT_FOUND,
                    "The requested URI /redcap-sim/" + environment + "/api/ was not found.", request.returnFormat());
        }
        return simulatedOutage(server.get()).orElseGet(() -> {
            // REDCap logs the request before it answers it, whatever the answer.
            try {
                server.get().logViews().appendApiRequest(request);
            } catch (DataAccessException e) {
                log.error("REDCap simulator '{}': database failure", server.get().name(), e);
                return ApiResponses.serverError(request.returnFormat());
            }
            return whenUp.apply(server.get());
        });
    }

    private Optional<ResponseEntity<String>> simulatedOutage(RedcapServer server) {
        OutageMode mode = server.outage().mode();
        if (mode == OutageMode.HANG) {
            try {
                mode = server.outage().awaitEndOfHang(hangDuration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                mode = OutageMode.ERROR;
            }
        }
        if (mode == OutageMode.ERROR) {
            return Optional.of(ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(SIMULATED_OUTAGE));
        }
        return Optional.empty();
    }

    private ResponseEntity<String> respond(RedcapServer server, ApiRequest request) {
        try {
            return handler.handle(server, request);
        } catch (ApiError refused) {
            refused.logEvent().ifPresent(server.log()::append);
            return ApiResponses.error(refused.status(), refused.getMessage(), request.returnFormat());
        } catch (DataAccessException e) {
            log.error("REDCap simulator '{}': database failure", server.name(), e);
            return ApiResponses.serverError(request.returnFormat());
        }
    }
}
