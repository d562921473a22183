package org.tokengov.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;

/**
 * What people do in REDCap's own pages, behind the system's back, through the simulator's page endpoints: an
 * administrator in the Control Center, a user on a project's API page, a PI on User Rights.
 */
public class RedcapPages {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public RedcapPages(String appBaseUrl) {
        this.baseUrl = appBaseUrl;
    }

    /** Control Center, user API tokens: {@code action} create, regenerate or delete, done by {@code admin}. */
    public void controlCenter(String environment, String action, String username, long projectId, String admin) {
        post(environment, "control-center/tokens", "action", action, "username", username, "projectId",
                String.valueOf(projectId), "by", admin);
    }

    /** Control Center, super API tokens: {@code action} create or delete. */
    public void superToken(String environment, String action, String username, String admin) {
        post(environment, "control-center/super-tokens", "action", action, "username", username, "by", admin);
    }

    /** A user on the project's API page: {@code action} request, regenerate or delete. */
    public void projectApiPage(String environment, String action, String username, long projectId) {
        post(environment, "project-api", "action", action, "username", username, "projectId", String.valueOf(projectId));
    }

    /** A PI on User Rights: name, value, name, value, … of the rights columns (e.g. {@code api_export}, {@code 1}). */
    public void userRights(String environment, String username, long projectId, String pi, String... rights) {
        String[] form = new String[rights.length + 6];
        form[0] = "username";
        form[1] = username;
        form[2] = "projectId";
        form[3] = String.valueOf(projectId);
        form[4] = "by";
        form[5] = pi;
        System.arraycopy(rights, 0, form, 6, rights.length);
        post(environment, "user-rights", form);
    }

    private void post(String environment, String page, String... namesAndValues) {
        StringJoiner form = new StringJoiner("&");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i] + "=" + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/redcap-sim/" + environment + "/" + page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("REDCap's " + page + " page answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
