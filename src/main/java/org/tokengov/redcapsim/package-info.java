/**
 * A simulator of REDCap's API and of the part of REDCap's database schema this product touches, for
 * demos and tests (REDCap itself is closed source). It owns two or more simulated REDCap servers
 * ({@code /redcap-sim/{env}/api/}), each on its own database, plus simulator-only pages: the token a
 * user would read on REDCap's API page, and a switch that simulates an outage.
 *
 * <p>It follows REDCap's behaviour where REDCap's is known: status codes, error texts, log events.
 * Nothing else in the application imports this package: the app reaches it only over HTTP and over
 * REDCap's schema, exactly as it reaches a real REDCap. Everything here is switched off unless
 * {@code redcap-sim.enabled=true}, and it is never switched on in production.
 */
package org.tokengov.redcapsim;
