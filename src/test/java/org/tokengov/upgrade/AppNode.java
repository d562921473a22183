package org.tokengov.upgrade;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One replica of the app in a JVM of its own, as a pod runs it: {@code java -jar} of a release's jar, its settings
 * in {@code SPRING_APPLICATION_JSON} (never on the command line, where {@code ps} shows them), its log in a file.
 */
final class AppNode {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static AppNode start(String name, Path jar, int port, Map<String, String> properties, Path logDirectory)
            throws IOException {
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx640m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                jar.toString())).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPRING_APPLICATION_JSON", new ObjectMapper().writeValueAsString(properties));
        return new AppNode(name, port, builder.start(), log);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the replica's readiness probe answers UP, as Kubernetes waits before sending it traffic. */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (readiness.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** SIGTERM, as Kubernetes stops a pod: the app shuts down gracefully. Returns the exit code. */
    int terminate(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(name + " did not stop within " + grace + " of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    /** SIGKILL: the pod or its node dies with work in hand. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops it if it still runs (after a failed test). */
    void stopQuietly() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
