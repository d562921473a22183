/**
 * Demo data of the embedded default ({@code tokengov.demo.enabled=true}, never in {@code production}):
 * users, groups, authorizations and Tasklist filters, so a newcomer can walk the pipeline by hand.
 */
package org.tokengov.demo;
