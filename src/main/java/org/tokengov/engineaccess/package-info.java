/**
 * What people may do to the engine, whichever way they reach it: Camunda's REST API ({@code /engine-rest}), the
 * webapps' engine API that Tasklist calls ({@code /camunda/api/engine}) and the Java API run as a person. Owns the
 * allow-list filter in front of both HTTP APIs, the command guard inside the engine behind it (the backstop for
 * whatever reaches the engine another way), the reading of deployed forms' writable fields that both check
 * submissions against, the authorizations the product grants at start-up, and how refusals are answered (4xx with
 * one plain sentence) and logged (one line, no stack trace). Camunda administrators pass unrestricted, except that
 * nobody delegates a step of a process. Imports no process package.
 */
package org.tokengov.engineaccess;
