package org.tokengov.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The request filters that run before anything else reads a request, on every path the app serves (its own API, SCIM,
 * {@code /engine-rest}, Camunda's webapps and their {@code /camunda/api}, the simulator): first the cross-site check
 * (headers only), then the body limit. Both come before authentication, so no anonymous caller gets a large body read.
 */
@Configuration
class RequestGuards {

    /** Right after Spring's character-encoding filter, which must see the request first. */
    private static final int FIRST = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter(WebRequestProperties properties) {
        FilterRegistrationBean<CrossSiteRequestFilter> registration =
                new FilterRegistrationBean<>(new CrossSiteRequestFilter(properties.allowedOrigins()));
        registration.setName("cross-site-request-filter");
        registration.addUrlPatterns("/*");
        registration.setOrder(FIRST);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(WebRequestProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodySize().toBytes(),
                        properties.maxScanUploadSize().toBytes()));
        registration.setName("body-size-limit-filter");
        registration.addUrlPatterns("/*");
        registration.setOrder(FIRST + 1);
        return registration;
    }
}
