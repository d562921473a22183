package org.tokengov;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The chart's rendered manifests against Kubernetes' own API types: the official Java client's models, generated from
 * Kubernetes 1.32's OpenAPI, refuse a field the type does not have, a value of the wrong shape and a missing required
 * field, as the API server's strict field validation ({@code kubectl apply --validate=strict}) would. Every
 * {@code ci/*-values.yaml} is rendered, hooks included. The Prometheus operator's kinds (ServiceMonitor,
 * PrometheusRule) are not Kubernetes' own: fabric8's models of them ({@code monitoring.coreos.com/v1}) refuse a value
 * of the wrong shape and keep a field they do not have aside, which must not happen; they do not know which fields are
 * required.
 */
class HelmManifestSchemaTest {

    /** A model's check of one manifest, as JSON. */
    interface Schema {
        void validate(JsonElement manifest) throws IOException;
    }

    /** apiVersion/kind → the type that checks it: Kubernetes' own, or fabric8's model of the operator's kinds. */
    static final Map<String, Schema> TYPES = Map.ofEntries(
            entry("v1/ConfigMap", V1ConfigMap::validateJsonElement),
            entry("v1/Pod", V1Pod::validateJsonElement),
            entry("v1/Service", V1Service::validateJsonElement),
            entry("v1/ServiceAccount", V1ServiceAccount::validateJsonElement),
            entry("apps/v1/Deployment", V1Deployment::validateJsonElement),
            entry("batch/v1/Job", V1Job::validateJsonElement),
            entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement),
            entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement),
            entry("networking.k8s.io/v1/Ingress", V1Ingress::validateJsonElement),
            entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy::validateJsonElement),
            entry("monitoring.coreos.com/v1/ServiceMonitor",
                    json -> OperatorModel.validate(json, ServiceMonitor.class)),
            entry("monitoring.coreos.com/v1/PrometheusRule",
                    json -> OperatorModel.validate(json, PrometheusRule.class)));

    /**
     * Kubernetes' own types the chart renders → the first Kubernetes 1.x release that serves each at that apiVersion
     * (generally available), from Kubernetes' API deprecation guide and release notes.
     */
    static final Map<String, Integer> SERVED_SINCE = Map.ofEntries(
            entry("v1/ConfigMap", 2), entry("v1/Pod", 0), entry("v1/Service", 0), entry("v1/ServiceAccount", 0),
            entry("apps/v1/Deployment", 9), entry("batch/v1/Job", 2),
            entry("policy/v1/PodDisruptionBudget", 21), entry("autoscaling/v2/HorizontalPodAutoscaler", 23),
            entry("networking.k8s.io/v1/Ingress", 19), entry("networking.k8s.io/v1/NetworkPolicy", 7));

    private final Gson gson = new Gson();

    @Test
    void everyRenderedManifestIsOfAKubernetesTypeAndValidForIt() throws IOException {
        Set<String> validated = new TreeSet<>();
        for (Path variant : HelmChartTest.ciValuesFiles()) {
            for (Map<String, Object> manifest : HelmChartTest.render(variant)) {
                String type = typeOf(manifest);
                assertThat(TYPES).as(variant + " renders " + type + ": not a type this test knows")
                        .containsKey(type);
                assertThatCode(() -> TYPES.get(type).validate(gson.toJsonTree(manifest)))
                        .as(variant + ": " + type + " " + HelmChartTest.at(manifest, "metadata.name"))
                        .doesNotThrowAnyException();
                validated.add(type);
            }
        }
        // The full variant switches every optional part on: each type the chart can render was checked.
        assertThat(validated).containsExactlyInAnyOrderElementsOf(TYPES.keySet());
    }

    @Test
    void theChartsKubeVersionIsOneThatServesEveryKubernetesTypeItRenders() {
        String constraint = (String) HelmChartTest.load(HelmChartTest.CHART.resolve("Chart.yaml")).get("kubeVersion");
        Matcher minimum = Pattern.compile(">=1\\.(\\d+)\\.0-0").matcher(String.valueOf(constraint));
        assertThat(minimum.matches())
                .as("Chart.yaml's kubeVersion, a lower bound including pre-releases: " + constraint).isTrue();

        // The operator's kinds come with the operator's CRDs, whatever the Kubernetes release.
        TYPES.keySet().stream().filter(type -> !type.startsWith("monitoring.coreos.com/")).forEach(type -> {
            assertThat(SERVED_SINCE).as("the first Kubernetes release that serves " + type).containsKey(type);
            assertThat(SERVED_SINCE.get(type)).as(type + " against Chart.yaml's kubeVersion " + constraint)
                    .isLessThanOrEqualTo(Integer.parseInt(minimum.group(1)));
        });
    }

    @Test
    void aMisspeltFieldIsRefusedDeepInside() {
        JsonObject deployment = productionDeployment();
        container(deployment).addProperty("imagePullPolcy", "Always");

        assertThatThrownBy(() -> TYPES.get("apps/v1/Deployment").validate(deployment))
                .hasMessageContaining("`imagePullPolcy`").hasMessageContaining("V1Container");
    }

    @Test
    void aValueOfTheWrongShapeIsRefused() {
        JsonObject deployment = productionDeployment();
        JsonObject image = new JsonObject();
        image.addProperty("repository", "ghcr.io/tokengov/redcap-token-governance");
        container(deployment).add("image", image);

        assertThatThrownBy(() -> TYPES.get("apps/v1/Deployment").validate(deployment))
                .hasMessageContaining("`image`");
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        JsonObject deployment = productionDeployment();
        deployment.getAsJsonObject("spec").remove("selector");

        assertThatThrownBy(() -> TYPES.get("apps/v1/Deployment").validate(deployment))
                .hasMessageContaining("selector");
    }

    @Test
    void theOperatorsKindsRefuseAMisspeltFieldAndAWrongShape() {
        JsonObject monitor = fullVariants("ServiceMonitor");
        JsonObject endpoint = monitor.getAsJsonObject("spec").getAsJsonArray("endpoints").get(0).getAsJsonObject();
        endpoint.addProperty("intervall", "30s");
        assertThatThrownBy(() -> TYPES.get("monitoring.coreos.com/v1/ServiceMonitor").validate(monitor))
                .hasMessageContaining("spec.endpoints[0].intervall");

        JsonObject rule = fullVariants("PrometheusRule");
        rule.getAsJsonObject("spec").addProperty("groups", "redcap-token-governance");
        assertThatThrownBy(() -> TYPES.get("monitoring.coreos.com/v1/PrometheusRule").validate(rule))
                .hasMessageContaining("groups");
    }

    /** The full variant's manifest of that kind as JSON (a copy the test may change). */
    private JsonObject fullVariants(String kind) {
        return gson.toJsonTree(HelmChartTest.only(HelmChartTest.render(HelmChartTest.FULL), kind)).getAsJsonObject();
    }

    /** The production variant's Deployment as JSON (a copy the test may change). */
    private JsonObject productionDeployment() {
        return gson.toJsonTree(HelmChartTest.only(HelmChartTest.render(HelmChartTest.PRODUCTION), "Deployment"))
                .getAsJsonObject();
    }

    private static JsonObject container(JsonObject deployment) {
        return deployment.getAsJsonObject("spec").getAsJsonObject("template").getAsJsonObject("spec")
                .getAsJsonArray("containers").get(0).getAsJsonObject();
    }

    private static String typeOf(Map<String, Object> manifest) {
        return manifest.get("apiVersion") + "/" + manifest.get("kind");
    }

    /**
     * A manifest read into fabric8's model of its kind: a wrong shape fails to read; a field the model does not have
     * lands in some object's additional properties, and each of those is named with its path.
     */
    static final class OperatorModel {

        private static final ObjectMapper JSON = new ObjectMapper();

        static void validate(JsonElement manifest, Class<?> type) throws IOException {
            Object model = JSON.readValue(manifest.toString(), type);
            List<String> unknown = new ArrayList<>();
            collectUnknown(model, "", unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
            if (!unknown.isEmpty()) {
                throw new IOException(type.getSimpleName() + " has no field " + String.join(", ", unknown));
            }
        }

        private static void collectUnknown(Object value, String path, List<String> unknown, Set<Object> seen) {
            if (value == null || !seen.add(value)) {
                return;
            }
            if (value instanceof Collection<?> items) {
                int index = 0;
                for (Object item : items) {
                    collectUnknown(item, path + "[" + index++ + "]", unknown, seen);
                }
            } else if (value instanceof Map<?, ?> entries) {
                entries.forEach((key, item) -> collectUnknown(item, path + "." + key, unknown, seen));
            } else if (value.getClass().getPackageName().startsWith("io.fabric8.")) {
                for (Method getter : value.getClass().getMethods()) {
                    if (getter.getParameterCount() > 0 || !getter.getName().startsWith("get")
                            || getter.getDeclaringClass() == Object.class) {
                        continue;
                    }
                    Object property = read(getter, value);
                    if (getter.getName().equals("getAdditionalProperties")) {
                        ((Map<?, ?>) property).keySet().forEach(key -> unknown.add((path + "." + key).substring(1)));
                    } else {
                        String name = getter.getName().substring(3);
                        collectUnknown(property, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1),
                                unknown, seen);
                    }
                }
            }
        }

        private static Object read(Method getter, Object value) {
            try {
                return getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(getter + " of " + value.getClass(), e);
            }
        }
    }
}
