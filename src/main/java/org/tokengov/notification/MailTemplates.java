package org.tokengov.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mails from {@code templates/mail/}: each kind has a text template for its content; a shared text layout
 * and a shared HTML layout wrap it with the task link and footer. The HTML layout shows the same content with
 * {@code th:text}, so names, comments and justifications people typed are escaped there.
 *
 * <p>The engine is this class's own: Boot's web view resolver (and its templates) stays untouched.
 */
@Component
class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final NotificationProperties properties;

    MailTemplates(NotificationProperties properties) {
        this.properties = properties;
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 1));
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 2));
    }

    /** A notice written by the step that sends it. */
    RenderedMail notice(String subject, String body, String taskId) {
        return render("notice", subject, Map.of("body", body), taskId);
    }

    /** The generic mail of a new task: who must act, and where. */
    RenderedMail taskWaiting(WaitingTask task) {
        Context context = new Context();
        context.setVariable("taskKey", task.definitionKey());
        context.setVariable("taskName", task.name());
        context.setVariable("dueDate", task.dueDate());
        String subject = "Task_DevelopAndTestInQa".equals(task.definitionKey())
                ? "Your QA API token is ready: " + task.name()
                : "Waiting for you: " + task.name();
        return layout(subject, engine.process("task-waiting.txt", context), task.id());
    }

    private RenderedMail render(String kind, String subject, Map<String, Object> variables, String taskId) {
        Context context = new Context();
        context.setVariables(variables);
        return layout(subject, engine.process(kind + ".txt", context), taskId);
    }

    private RenderedMail layout(String subject, String content, String taskId) {
        Context context = new Context();
        context.setVariable("subject", subject);
        context.setVariable("content", content.strip());
        context.setVariable("paragraphs", paragraphs(content));
        context.setVariable("taskLink", taskId == null ? null : properties.taskLink(taskId));
        context.setVariable("tasklistUrl", properties.tasklistUrl());
        return new RenderedMail(subject, engine.process("layout.txt", context), engine.process("layout.html", context));
    }

    /** Blank lines separate paragraphs; single line breaks stay line breaks. */
    private static List<List<String>> paragraphs(String content) {
        return Arrays.stream(content.strip().split("\\R\\s*\\R"))
                .map(paragraph -> paragraph.strip().lines().map(String::strip).toList())
                .filter(lines -> !lines.isEmpty())
                .toList();
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }
}
