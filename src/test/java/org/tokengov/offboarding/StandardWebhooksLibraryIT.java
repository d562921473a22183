package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.RealServers;

/**
 * Compatibility with a sender no one here wrote: the Standard Webhooks reference library (npm {@code standardwebhooks},
 * pinned in {@code src/test/node/standardwebhooks-sender}) signs a delivery with the app's {@code whsec_} secret and
 * Node's own {@code fetch} sends it. The library is installed into {@code target/} with {@code npm ci} on first use, so
 * a fresh machine needs only Node and npm. Same context as {@link HrWebhookIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = HrWebhookIT.WithSecret.class)
class StandardWebhooksLibraryIT {

    static final Path SOURCE = Path.of("src/test/node/standardwebhooks-sender");
    static final Path SENDER = Path.of("target/standardwebhooks-sender");

    @Autowired ConfigurableApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    @BeforeAll
    static void installTheReferenceLibrary() throws Exception {
        Files.createDirectories(SENDER);
        for (String file : List.of("package.json", "package-lock.json", "send.js")) {
            Files.copy(SOURCE.resolve(file), SENDER.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(SENDER.resolve("node_modules/standardwebhooks/package.json"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
    }

    @Test
    void aDeliverySignedByTheReferenceLibraryIsAccepted() throws Exception {
        String username = "j\u00fcrgen-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"type\":\"person.terminated\",\"username\":\"" + username + "\",\"effectiveAt\":\"2026-11-28T00:00:00Z\"}";

        JsonNode answer = send("msg_" + UUID.randomUUID(), body, body);

        assertThat(answer.get("status").asInt()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.get("body").asText()).contains("offboardingId");
        assertThat(jdbc.queryForList("select event_type from offboarding_event where username = ?", String.class, username))
                .as("the name exactly as signed, in UTF-8").containsExactly(OffboardingEvent.TERMINATED);
    }

    @Test
    void aDeliveryTamperedAfterTheLibrarySignedItIsRefused() throws Exception {
        String signed = "{\"type\":\"person.terminated\",\"username\":\"lib-person-1\",\"effectiveAt\":\"2026-11-28T00:00:00Z\"}";
        String id = "msg_" + UUID.randomUUID();

        JsonNode answer = send(id, signed, signed.replace("lib-person-1", "lib-person-2"));

        assertThat(answer.get("status").asInt()).as(answer.toString()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from offboarding_event where username in ('lib-person-1', 'lib-person-2')",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from hr_webhook_delivery where webhook_id = ?", Integer.class, id))
                .isZero();
    }

    /** The library signs {@code signed}; {@code sent} goes over the wire. */
    private JsonNode send(String id, String signed, String sent) throws Exception {
        String output = run(List.of("node", "send.js", RealServers.baseUrl(context) + "/api/hr/events", HrWebhookIT.SECRET, id,
                signed, sent), 60);
        return new ObjectMapper().readTree(output);
    }

    private static String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile(SENDER, command.get(0), ".log");
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(SENDER.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish within " + timeoutSeconds + " s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8).trim();
        Files.delete(log);
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command.subList(0, 2)) + " failed (" + process.exitValue() + "): "
                    + output);
        }
        return output;
    }
}
