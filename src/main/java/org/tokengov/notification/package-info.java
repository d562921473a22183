/**
 * Telling people what happened and what they must do, by mail. Every mail is a row of the outbox table, written in
 * the transaction of the process step that causes it: a rolled-back step leaves no mail, a committed one never loses
 * its mail, and a mail server outage never rolls back a step (a dispatcher sends the rows later and retries).
 * Every new user task mails the people it waits for with its Tasklist link, unless a notice of the same step already
 * goes to them. Every mail's wording is a template in {@code templates/mail/notices/}, one per {@link
 * org.tokengov.notification.MailKind}; code sends a kind and plain values, never text. Messages never contain a token
 * value.
 */
package org.tokengov.notification;
