package org.tokengov.upgrade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The application jar of the previous release, built from git once and kept under {@code target/previous-release}:
 * the commit's files are taken with {@code git archive} (no checkout, no worktree) and packaged offline with its own
 * Maven wrapper, from the local repository this project's build filled.
 */
final class PreviousRelease {

    /** The commit that last landed on main before the rolling upgrade was tested: the release running in production. */
    static final String COMMIT = "55bbd94";

    private static final Path HOME = Path.of("target", "previous-release").toAbsolutePath();

    private PreviousRelease() {
    }

    static synchronized Path jar() throws IOException, InterruptedException {
        Path jar = HOME.resolve("app-" + COMMIT + ".jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Path source = HOME.resolve("source-" + COMMIT);
        deleteTree(source);
        Files.createDirectories(source);
        Path archive = HOME.resolve(COMMIT + ".tar");
        run(Path.of("").toAbsolutePath(), List.of("git", "archive", "--format=tar", "-o", archive.toString(), COMMIT),
                "git cannot read commit " + COMMIT + " (a shallow clone lacks it: fetch the history)");
        run(source, List.of("tar", "-xf", archive.toString()), "could not unpack " + archive);
        run(source, List.of("./mvnw", "-B", "-ntp", "-o", "-q", "package", "-Dmaven.test.skip=true"),
                "could not build the previous release offline (its dependencies must be in ~/.m2)");
        try (Stream<Path> built = Files.list(source.resolve("target"))) {
            Path boot = built.filter(path -> path.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The previous release's build made no jar"));
            Files.move(boot, jar);
        }
        deleteTree(source);
        Files.delete(archive);
        return jar;
    }

    private static void run(Path directory, List<String> command, String failure) throws IOException, InterruptedException {
        Path log = HOME.resolve("build.log");
        Files.createDirectories(HOME);
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(failure + ": " + String.join(" ", command) + " failed, see " + log);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
