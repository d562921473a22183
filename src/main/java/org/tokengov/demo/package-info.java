/**
 * Demo data of the embedded default ({@code tokengov.demo.enabled=true}, never in {@code production}): users and
 * groups, so a newcomer can walk the pipeline by hand. What the groups may do ({@code engineaccess}) and their
 * Tasklist filters ({@code tasklist}) come in every profile.
 */
package org.tokengov.demo;
