package org.tokengov.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (Deque's accessibility rules: WCAG 2.0/2.1 A and AA, and its best practices) on the page the browser
 * has open, and fails when a violation is serious or critical; the lesser ones are kept in the report. axe-core comes
 * from npm at build time (pom.xml, generate-test-resources) into the test classpath. Each page's report, every
 * violation with its elements: {@code target/axe/<page>.txt}.
 */
public final class AxeCheck {

    private static final String AXE_SCRIPT = "/axe-core/axe.min.js";
    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    private static final Set<String> FAILING = Set.of("serious", "critical");
    private static final Path REPORTS = Path.of("target", "axe");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String axe;

    private AxeCheck() {
    }

    /** Checks the page open in the browser; {@code page} names its report. */
    public static void assertAccessible(HeadlessChromium browser, String page) {
        List<JsonNode> violations = run(browser.driver());
        List<JsonNode> failing = violations.stream().filter(v -> FAILING.contains(v.path("impact").asText())).toList();
        String report = describe(violations);
        Path file = write(page, "axe-core on " + browser.driver().getCurrentUrl() + "\n\n" + report);
        if (!violations.isEmpty()) {
            System.out.println("axe-core, " + page + ": " + violations.size() + " violation(s), see " + file);
        }
        if (!failing.isEmpty()) {
            throw new AssertionError("axe-core found " + failing.size() + " serious or critical violation(s) on " + page
                    + " (" + browser.driver().getCurrentUrl() + "; report: " + file + "):\n" + describe(failing));
        }
    }

    private static List<JsonNode> run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                    .then(results => done(JSON.stringify(results.violations)), error => done('failed: ' + error));
                """, TAGS);
        String answer = String.valueOf(result);
        if (answer.startsWith("failed: ")) {
            throw new IllegalStateException("axe-core did not run: " + answer);
        }
        try {
            List<JsonNode> violations = new ArrayList<>();
            JSON.readTree(answer).forEach(violations::add);
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each violation: rule, impact, what it asks, where to read more, and the selectors of the elements failing it. */
    private static String describe(List<JsonNode> violations) {
        if (violations.isEmpty()) {
            return "No violations.\n";
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode violation : violations) {
            text.append("- ").append(violation.path("id").asText()).append(" (").append(violation.path("impact").asText())
                    .append("): ").append(violation.path("help").asText()).append("\n  ")
                    .append(violation.path("helpUrl").asText()).append('\n');
            for (JsonNode node : violation.path("nodes")) {
                text.append("    ").append(node.path("target")).append('\n');
                String summary = node.path("failureSummary").asText("");
                if (!summary.isBlank()) {
                    text.append("      ").append(summary.replace("\n", "\n      ")).append('\n');
                }
            }
        }
        return text.toString();
    }

    private static Path write(String page, String report) {
        try {
            Files.createDirectories(REPORTS);
            Path file = REPORTS.resolve(page + ".txt");
            Files.writeString(file, report);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String axeSource() {
        if (axe == null) {
            try (InputStream in = AxeCheck.class.getResourceAsStream(AXE_SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException(AXE_SCRIPT + " is not on the test classpath: the build downloads it "
                            + "in generate-test-resources (run the tests through ./mvnw)");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }
}
