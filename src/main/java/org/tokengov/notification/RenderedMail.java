package org.tokengov.notification;

/** A mail ready to queue: its subject and the same content as plain text and as HTML. */
record RenderedMail(String subject, String text, String html) {
}
