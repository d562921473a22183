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
 * Renders mails from {@code templates/mail/}: each {@link MailKind} has a text template in {@code notices/}: a comment
 * naming its values, a {@code Subject: ...} line, then the content (see {@code notices/README.md}); a shared text
 * layout and a shared HTML layout wrap the content with the task link and footer. The HTML layout shows the same
 * content with {@code th:text}, so names, comments and justifications people typed are escaped there.
 *
 * <p>The engine is this class's own: Boot's web view resolver (and its templates) stays untouched. It is strict: a
 * template that names a value its model lacks fails (see {@link StrictEngineContextFactory}), and the application
 * does not start when a kind's template file is missing.
 */
@Component
class MailTemplates {

    static final String ROOT = "templates/mail/";
    private static final String SUBJECT = "Subject:";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final NotificationProperties properties;

    MailTemplates(NotificationProperties properties) {
        this.properties = properties;
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 1));
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 2));
        engine.setEngineContextFactory(new StrictEngineContextFactory());
        for (MailKind kind : MailKind.values()) {
            if (MailTemplates.class.getClassLoader().getResource(ROOT + kind.template()) == null) {
                throw new IllegalStateException("No mail template " + ROOT + kind.template() + " for " + kind);
            }
        }
    }

    /** A notice: its kind's template with the notice's model, linked to {@code taskId} when set. */
    RenderedMail render(MailKind kind, Map<String, Object> model, String taskId) {
        return render(kind, model, taskId, null);
    }

    /** As {@link #render(MailKind, Map, String)}; the subject ends with {@code requestNumber} when set. */
    RenderedMail render(MailKind kind, Map<String, Object> model, String taskId, String requestNumber) {
        Context context = new Context();
        context.setVariables(kind.check(model));
        String rendered = engine.process(kind.template(), context).stripLeading();
        int endOfLine = rendered.indexOf('\n');
        String first = endOfLine < 0 ? rendered : rendered.substring(0, endOfLine);
        if (!first.startsWith(SUBJECT)) {
            throw new IllegalStateException("Mail template " + kind.template() + " must start with a '" + SUBJECT
                    + " ...' line, not: " + first);
        }
        String subject = first.substring(SUBJECT.length()).strip();
        if (subject.isEmpty()) {
            throw new IllegalStateException("Mail template " + kind.template() + " renders an empty subject");
        }
        if (requestNumber != null && !requestNumber.isBlank() && !subject.contains(requestNumber)) {
            subject = subject + " [" + requestNumber + "]";
        }
        return layout(subject, endOfLine < 0 ? "" : rendered.substring(endOfLine + 1), taskId);
    }

    /** The generic mail of a new task: who must act, and where. */
    RenderedMail taskWaiting(WaitingTask task) {
        return render(MailKind.TASK_WAITING, Map.of("taskKey", task.definitionKey(), "taskName", task.name(),
                "dueDate", task.dueDate() == null ? "" : task.dueDate()), task.id());
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
