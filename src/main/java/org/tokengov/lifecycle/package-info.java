/**
 * The token lifecycle ({@code TokenLifecycleProcess}, one instance per issued token, business key = token id):
 * the renewal notice before expiry, reminders, extension or expiry, revocation on request, and regeneration of a
 * compromised token. Revocation removes the token from REDCap (database mode) or its API rights (manual mode).
 */
package org.tokengov.lifecycle;
