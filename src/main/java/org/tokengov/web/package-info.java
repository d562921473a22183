/**
 * HTTP concerns of the app itself: authentication of Camunda's REST API and the app's API (what callers may then do
 * to the engine is {@code engineaccess}'s), the token API (registry and reports about a token) and the evidence for
 * auditors (audit export, offboarding reports).
 */
package org.tokengov.web;
