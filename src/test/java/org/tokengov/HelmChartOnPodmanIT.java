package org.tokengov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.HelmChartTest.at;
import static org.tokengov.HelmChartTest.containers;
import static org.tokengov.HelmChartTest.list;
import static org.tokengov.HelmChartTest.map;
import static org.tokengov.HelmChartTest.only;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tokengov.testsupport.KeycloakTestServer;
import org.tokengov.testsupport.Podman;
import org.tokengov.testsupport.SwitchableProxy;
import org.tokengov.testsupport.TestDatabases;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart's pods run as a node runs them, without a cluster: the image is built from the {@code Dockerfile} by
 * {@code scripts/podman-image.sh} (its base images made from Debian's packages: Docker Hub is out of reach here), and
 * the manifests rendered from {@code ci/*-values.yaml} are played by podman's {@code kube play}: the same pod spec,
 * replicas, security context, ConfigMap, Secrets by key, volumes, resources, arguments and commands, each pod in a
 * network namespace of its own on a bridge. The machine's PostgreSQL and Keycloak listen on its loopback only, so the
 * pods reach them through relays, as {@code host.containers.internal}. There is no scheduler, no Service, and nothing
 * acts on the probes: the test calls the probes' own paths and ports on each pod's address.
 */
@SuppressWarnings("unchecked")
class HelmChartOnPodmanIT {

    private static final String REPOSITORY = "localhost/redcap-token-governance";
    /** The chart's connection test needs wget; the script makes this one from Debian's busybox. */
    private static final String TEST_IMAGE = "localhost/tokengov-busybox:bookworm";
    private static final String HOST = "host.containers.internal";
    private static final Duration START_UP = Duration.ofMinutes(4);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @BeforeAll
    static void buildTheImage() {
        Podman.script(Path.of("scripts", "podman-image.sh"), Duration.ofMinutes(20));
    }

    @Test
    void theEmbeddedDemoRunsInItsPodAsTheChartSpecifiesIt() throws Exception {
        List<Map<String, Object>> manifests = HelmChartTest.render(HelmChartTest.EMBEDDED, images());
        Map<String, Object> deployment = only(manifests, "Deployment");
        Map<String, Object> app = containers(deployment).get(0);
        Map<String, Object> podSecurity = map(deployment, "spec.template.spec.securityContext");

        try (PlayedPods pods = new PlayedPods()) {
            List<String> replicas = pods.play(only(manifests, "ConfigMap"), deployment);
            assertThat(replicas).hasSize(1);
            String container = replicas.get(0);
            String pod = address(container);
            awaitProbes(app, pod);
            String web = "http://" + pod + ":" + containerPort(app, "http");

            assertThat(get(web + "/camunda/app/tasklist/", null).statusCode()).isEqualTo(200);
            assertThat(get(web + "/api/requests", "alice:demo").statusCode()).isEqualTo(200);
            assertThat(get(web + "/api/requests", null).statusCode()).isEqualTo(401);

            // What the security contexts say, as the running process has it.
            String user = Podman.run("inspect", "--format", "{{.Config.User}} {{.HostConfig.ReadonlyRootfs}}",
                    container);
            assertThat(user.trim())
                    .isEqualTo(podSecurity.get("runAsUser") + ":" + podSecurity.get("runAsGroup") + " true");
            String status = Podman.run("exec", container, "cat", "/proc/1/status");
            assertThat(status).contains("Uid:\t10001\t10001\t10001\t10001", "NoNewPrivs:\t1")
                    .contains("CapEff:\t0000000000000000", "CapBnd:\t0000000000000000");
            assertThat(Podman.attempt("exec", container, "sh", "-c", "echo x > /app/changed").exitCode())
                    .as("the root filesystem is read-only").isNotZero();
            for (Map<String, Object> mount : list(app, "volumeMounts")) {
                String write = "echo x > " + mount.get("mountPath") + "/written";
                assertThat(Podman.attempt("exec", container, "sh", "-c", write).exitCode())
                        .as("the app writes to " + mount.get("mountPath")).isZero();
            }

            // The memory limit reaches the JVM: its heap is the ConfigMap's 75 % of the limit, not of the machine.
            long limit = mebibytes((String) at(app, "resources.limits.memory"));
            assertThat(Podman.run("inspect", "--format", "{{.HostConfig.Memory}}", container).trim())
                    .isEqualTo(String.valueOf(limit));
            String metrics = "http://" + pod + ":" + containerPort(app, "management") + "/actuator/prometheus";
            assertThat(heapMaximum(get(metrics, null).body()))
                    .isBetween((long) (limit * 0.70), (long) (limit * 0.75));

            List<String> preStop = (List<String>) at(app, "lifecycle.preStop.exec.command");
            List<String> exec = new ArrayList<>(List.of("exec", container));
            exec.addAll(preStop);
            assertThat(Podman.attempt(exec.toArray(String[]::new)).exitCode()).as("the preStop hook " + preStop)
                    .isZero();

            Podman.Result connectionTest = connectionTest(manifests, pod);
            assertThat(connectionTest.exitCode())
                    .as("the chart's connection test (helm test): " + connectionTest.output()).isZero();
        }
    }

    @Test
    void productionInstallsTheSchemaWithItsJobThenBothReplicasStartTogetherOnIt() throws Exception {
        String url = TestDatabases.newPostgresDatabase("podman");
        String database = url.substring(url.lastIndexOf('/') + 1);
        String auditKey = "audit-key-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Map<String, String> secretValues = Map.of(
                "tokengov-database/username", TestDatabases.POSTGRES_USER,
                "tokengov-database/password", "",
                "tokengov-audit/audit-key", auditKey,
                "tokengov-keycloak/client-secret", KeycloakTestServer.clientSecret());

        try (SwitchableProxy postgres = SwitchableProxy.onEveryAddress("tcp://" + TestDatabases.POSTGRES_HOST);
                SwitchableProxy keycloak = SwitchableProxy.onEveryAddress(KeycloakTestServer.baseUrl());
                PlayedPods pods = new PlayedPods()) {
            Map<String, Object> settings = new LinkedHashMap<>(images());
            settings.put("database.url", "jdbc:postgresql://" + HOST + ":" + postgres.port() + "/" + database);
            settings.put("redcap.qa.apiUrl", "http://" + HOST + ":9/api/");
            settings.put("redcap.prod.apiUrl", "http://" + HOST + ":9/api/");
            settings.put("keycloak.url", "http://" + HOST + ":" + keycloak.port());
            settings.put("smtp.host", HOST);
            List<Map<String, Object>> manifests = HelmChartTest.render(HelmChartTest.PRODUCTION, settings);
            Map<String, Object> job = only(manifests, "Job");
            Map<String, Object> deployment = only(manifests, "Deployment");
            Map<String, Object> app = containers(deployment).get(0);
            pods.createSecrets(secretValues, job, deployment);

            // The pre-install hook: the Job's pod, run to its end before anything else.
            Map<String, Object> jobPod = Map.of("apiVersion", "v1", "kind", "Pod",
                    "metadata", Map.of("name", map(job, "metadata").get("name")),
                    "spec", map(job, "spec.template.spec"));
            Podman.Result schemaJob = pods.runToCompletion(jobPod);
            assertThat(schemaJob.exitCode()).as("the schema Job: " + schemaJob.output()).isZero();
            JdbcTemplate jdbc = jdbc(url);
            assertThat(jdbc.queryForList("select version_ from act_ge_schema_log", String.class)).contains("7.24.0");
            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success",
                    Integer.class)).isZero();

            // The replicas start at the same moment on the new database, as a first install starts them.
            List<String> replicas = pods.play(only(manifests, "ConfigMap"), deployment);
            assertThat(replicas).hasSize((Integer) at(deployment, "spec.replicas"));
            for (String replica : replicas) {
                awaitProbes(app, address(replica));
                String requests = "http://" + address(replica) + ":" + containerPort(app, "http") + "/api/requests";
                assertThat(get(requests, null).statusCode()).isEqualTo(401);
            }
            for (String replica : replicas) {
                assertThat(Podman.run("inspect", "--format", "{{.RestartCount}}", replica).trim())
                        .as(() -> replica + " started without a restart: " + Podman.run("logs", replica))
                        .isEqualTo("0");
            }
            assertThat(jdbc.queryForObject("select count(*) from act_re_deployment", Integer.class)).as("deployments")
                    .isOne();
            assertScrapeHasWhatTheAlertsUse(app, address(replicas.get(1)));
            assertThat(jdbc.queryForList(
                    "select resource_type_ from act_ru_authorization where group_id_ = 'camunda-admin'", Integer.class))
                    .hasSize(Resources.values().length).doesNotHaveDuplicates();

            // The kubelet stops a pod with SIGTERM, then SIGKILL after the grace period: java, the image's process 1,
            // must shut down in time on the signal alone (143: ended by SIGTERM, after Spring's shutdown ran).
            Object gracePeriod = at(deployment, "spec.template.spec.terminationGracePeriodSeconds");
            String stopped = replicas.get(0);
            Instant stop = Instant.now();
            Podman.run("stop", "--time", String.valueOf(gracePeriod), stopped);
            assertThat(Duration.between(stop, Instant.now())).isLessThan(Duration.ofSeconds((Integer) gracePeriod));
            assertThat(Podman.run("inspect", "--format", "{{.State.ExitCode}}", stopped).trim()).isEqualTo("143");

            StringBuilder logs = new StringBuilder(schemaJob.output());
            replicas.forEach(replica -> logs.append(Podman.run("logs", replica)));
            assertThat(Podman.run("logs", stopped))
                    .contains("Started TokenGovernanceApplication", "Graceful shutdown complete");
            assertThat(logs).doesNotContain(auditKey).doesNotContain(KeycloakTestServer.clientSecret());
        }
    }

    /**
     * What Prometheus scrapes through the chart's ServiceMonitor (its port and path, on a replica) holds every series
     * the chart's PrometheusRule alerts on: an alert on a series the app does not export would never fire.
     */
    private void assertScrapeHasWhatTheAlertsUse(Map<String, Object> app, String podAddress) throws Exception {
        List<Map<String, Object>> monitoring = HelmChartTest.render(HelmChartTest.FULL);
        Map<String, Object> endpoint = list(only(monitoring, "ServiceMonitor"), "spec.endpoints").get(0);
        int port = containerPort(app, (String) endpoint.get("port"));
        HttpResponse<String> scrape = get("http://" + podAddress + ":" + port + endpoint.get("path"), null);
        assertThat(scrape.statusCode()).isEqualTo(200);
        Set<String> series = new LinkedHashSet<>();
        for (Map<String, Object> group : list(only(monitoring, "PrometheusRule"), "spec.groups")) {
            for (Map<String, Object> rule : list(group, "rules")) {
                Pattern.compile("tokengov_\\w+").matcher((String) rule.get("expr")).results()
                        .forEach(name -> series.add(name.group()));
            }
        }
        assertThat(series).as("the series the alerts use").hasSizeGreaterThanOrEqualTo(3);
        for (String name : series) {
            assertThat(scrape.body()).as(name).containsPattern("(?m)^" + name + "[{ ]");
        }
    }

    /** The chart's own image settings, pointing at what the script built; the tag stays the chart's appVersion. */
    private static Map<String, Object> images() {
        return Map.of("image.repository", REPOSITORY, "tests.image", TEST_IMAGE);
    }

    /**
     * The chart's connection test (helm test) as its pod specifies it: image, command, user and security context. It
     * calls the Service by name, which a cluster's DNS resolves; here the name resolves to the played pod. podman 4.3's
     * {@code kube play} ignores {@code hostAliases}, so the container runs with {@code podman run}.
     */
    private static Podman.Result connectionTest(List<Map<String, Object>> manifests, String podAddress) {
        Map<String, Object> pod = only(manifests, "Pod");
        Map<String, Object> podSecurity = map(pod, "spec.securityContext");
        Map<String, Object> container = containers(pod).get(0);
        String service = (String) map(only(manifests, "Service"), "metadata").get("name");
        List<String> run = new ArrayList<>(List.of("run", "--rm", "--network", "host",
                "--add-host", service + ":" + podAddress,
                "--user", podSecurity.get("runAsUser") + ":" + podSecurity.get("runAsGroup")));
        assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
        assertThat((List<String>) at(container, "securityContext.capabilities.drop")).containsExactly("ALL");
        run.addAll(List.of("--read-only", "--security-opt", "no-new-privileges", "--cap-drop", "ALL"));
        run.add((String) container.get("image"));
        run.addAll((List<String>) container.get("command"));
        return Podman.attempt(run.toArray(String[]::new));
    }

    /** The pod's address on podman's bridge, which this machine reaches. */
    private static String address(String container) {
        String address = Podman.run("inspect", "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}",
                container).trim();
        assertThat(address).as(container + "'s address").isNotBlank();
        return address;
    }

    private static long mebibytes(String quantity) {
        assertThat(quantity).as("a memory limit in Mi").matches("\\d+Mi");
        return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024 * 1024;
    }

    /** The sum of the heap pools' maximum sizes, as Actuator's Prometheus endpoint reports them. */
    private static long heapMaximum(String metrics) {
        Matcher pool = Pattern.compile("(?m)^jvm_memory_max_bytes\\{(?=[^}]*area=\"heap\")[^}]*} (\\S+)$")
                .matcher(metrics);
        long sum = 0;
        while (pool.find()) {
            sum += (long) Math.max(0, Double.parseDouble(pool.group(1)));
        }
        return sum;
    }

    /** The number of the container's port of that name. */
    private static int containerPort(Map<String, Object> container, String name) {
        return list(container, "ports").stream().filter(port -> name.equals(port.get("name")))
                .map(port -> (Integer) port.get("containerPort")).findFirst()
                .orElseThrow(() -> new AssertionError("no port named " + name));
    }

    /** The startup, liveness and readiness probes' paths and ports answer 200 once the pod has started. */
    private void awaitProbes(Map<String, Object> container, String podAddress) throws Exception {
        Set<String> probes = new LinkedHashSet<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            int port = containerPort(container, (String) at(container, probe + ".httpGet.port"));
            probes.add("http://" + podAddress + ":" + port + at(container, probe + ".httpGet.path"));
        }
        Instant deadline = Instant.now().plus(START_UP);
        for (String probe : probes) {
            HttpResponse<String> answer = null;
            while (Instant.now().isBefore(deadline) && (answer == null || answer.statusCode() != 200)) {
                try {
                    answer = get(probe, null);
                } catch (IOException notListeningYet) {
                    Thread.sleep(500);
                }
            }
            assertThat(answer).as(probe + " within " + START_UP).isNotNull();
            assertThat(answer.statusCode()).as(probe + ": " + answer.body()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(String url, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (user != null) {
            String credentials = Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + credentials);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JdbcTemplate jdbc(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(TestDatabases.POSTGRES_USER);
        return new JdbcTemplate(dataSource);
    }

    /** Manifests played on podman's bridge, and the Secrets made for them; all of it removed on close. */
    private static final class PlayedPods implements AutoCloseable {

        private final Path directory;
        private final List<Path> played = new ArrayList<>();
        private final Set<String> secrets = new LinkedHashSet<>();

        PlayedPods() throws IOException {
            directory = Files.createTempDirectory("played-pods");
        }

        /**
         * Plays the manifests; returns the names of the containers of the last one's pods (a Deployment's replicas).
         * The containers' port declarations are left out: podman would publish them on this machine, where two
         * replicas would want the same ports; each pod listens on them at its own address anyway.
         */
        @SafeVarargs
        final List<String> play(Map<String, Object>... manifests) {
            Path file = directory.resolve("manifest-" + played.size() + ".yaml");
            List<Object> withoutPorts = new ArrayList<>();
            for (Map<String, Object> manifest : manifests) {
                withoutPorts.add(new Yaml().load(new Yaml().dump(manifest)));
                containers((Map<String, Object>) withoutPorts.get(withoutPorts.size() - 1))
                        .forEach(container -> container.remove("ports"));
            }
            try {
                Files.writeString(file, new Yaml().dumpAll(withoutPorts.iterator()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            played.add(file);
            Podman.run("kube", "play", "--replace", file.toString());
            return containerNames(manifests[manifests.length - 1]);
        }

        /** Plays a pod that runs to its end (a Job's, a test's): its exit code and what it printed. */
        Podman.Result runToCompletion(Map<String, Object> pod) {
            String container = play(pod).get(0);
            int exitCode = Integer.parseInt(Podman.run("wait", container).trim());
            return new Podman.Result(exitCode, Podman.run("logs", container));
        }

        /**
         * Each Secret the manifests refer to by key, with the value {@code values} gives for "name/key": every key
         * referred to must have one. podman 4.3 reads a Secret for {@code secretKeyRef} as a JSON object of
         * base64 values, not as a Secret manifest.
         */
        @SafeVarargs
        final void createSecrets(Map<String, String> values, Map<String, Object>... manifests) {
            Map<String, Map<String, String>> byName = new LinkedHashMap<>();
            for (Map<String, Object> manifest : manifests) {
                for (Map<String, Object> container : containers(manifest)) {
                    for (Map<String, Object> variable : list(container, "env")) {
                        Map<String, Object> reference = map(variable, "valueFrom.secretKeyRef");
                        if (reference != null) {
                            String key = reference.get("name") + "/" + reference.get("key");
                            assertThat(values).as("a value for the Secret key " + key).containsKey(key);
                            byName.computeIfAbsent((String) reference.get("name"), name -> new LinkedHashMap<>())
                                    .put((String) reference.get("key"), Base64.getEncoder()
                                            .encodeToString(values.get(key).getBytes(StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
            byName.forEach((name, data) -> {
                Podman.attempt("secret", "rm", name);
                String json = data.entrySet().stream()
                        .map(entry -> "\"" + entry.getKey() + "\":\"" + entry.getValue() + "\"")
                        .collect(Collectors.joining(",", "{", "}"));
                Podman.runWithInput(json.getBytes(StandardCharsets.UTF_8), "secret", "create", name, "-");
                secrets.add(name);
            });
        }

        /**
         * podman names a played pod's container {@code <pod>-<container>}; a Deployment's pods are
         * {@code <name>-pod-<n>}, one per replica in podman 4.3.
         */
        private static List<String> containerNames(Map<String, Object> manifest) {
            String name = (String) map(manifest, "metadata").get("name");
            String container = (String) containers(manifest).get(0).get("name");
            if (!"Deployment".equals(manifest.get("kind"))) {
                return List.of(name + "-" + container);
            }
            Pattern replica = Pattern.compile(Pattern.quote(name) + "-pod-\\d+-" + Pattern.quote(container));
            return Podman.run("ps", "--all", "--format", "{{.Names}}").lines()
                    .filter(line -> replica.matcher(line).matches()).sorted().toList();
        }

        @Override
        public void close() throws IOException {
            for (int i = played.size() - 1; i >= 0; i--) {
                Podman.attempt("kube", "down", played.get(i).toString());
            }
            secrets.forEach(name -> Podman.attempt("secret", "rm", name));
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
    }
}
