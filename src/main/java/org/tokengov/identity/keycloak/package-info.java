/**
 * The identity port over a real Keycloak ({@code keycloak} profile): people, groups and entitlements through
 * keycloak-admin-client with the app's own confidential client (client-credentials grant).
 */
package org.tokengov.identity.keycloak;
