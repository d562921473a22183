package org.tokengov.engineaccess;

import ch.qos.logback.classic.LoggerContext;
import jakarta.annotation.PostConstruct;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    /**
     * Registered before Camunda's webapp initializer runs (highest precedence), so Camunda finds the name taken and
     * keeps this one: the same Jersey application, plus our exception mappers.
     */
    @Bean
    ServletRegistrationBean<ServletContainer> webappEngineApi(CamundaBpmProperties camunda) {
        ServletRegistrationBean<ServletContainer> registration = new ServletRegistrationBean<>(new ServletContainer(),
                camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        registration.setName(WEBAPP_ENGINE_API);
        registration.addInitParameter("jakarta.ws.rs.Application", WebappEngineApi.class.getName());
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
        registration.setName("engine-access");
        registration.addServletNames(WEBAPP_ENGINE_API, ClassUtils.getUserClass(engineRest.getClass()).getName());
        return registration;
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
