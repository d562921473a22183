/**
 * Telling people what happened and what they must do. Messages go out after the process step's
 * transaction commits, so a rolled-back step never mails, and a mail failure never rolls back a step.
 * Messages never contain a token value.
 */
package org.tokengov.notification;
