package org.tokengov.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Keycloak of the integration tests: started once per test JVM with {@code scripts/keycloak.sh start}
 * (the demo realm, fresh at every start) and stopped with {@code stop} when the JVM ends. A Keycloak someone
 * started by hand before the tests is used as it is and left running.
 */
public final class KeycloakTestServer {

    public static final String REALM = "tokengov";
    public static final String CLIENT_ID = "tokengov-app";

    private static final Path WORK = Path.of("target", "keycloak");
    private static String baseUrl;

    private KeycloakTestServer() {
    }

    public static synchronized String baseUrl() {
        if (baseUrl == null) {
            boolean startedHere = !alreadyRunning();
            List<String> output = script("start");
            baseUrl = output.get(output.size() - 1).trim();
            if (startedHere) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> script("stop")));
            }
        }
        return baseUrl;
    }

    private static boolean alreadyRunning() {
        try {
            Path pid = WORK.resolve("pid");
            return Files.exists(pid) && ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
                    .map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** This start's secret of the app's confidential client (written by the script, never in the repository). */
    public static String clientSecret() {
        baseUrl();
        try {
            return Files.readString(WORK.resolve("client-secret")).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> script(String command) {
        try {
            Process process = new ProcessBuilder("bash", "scripts/keycloak.sh", command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("scripts/keycloak.sh " + command + " failed: " + lines);
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
