/**
 * The identity port: our verbs for people (look-ups, service-account rule, group members). The embedded
 * default implements it over Camunda's identity service; a Keycloak implementation follows.
 * Imports no process package.
 */
package org.tokengov.identity;
