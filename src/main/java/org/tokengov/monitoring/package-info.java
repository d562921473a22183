/**
 * Monitoring: Actuator health and Prometheus metrics, for operators and Kubernetes.
 *
 * <p>Health ({@code /actuator/health}): {@code db} (Boot's, the app's PostgreSQL), {@code redcap} with one component
 * per environment (a cached {@code content=version} call), {@code mail} (Boot's, when {@code spring.mail.host} is set).
 * The Kubernetes groups leave REDCap and mail out on purpose: {@code liveness} is the app's own state only, and
 * {@code readiness} adds the database, without which no replica can do anything; a REDCap outage becomes retries
 * and incidents, and must not take the app (Tasklist, the HR webhook) off the network.
 *
 * <p>Metrics, as Prometheus names them:
 * <ul>
 *   <li>{@code tokengov_tokens{environment,state}}: tokens in the registry (gauge);</li>
 *   <li>{@code tokengov_token_requests_open}: token requests not yet closed (gauge);</li>
 *   <li>{@code tokengov_incidents_open}: Camunda incidents (gauge);</li>
 *   <li>{@code tokengov_offboarding_time_to_revoke_seconds}: from an offboarding event's receipt to its last
 *       confirmed revocation (histogram);</li>
 *   <li>{@code tokengov_redcap_calls_total{environment,content,outcome}} and
 *       {@code tokengov_redcap_database_writes_total{environment,operation,outcome}}, counted where the calls are
 *       made, in the {@code redcap} package.</li>
 * </ul>
 * Gauges read the database at most once per {@code tokengov.monitoring.metrics-cache-for}, whatever the scrape rate.
 * They count the shared database, so every replica reports the same figures: aggregate them with {@code max}, not
 * {@code sum}. No tag or health detail ever holds a token, a username or a password.
 */
package org.tokengov.monitoring;
