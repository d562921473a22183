package org.tokengov;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The chart's rendered manifests against Kubernetes' own API types: the official Java client's models, generated from
 * Kubernetes 1.32's OpenAPI, refuse a field the type does not have, a value of the wrong shape and a missing required
 * field, as the API server's strict field validation ({@code kubectl apply --validate=strict}) would. Every
 * {@code ci/*-values.yaml} is rendered, hooks included. The Prometheus operator's kinds (ServiceMonitor,
 * PrometheusRule) are not Kubernetes' own: {@link HelmChartTest} checks what they hold.
 */
class HelmManifestSchemaTest {

    /** A model's check of one manifest, as JSON. */
    interface Schema {
        void validate(JsonElement manifest) throws IOException;
    }

    /** apiVersion/kind → Kubernetes' type for it. */
    static final Map<String, Schema> KUBERNETES = Map.ofEntries(
            entry("v1/ConfigMap", V1ConfigMap::validateJsonElement),
            entry("v1/Pod", V1Pod::validateJsonElement),
            entry("v1/Service", V1Service::validateJsonElement),
            entry("v1/ServiceAccount", V1ServiceAccount::validateJsonElement),
            entry("apps/v1/Deployment", V1Deployment::validateJsonElement),
            entry("batch/v1/Job", V1Job::validateJsonElement),
            entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement),
            entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement),
            entry("networking.k8s.io/v1/Ingress", V1Ingress::validateJsonElement),
            entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy::validateJsonElement));

    static final Set<String> PROMETHEUS_OPERATOR = Set.of("monitoring.coreos.com/v1/ServiceMonitor",
            "monitoring.coreos.com/v1/PrometheusRule");

    private final Gson gson = new Gson();

    @Test
    void everyRenderedManifestIsOfAKubernetesTypeAndValidForIt() throws IOException {
        Set<String> validated = new TreeSet<>();
        for (Path variant : HelmChartTest.ciValuesFiles()) {
            for (Map<String, Object> manifest : HelmChartTest.render(variant)) {
                String type = typeOf(manifest);
                if (PROMETHEUS_OPERATOR.contains(type)) {
                    continue;
                }
                assertThat(KUBERNETES).as(variant + " renders " + type + ": not a type this test knows")
                        .containsKey(type);
                assertThatCode(() -> KUBERNETES.get(type).validate(gson.toJsonTree(manifest)))
                        .as(variant + ": " + type + " " + HelmChartTest.at(manifest, "metadata.name"))
                        .doesNotThrowAnyException();
                validated.add(type);
            }
        }
        // The full variant switches every optional part on: each of Kubernetes' types the chart can render was checked.
        assertThat(validated).containsExactlyInAnyOrderElementsOf(KUBERNETES.keySet());
    }

    @Test
    void aMisspeltFieldIsRefusedDeepInside() {
        JsonObject deployment = productionDeployment();
        container(deployment).addProperty("imagePullPolcy", "Always");

        assertThatThrownBy(() -> KUBERNETES.get("apps/v1/Deployment").validate(deployment))
                .hasMessageContaining("`imagePullPolcy`").hasMessageContaining("V1Container");
    }

    @Test
    void aValueOfTheWrongShapeIsRefused() {
        JsonObject deployment = productionDeployment();
        JsonObject image = new JsonObject();
        image.addProperty("repository", "ghcr.io/tokengov/redcap-token-governance");
        container(deployment).add("image", image);

        assertThatThrownBy(() -> KUBERNETES.get("apps/v1/Deployment").validate(deployment))
                .hasMessageContaining("`image`");
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        JsonObject deployment = productionDeployment();
        deployment.getAsJsonObject("spec").remove("selector");

        assertThatThrownBy(() -> KUBERNETES.get("apps/v1/Deployment").validate(deployment))
                .hasMessageContaining("selector");
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
}
