/**
 * A simulator of REDCap 15.7.6 for demos and tests: its API, the part of its database schema this product touches,
 * and what people do on its pages. It owns two or more simulated REDCap servers ({@code /redcap-sim/{env}/api/}), each
 * on its own database with REDCap's table and column names, plus simulated REDCap pages (the Control Center's token
 * actions, a project's API page and its request button, User Rights, the pages where a holder reads a token), REDCap's
 * rate limiter, and a switch that simulates an outage.
 *
 * <p>It follows {@code shared/redcap/REDCAP-FACTS.md}, read from REDCap's source, and never REDCap's code: status codes,
 * error texts, the rows it writes and where, the log's shape and time zone. Where the sheet is silent the simulator
 * chooses and says so where it does. Nothing else in the application imports this package: the app reaches it only
 * over HTTP and over REDCap's schema, exactly as it reaches a real REDCap. Everything here is switched off unless
 * {@code redcap-sim.enabled=true}, and it is never switched on in production.
 */
package org.tokengov.redcapsim;
