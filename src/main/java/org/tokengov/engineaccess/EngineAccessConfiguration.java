package org.tokengov.engineaccess;

import ch.qos.logback.classic.LoggerContext;
import jakarta.annotation.PostConstruct;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Wires the engine access checks into the web layer: the webapps' engine API with our refusal mapping, the
 * allow-list filter on both engine APIs, and the log filter that keeps refusals out of the error log.
 */
@Configuration
class EngineAccessConfiguration {

    /** The name Camunda gives the webapps' engine API servlet; Camunda registers its own only if the name is free. */
    static final String WEBAPP_ENGINE_API = "Engine Api";
    private static final String FILTER = "engine-access";
    private static final String APPLICATION = "jakarta.ws.rs.Application";

    /**
     * Registered before Camunda's webapp initializer runs (highest precedence), so Camunda finds the name taken and
     * keeps this one: the same Jersey application, plus our exception mappers.
     */
    @Bean
    ServletRegistrationBean<ServletContainer> webappEngineApi(CamundaBpmProperties camunda) {
        ServletRegistrationBean<ServletContainer> registration = new ServletRegistrationBean<>(new ServletContainer(),
                camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        registration.setName(WEBAPP_ENGINE_API);
        registration.addInitParameter(APPLICATION, WebappEngineApi.class.getName());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Mapped by servlet name (the webapps' engine API, and the Jersey servlet of {@code /engine-rest}, which Spring
     * Boot names after its resource configuration): the Servlet specification runs such filters after every
     * URL-mapped one, so Camunda's authentication filters have run first whatever their order.
     */
    @Bean
    FilterRegistrationBean<EngineAccessFilter> engineAccessFilter(ResourceConfig engineRest,
            ObjectProvider<ProcessEngineConfigurationImpl> engine) {
        FilterRegistrationBean<EngineAccessFilter> registration = new FilterRegistrationBean<>(new EngineAccessFilter(engine));
        registration.setName(FILTER);
        registration.addServletNames(WEBAPP_ENGINE_API, engineRestServlet(engineRest));
        return registration;
    }

    /**
     * A filter mapped to a servlet name that is not there would guard nothing, silently: the app does not start
     * unless both engine APIs are servlets of those names behind the filter, the webapps' one ours.
     */
    @EventListener(ApplicationReadyEvent.class)
    void bothEngineApisAreBehindTheFilter(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof ServletWebServerApplicationContext web) || web.getServletContext() == null) {
            return; // no servlet container of its own (e.g. a test with a mock one): nothing to guard
        }
        ServletContext servlets = web.getServletContext();
        FilterRegistration filter = servlets.getFilterRegistration(FILTER);
        for (String servlet : List.of(WEBAPP_ENGINE_API, engineRestServlet(web.getBean(ResourceConfig.class)))) {
            if (servlets.getServletRegistration(servlet) == null || filter == null
                    || !filter.getServletNameMappings().contains(servlet)) {
                throw new IllegalStateException("The engine API servlet '" + servlet + "' is not behind the engine access filter");
            }
        }
        if (!WebappEngineApi.class.getName().equals(servlets.getServletRegistration(WEBAPP_ENGINE_API).getInitParameter(APPLICATION))) {
            throw new IllegalStateException("Camunda registered its own webapps' engine API, without the refusal mapping");
        }
    }

    /** Spring Boot names the Jersey servlet after the resource configuration's class. */
    private static String engineRestServlet(ResourceConfig engineRest) {
        return ClassUtils.getUserClass(engineRest.getClass()).getName();
    }

    @PostConstruct
    void keepRefusalsOutOfTheErrorLog() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
                && logback.getTurboFilterList().stream().noneMatch(RefusalLogFilter.class::isInstance)) {
            RefusalLogFilter filter = new RefusalLogFilter();
            filter.start();
            logback.addTurboFilter(filter);
        }
    }
}
