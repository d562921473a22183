package org.tokengov.redcapsim;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the simulator's settings; its beans are the components of this package. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedcapSimulator
@EnableConfigurationProperties(RedcapSimProperties.class)
class RedcapSimulatorConfiguration {
}
