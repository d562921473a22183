/**
 * Who may reach which URL, in front of Camunda's own authentication. Without the {@code keycloak} profile Spring
 * Security steps aside and Camunda authenticates as before (its webapp login, HTTP Basic on {@code /engine-rest}).
 * With it, people log in to the Camunda webapps and the app's pages through Keycloak (OIDC), the webapps are told
 * who logged in, and Camunda's logout button ends the Spring and the Keycloak session; machine endpoints
 * ({@code /engine-rest}, the REDCap simulator) keep their own authentication, and {@code /actuator} stays open to
 * probes and Prometheus.
 */
package org.tokengov.web.security;
