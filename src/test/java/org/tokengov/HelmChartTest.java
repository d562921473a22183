package org.tokengov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart in {@code helm/} with real Helm (helm-java): lint with every {@code ci/*-values.yaml}, and the
 * rendered manifests parsed and checked: the production shape (replicas, probes, anti-affinity, security context,
 * the schema hook), secrets only as references to existing Secrets, every value documented, and the embedded H2
 * database refused with more than one replica.
 */
class HelmChartTest {

    static final Path CHART = Path.of("helm");
    static final Path PRODUCTION = CHART.resolve("ci/production-values.yaml");
    static final Path FULL = CHART.resolve("ci/full-values.yaml");
    static final Path EMBEDDED = CHART.resolve("ci/embedded-values.yaml");

    /** Environment variables whose value is a secret: the app's configuration names them (application*.yml). */
    static final Pattern SECRET_VARIABLE = Pattern.compile("\\$\\{(TOKENGOV_[A-Z_]*(PASSWORD|SECRET|TOKEN|KEY))[:}]");

    @TempDir Path work;

    @Test
    void lintsWithEveryCiValuesFile() throws IOException {
        List<Path> variants = ciValuesFiles();
        assertThat(variants).hasSizeGreaterThanOrEqualTo(3);
        for (Path variant : variants) {
            // helm-java's lint takes no values file: lint a copy whose values.yaml has the variant merged in, as
            // `helm lint -f` would merge it.
            Path copy = work.resolve(variant.getFileName().toString().replace("-values.yaml", ""));
            FileSystemUtils.copyRecursively(CHART, copy);
            Files.writeString(copy.resolve("values.yaml"), new Yaml().dump(merge(load(CHART.resolve("values.yaml")), load(variant))));

            LintResult lint = new Helm(copy).lint().strict().call();

            assertThat(lint.isFailed()).as(variant + ": " + lint.getMessages()).isFalse();
        }
    }

    @Test
    void refusesAClusterOlderThanItsApis() {
        // The chart itself, as Helm renders it for its default cluster (Kubernetes 1.20: no policy/v1, no
        // autoscaling/v2); `helm install` checks a real cluster's version the same way.
        assertThatThrownBy(() -> new Helm(CHART).template().withName("tokens").withValuesFile(PRODUCTION).call())
                .hasMessageContaining("chart requires kubeVersion: >=1.23.0-0")
                .hasMessageContaining("incompatible with Kubernetes v1.20");
    }

    @Test
    void deploysTwoReplicasThatSurviveANodeAndARollingUpdate() {
        Map<String, Object> deployment = only(render(PRODUCTION), "Deployment");

        assertThat(at(deployment, "spec.replicas")).isEqualTo(2);
        assertThat(at(deployment, "spec.strategy.type")).isEqualTo("RollingUpdate");
        assertThat(at(deployment, "spec.strategy.rollingUpdate.maxUnavailable")).isEqualTo(0);
        Map<String, Object> antiAffinity = list(deployment,
                "spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution").get(0);
        assertThat(at(antiAffinity, "podAffinityTerm.topologyKey")).isEqualTo("kubernetes.io/hostname");
        assertThat(map(antiAffinity, "podAffinityTerm.labelSelector.matchLabels"))
                .isEqualTo(map(deployment, "spec.selector.matchLabels"));
        assertThat(list(deployment, "spec.template.spec.topologySpreadConstraints")).extracting(c -> c.get("topologyKey"))
                .containsExactly("topology.kubernetes.io/zone");
        Map<String, Object> app = list(deployment, "spec.template.spec.containers").get(0);
        assertThat(at(app, "image")).isEqualTo("ghcr.io/tokengov/redcap-token-governance:" + appVersion());
        assertThat(at(app, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(app, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        assertThat(at(app, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(Stream.of("livenessProbe", "readinessProbe", "startupProbe").map(probe -> at(app, probe + ".httpGet.port")))
                .containsOnly("management");
        assertThat(at(app, "lifecycle.preStop.exec.command")).as("a stopping pod serves while Services drop it")
                .isEqualTo(List.of("sleep", "10"));
        assertThat((Integer) at(deployment, "spec.template.spec.terminationGracePeriodSeconds"))
                .as("the drain and Spring's graceful shutdown (30 s) fit in the grace period").isGreaterThan(10 + 30);
        assertThat(only(render(PRODUCTION), "PodDisruptionBudget")).isNotNull();
    }

    @Test
    void runsAsNonRootOnAReadOnlyFilesystemWithoutCapabilities() {
        List<Map<String, Object>> manifests = render(FULL);
        List<Map<String, Object>> podSpecs = new ArrayList<>();
        podSpecs.add(map(only(manifests, "Deployment"), "spec.template.spec"));
        podSpecs.add(map(only(manifests, "Job"), "spec.template.spec"));
        for (Map<String, Object> pod : podSpecs) {
            assertThat(at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
            assertThat((Integer) at(pod, "securityContext.runAsUser")).isPositive();
            for (Map<String, Object> container : list(pod, "containers")) {
                assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
                assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
                assertThat(at(container, "securityContext.capabilities.drop")).isEqualTo(List.of("ALL"));
                assertThat(list(container, "volumeMounts")).extracting(mount -> mount.get("mountPath")).contains("/tmp");
            }
            assertThat(list(pod, "volumes")).filteredOn(volume -> "tmp".equals(volume.get("name")))
                    .allMatch(volume -> volume.containsKey("emptyDir")).hasSize(1);
        }
    }

    @Test
    void installsTheSchemaBeforeInstallAndUpgrade() {
        Map<String, Object> job = only(render(PRODUCTION), "Job");

        assertThat(at(job, "metadata.annotations.[" + HOOK + "]")).isEqualTo("pre-install,pre-upgrade");
        Map<String, Object> container = list(job, "spec.template.spec.containers").get(0);
        assertThat(at(container, "args")).isEqualTo(List.of("--install-schema"));
        assertThat(env(container)).containsKeys("SPRING_PROFILES_ACTIVE", "TOKENGOV_DB_URL", "TOKENGOV_DB_USERNAME",
                "TOKENGOV_DB_PASSWORD");
        assertThat(render(EMBEDDED)).as("the embedded default makes its own tables").noneMatch(kind("Job"));
    }

    @Test
    void optionalPartsRenderWhenAskedFor() {
        List<Map<String, Object>> manifests = render(FULL);

        assertThat(map(only(manifests, "Deployment"), "spec")).doesNotContainKey("replicas");
        assertThat(at(only(manifests, "HorizontalPodAutoscaler"), "spec.minReplicas")).isEqualTo(2);
        Map<String, Object> ingress = only(manifests, "Ingress");
        assertThat(list(ingress, "spec.tls").get(0).get("secretName")).isEqualTo("tokens-tls");
        assertThat(at(list(list(ingress, "spec.rules").get(0), "http.paths").get(0), "backend.service.port.name"))
                .as("never the management port").isEqualTo("http");
        Map<String, Object> monitor = only(manifests, "ServiceMonitor");
        assertThat(list(monitor, "spec.endpoints").get(0)).containsEntry("port", "management")
                .containsEntry("path", "/actuator/prometheus");
        String rules = new Yaml().dump(only(manifests, "PrometheusRule"));
        assertThat(rules).contains("tokengov_incidents_open", "tokengov_offboarding_time_to_revoke_seconds_bucket",
                "tokengov_mail_outbox_pending");
        assertThat(render(PRODUCTION)).noneMatch(kind("HorizontalPodAutoscaler")).noneMatch(kind("NetworkPolicy"))
                .noneMatch(kind("Ingress")).noneMatch(kind("ServiceMonitor")).noneMatch(kind("PrometheusRule"));
    }

    @Test
    void networkPolicyLetsOutOnlyTheDatabaseRedcapKeycloakSmtpAndDns() throws IOException {
        Map<String, Object> policy = only(render(FULL), "NetworkPolicy");

        List<Map<String, Object>> egress = list(policy, "spec.egress");
        List<Object> cidrs = egress.stream().flatMap(rule -> list(rule, "to").stream())
                .filter(peer -> peer.containsKey("ipBlock")).map(peer -> at(peer, "ipBlock.cidr")).toList();
        assertThat(cidrs).containsExactlyInAnyOrder("10.0.10.0/24", "10.0.20.0/24", "10.0.30.0/24", "10.0.40.5/32");
        Map<String, Object> dns = egress.get(egress.size() - 1);
        assertThat(list(dns, "ports")).extracting(port -> port.get("port")).containsOnly(53);
        assertThat(egress).hasSize(5);
        Path withoutDatabase = work.resolve("without-database-cidrs.yaml");
        Files.writeString(withoutDatabase, new Yaml().dump(merge(load(FULL),
                Map.of("networkPolicy", Map.of("egress", Map.of("database", Map.of("cidrs", List.of())))))));
        assertThatThrownBy(() -> render(withoutDatabase)).hasMessageContaining("networkPolicy.egress.database.cidrs is empty");
    }

    @Test
    void everySecretIsAReferenceToAnExistingSecret() throws IOException {
        Map<String, Object> canaries = new LinkedHashMap<>();
        for (String owner : List.of("database", "audit", "keycloak", "smtp", "hrWebhook", "usageIntake", "scim", "redcap.qa.database",
                "redcap.prod.database", "redcap.qa.stewardTokens", "redcap.prod.stewardTokens")) {
            canaries.put(owner + ".existingSecret", "canary-" + owner.replace('.', '-'));
        }
        List<Map<String, Object>> manifests = render(FULL, canaries);
        String rendered = new Yaml().dumpAll(manifests.iterator());

        assertThat(manifests).noneMatch(kind("Secret"));
        Map<String, Object> configMap = only(manifests, "ConfigMap");
        assertThat(map(configMap, "data").keySet())
                .noneMatch(name -> isSecretName(name) || name.endsWith("_USERNAME"));
        Map<String, Map<String, Object>> appEnv = env(list(only(manifests, "Deployment"), "spec.template.spec.containers").get(0));
        for (String variable : secretVariablesOfTheApp()) {
            assertThat(appEnv).as(variable).containsKey(variable);
            assertThat(appEnv.get(variable)).as(variable + " comes from a Secret").doesNotContainKey("value");
            assertThat((String) at(appEnv.get(variable), "valueFrom.secretKeyRef.name")).startsWith("canary-");
        }
        assertThat(appEnv).containsKeys("TOKENGOV_REDCAP_ENVIRONMENTS_PROD_STEWARDTOKENS_101",
                "TOKENGOV_REDCAP_ENVIRONMENTS_PROD_STEWARDTOKENS_102", "TOKENGOV_REDCAP_ENVIRONMENTS_QA_STEWARDTOKENS_201");
        appEnv.forEach((name, variable) -> assertThat(variable.containsKey("value") && isSecretName(name)).as(name).isFalse());
        // Each canary appears only where a Secret is named: once per variable it feeds, nowhere else.
        long references = appEnv.values().stream().filter(variable -> variable.containsKey("valueFrom")).count()
                + env(list(only(manifests, "Job"), "spec.template.spec.containers").get(0)).values().stream()
                        .filter(variable -> variable.containsKey("valueFrom")).count();
        assertThat(count(rendered, "canary-")).isEqualTo(references);
        // values.yaml holds no secret: every value under a secret-sounding name is a Secret's or a key's name.
        leaves(load(CHART.resolve("values.yaml")), "").forEach((path, value) -> {
            if (path.matches("(?i)(.*\\.)?[^.]*(password|secret|token|tokens)") && !path.matches(".*(existingSecret|secretName)")) {
                assertThat(value).as(path).isIn("", Map.of(), List.of());
            }
        });
    }

    @Test
    void everyValueAndEverySecretKeyIsDocumented() throws IOException {
        String valuesText = Files.readString(CHART.resolve("values.yaml"));
        Set<String> documented = new LinkedHashSet<>();
        Matcher param = Pattern.compile("(?m)^## @param (\\S+) \\S").matcher(valuesText);
        while (param.find()) {
            documented.add(param.group(1));
        }
        Map<String, Object> values = leaves(load(CHART.resolve("values.yaml")), "");

        assertThat(values.keySet()).allMatch(path -> documentedAt(documented, path), "documented by a ## @param");
        assertThat(documented).allMatch(name -> values.keySet().stream().anyMatch(path -> path.equals(name)
                || path.startsWith(name + ".")), "a ## @param for a value that exists");
        String chartReadme = Files.readString(CHART.resolve("README.md"));
        assertThat(documented).allMatch(name -> chartReadme.contains("`" + name + "`"), "in helm/README.md");

        Set<Object> keysOfDocumentedParams = new LinkedHashSet<>();
        values.forEach((path, value) -> {
            if (path.endsWith("Key") && documented.contains(path)) {
                keysOfDocumentedParams.add(value);
            }
        });
        Map<String, Object> full = load(FULL);
        Stream.of("qa", "prod").forEach(server -> keysOfDocumentedParams.addAll(
                map(full, "redcap." + server + ".stewardTokens.keys").values()));
        for (Map<String, Object> manifest : render(FULL)) {
            for (Map<String, Object> container : containers(manifest)) {
                env(container).values().stream().filter(variable -> variable.containsKey("valueFrom"))
                        .map(variable -> at(variable, "valueFrom.secretKeyRef.key"))
                        .forEach(key -> assertThat(keysOfDocumentedParams).as("documented key").contains(key));
            }
        }
    }

    @Test
    void refusesTheEmbeddedH2DatabaseWithMoreThanOneReplica() {
        assertThat(at(only(render(EMBEDDED), "Deployment"), "spec.replicas")).isEqualTo(1);

        assertThatThrownBy(() -> render(EMBEDDED, Map.of("replicaCount", 2)))
                .hasMessageContaining("The embedded H2 database lives inside one pod: replicas cannot share it");
        assertThatThrownBy(() -> render(EMBEDDED, Map.of("autoscaling.enabled", true)))
                .hasMessageContaining("The embedded H2 database lives inside one pod");
        assertThatThrownBy(() -> render(PRODUCTION, Map.of("database.url", "jdbc:h2:file:/app/data/tokengov")))
                .hasMessageContaining("The embedded H2 database lives inside one pod");
    }

    @Test
    void refusesAProductionInstallWithoutItsSecrets() {
        assertThatThrownBy(() -> render(PRODUCTION, Map.of("database.existingSecret", "")))
                .hasMessageContaining("database.existingSecret must name the Secret");
        assertThatThrownBy(() -> render(PRODUCTION, Map.of("audit.existingSecret", "")))
                .hasMessageContaining("audit.existingSecret must name the Secret");
    }

    // --- rendering and reading manifests

    /** The chart's {@code ci/*-values.yaml} variants. */
    static List<Path> ciValuesFiles() throws IOException {
        try (Stream<Path> files = Files.list(CHART.resolve("ci"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
        }
    }

    static List<Map<String, Object>> render(Path valuesFile) {
        return render(valuesFile, Map.of());
    }

    /**
     * helm-java's template leaves out hooks (the schema Job, the connection test), unlike {@code helm template}: the
     * chart is rendered from a copy whose hook annotations are renamed to {@link #HOOK}, so hooks render as manifests
     * and their annotation can still be checked. helm-java's template also renders for Helm's default cluster,
     * Kubernetes 1.20, and takes no other: the copy leaves out Chart.yaml's {@code kubeVersion}, which refuses 1.20
     * ({@link #refusesAClusterOlderThanItsApis}).
     */
    static final String HOOK = "rendered-hook";

    private static Path chartWithHooksAsManifests;

    static synchronized Path chartWithHooksAsManifests() {
        if (chartWithHooksAsManifests == null) {
            chartWithHooksAsManifests = copyWithHooksAsManifests();
        }
        return chartWithHooksAsManifests;
    }

    private static Path copyWithHooksAsManifests() {
        try {
            Path copy = Files.createTempDirectory("chart").resolve("redcap-token-governance");
            FileSystemUtils.copyRecursively(CHART, copy);
            try (Stream<Path> files = Files.walk(copy.resolve("templates"))) {
                for (Path template : files.filter(Files::isRegularFile).toList()) {
                    Files.writeString(template, Files.readString(template).replace("helm.sh/hook:", HOOK + ":"));
                }
            }
            Path chartFile = copy.resolve("Chart.yaml");
            Files.writeString(chartFile, Files.readString(chartFile).replaceFirst("(?m)^kubeVersion:.*\n", ""));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(copy.getParent().toFile())));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> render(Path valuesFile, Map<String, Object> settings) {
        TemplateCommand template = new Helm(chartWithHooksAsManifests()).template().withName("tokens").withNamespace("tokengov")
                .withValuesFile(valuesFile);
        settings.forEach(template::set);
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (Object document : new Yaml().loadAll(template.call())) {
            if (document != null) {
                manifests.add((Map<String, Object>) document);
            }
        }
        return manifests;
    }

    static java.util.function.Predicate<Map<String, Object>> kind(String kind) {
        return manifest -> kind.equals(manifest.get("kind"));
    }

    static Map<String, Object> only(List<Map<String, Object>> manifests, String kind) {
        List<Map<String, Object>> found = manifests.stream().filter(kind(kind)).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    /** The value at a dotted path; a segment in brackets may contain dots ({@code annotations.[helm.sh/hook]}). */
    static Object at(Map<String, Object> map, String path) {
        Object current = map;
        Matcher segment = Pattern.compile("\\[([^]]+)]|([^.\\[]+)").matcher(path);
        while (segment.find()) {
            String name = segment.group(1) != null ? segment.group(1) : segment.group(2);
            current = current == null ? null : ((Map<String, Object>) current).get(name);
        }
        return current;
    }

    static Map<String, Object> map(Map<String, Object> map, String path) {
        return (Map<String, Object>) at(map, path);
    }

    static List<Map<String, Object>> list(Map<String, Object> map, String path) {
        return Objects.requireNonNullElse((List<Map<String, Object>>) at(map, path), List.of());
    }

    static List<Map<String, Object>> containers(Map<String, Object> manifest) {
        List<Map<String, Object>> containers = new ArrayList<>(list(manifest, "spec.template.spec.containers"));
        containers.addAll(list(manifest, "spec.containers"));
        return containers;
    }

    static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        list(container, "env").forEach(variable -> byName.put((String) variable.get("name"), variable));
        return byName;
    }

    // --- the chart's and the app's files

    static Map<String, Object> load(Path file) {
        try {
            return Objects.requireNonNullElse(new Yaml().load(Files.readString(file)), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> merged.merge(key, value, (old, given) -> old instanceof Map && given instanceof Map
                ? merge((Map<String, Object>) old, (Map<String, Object>) given) : given));
        return merged;
    }

    /** Every value by dotted path; an empty map is a value of its own ({@code extraConfig: {}}). */
    static Map<String, Object> leaves(Map<String, Object> map, String prefix) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            String path = prefix + key;
            if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
                leaves.putAll(leaves((Map<String, Object>) nested, path + "."));
            } else {
                leaves.put(path, value);
            }
        });
        return leaves;
    }

    static boolean documentedAt(Set<String> documented, String path) {
        for (String at = path; ; at = at.substring(0, at.lastIndexOf('.'))) {
            if (documented.contains(at)) {
                return true;
            }
            if (!at.contains(".")) {
                return false;
            }
        }
    }

    /** The secret-bearing variables the app reads, from its configuration files (the steward tokens are per project). */
    static Set<String> secretVariablesOfTheApp() throws IOException {
        Set<String> variables = new LinkedHashSet<>();
        for (String file : List.of("application.yml", "application-production.yml", "application-keycloak.yml")) {
            Matcher variable = SECRET_VARIABLE.matcher(Files.readString(Path.of("src/main/resources", file)));
            while (variable.find()) {
                variables.add(variable.group(1));
            }
        }
        assertThat(variables).contains("TOKENGOV_DB_PASSWORD", "TOKENGOV_AUDIT_KEY", "TOKENGOV_KEYCLOAK_CLIENT_SECRET",
                "TOKENGOV_SMTP_PASSWORD", "TOKENGOV_HR_WEBHOOK_SECRET", "TOKENGOV_SCIM_BEARER_TOKEN",
                "TOKENGOV_QA_DB_PASSWORD", "TOKENGOV_PROD_DB_PASSWORD");
        return variables;
    }

    static boolean isSecretName(String variable) {
        return variable.matches(".*_(PASSWORD|SECRET|TOKEN|KEY|STEWARDTOKENS_\\d+)");
    }

    static String appVersion() {
        return (String) load(CHART.resolve("Chart.yaml")).get("appVersion");
    }

    static long count(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
