package org.tokengov.engineaccess;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;

/**
 * Every endpoint of Camunda's REST API, read from the JAX-RS annotations of its resources (sub-resources
 * included), as "METHOD /path/{param}": the list the allow-list is tested against, so that an endpoint nobody
 * thought of is refused too.
 */
final class CamundaRestEndpoints {

    record Endpoint(String method, String template) {

        /** The path with each parameter filled in, the engine's name as {@code default}. */
        String examplePath() {
            return template.replace("{name}", "default").replaceAll("\\{[^}]+}", "x1");
        }

        /** The template without the named-engine prefix. */
        String unnamed() {
            return template.startsWith("/engine/{name}") ? template.substring("/engine/{name}".length()) : template;
        }
    }

    private CamundaRestEndpoints() {
    }

    static List<Endpoint> all() {
        Set<String> found = new TreeSet<>();
        for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
            walk(resource, path(resource), 0, found);
        }
        return found.stream().map(line -> line.split(" ", 2)).map(parts -> new Endpoint(parts[0], parts[1])).toList();
    }

    private static void walk(Class<?> type, String base, int depth, Set<String> found) {
        if (depth > 8) {
            return;
        }
        for (Method method : methodsOf(type)) {
            String path = join(base, path(method));
            String http = httpMethod(method);
            if (http != null) {
                found.add(http + " " + path);
            } else if (method.isAnnotationPresent(Path.class)) {
                walk(method.getReturnType(), path, depth + 1, found);
            }
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Declared methods of the type, its superclasses and interfaces (JAX-RS annotations sit on the interfaces). */
    private static List<Method> methodsOf(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        Deque<Class<?>> types = new ArrayDeque<>(List.of(type));
        while (!types.isEmpty()) {
            Class<?> next = types.poll();
            if (next == Object.class) {
                continue;
            }
            methods.addAll(Arrays.asList(next.getDeclaredMethods()));
            if (next.getSuperclass() != null) {
                types.add(next.getSuperclass());
            }
            types.addAll(Arrays.asList(next.getInterfaces()));
        }
        return methods;
    }

    private static String path(AnnotatedElement element) {
        Path path = element.getAnnotation(Path.class);
        return path == null ? "" : path.value();
    }

    private static String join(String base, String path) {
        String joined = (base + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
