package org.tokengov.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HR system sending signed webhooks the Standard Webhooks way. The signature is computed here independently of
 * the app's own code, so a test fails if the app's checking drifts from the standard.
 */
public class HrWebhookClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String secret;

    public HrWebhookClient(String baseUrl, String secret) {
        this(baseUrl, "/api/hr/events", secret);
    }

    /** A sender to another signed endpoint of the app (e.g. {@code /api/usage-events}). */
    public HrWebhookClient(String baseUrl, String path, String secret) {
        this.url = baseUrl + path;
        this.secret = secret;
    }

    public static String event(String type, String username, Long projectId, Instant effectiveAt) {
        return "{\"type\":\"" + type + "\",\"username\":\"" + username + "\""
                + (projectId == null ? "" : ",\"projectId\":" + projectId)
                + ",\"effectiveAt\":\"" + effectiveAt + "\"}";
    }

    /** A correctly signed delivery with a new id, sent now. */
    public HttpResponse<String> deliver(String body) {
        return deliver("msg_" + UUID.randomUUID(), body);
    }

    public HttpResponse<String> deliver(String webhookId, String body) {
        long now = Instant.now().getEpochSecond();
        return send(webhookId, now, sign(secret, webhookId, now, body), body, "application/json");
    }

    /** Signs with the secret as Standard Webhooks defines it: {@code whsec_<base64>} is the decoded key, else its UTF-8 bytes. */
    public static String sign(String secret, String id, long timestamp, String body) {
        byte[] key = secret.startsWith("whsec_") ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
                : secret.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] hmac = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(hmac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends exactly what it is given: headers left null are left out. */
    public HttpResponse<String> send(String id, long timestamp, String signature, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (id != null) {
            request.header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp));
        }
        if (signature != null) {
            request.header("webhook-signature", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
