package org.tokengov.notification;

/** What the mail of a new task says about it; {@code dueDate} is a day or null. */
record WaitingTask(String id, String definitionKey, String name, String dueDate) {
}
