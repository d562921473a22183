package org.tokengov.engineaccess;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what a Camunda command was asked to do from its protected fields ({@code taskId}, {@code variables}, ...).
 * Camunda offers no getters on its commands; the field names are those of Camunda 7.24, which the project pins, and
 * {@code CommandFieldsTest} reads each one from the real classes. A field that is gone is an error, so that the guard
 * refuses rather than guesses.
 */
final class CommandFields {

    private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

    private CommandFields() {
    }

    static <T> T read(Object command, String name, Class<T> type) {
        Field field = FIELDS.computeIfAbsent(command.getClass().getName() + "#" + name, key -> find(command.getClass(), name));
        try {
            return type.cast(field.get(command));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
        }
    }

    private static Field find(Class<?> type, String name) {
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            try {
                Field field = declaring.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException notHere) {
                // a superclass may declare it
            }
        }
        throw new IllegalStateException(type.getName() + " has no field " + name + " (a Camunda version other than 7.24?)");
    }
}
