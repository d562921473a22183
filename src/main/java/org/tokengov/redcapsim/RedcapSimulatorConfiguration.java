package org.tokengov.redcapsim;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the simulator's settings and puts its rate limiter in front of its paths; its other beans are components. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedcapSimulator
@EnableConfigurationProperties(RedcapSimProperties.class)
class RedcapSimulatorConfiguration {

    @Bean
    FilterRegistrationBean<RateLimitFilter> redcapSimulatorRateLimit(RedcapServers servers) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(servers));
        registration.addUrlPatterns(RateLimitFilter.PATHS);
        return registration;
    }
}
