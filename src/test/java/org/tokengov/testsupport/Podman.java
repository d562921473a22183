package org.tokengov.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * podman as the tests run it, with the project's settings ({@code scripts/podman/containers.conf}): a command's exit
 * code and output together, and a failure that shows what podman said.
 */
public final class Podman {

    private static final Path SETTINGS = Path.of("scripts", "podman", "containers.conf").toAbsolutePath();

    public record Result(int exitCode, String output) {
    }

    private Podman() {
    }

    /** Runs podman and returns its output; fails when it exits with anything but 0. */
    public static String run(String... arguments) {
        return succeeded(attempt(null, arguments), arguments);
    }

    /** Runs podman with {@code input} on its standard input (a secret's value never appears on a command line). */
    public static String runWithInput(byte[] input, String... arguments) {
        return succeeded(attempt(input, arguments), arguments);
    }

    /** Runs podman, whatever its exit code. */
    public static Result attempt(String... arguments) {
        return attempt(null, arguments);
    }

    /** Runs a script of the project (with the same settings), allowing it {@code timeout}. */
    public static void script(Path script, Duration timeout) {
        Result result = execute(List.of("bash", script.toString()), null, timeout);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(script + " failed (" + result.exitCode() + "):\n" + tail(result.output()));
        }
    }

    private static Result attempt(byte[] input, String... arguments) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(arguments));
        return execute(command, input, Duration.ofMinutes(3));
    }

    private static Result execute(List<String> command, byte[] input, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CONTAINERS_CONF", SETTINGS.toString());
        try {
            Process process = builder.start();
            // Read while it runs, from before its input is written: a full pipe would stop a chatty build.
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.append("(output unreadable: ").append(e.getClass().getSimpleName()).append(')');
                }
            });
            reader.setDaemon(true);
            reader.start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input);
                }
            }
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeout);
            }
            reader.join();
            return new Result(process.exitValue(), output.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + " (podman-image.sh installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String succeeded(Result result, String... arguments) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException("podman " + arguments[0] + " failed (" + result.exitCode() + "):\n"
                    + tail(result.output()));
        }
        return result.output();
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : "…" + output.substring(output.length() - 4000);
    }
}
