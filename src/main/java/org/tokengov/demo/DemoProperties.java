package org.tokengov.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tokengov.demo.*}. The demo password comes from the embedded default's settings, never from code. */
@ConfigurationProperties("tokengov.demo")
record DemoProperties(boolean enabled, String password) {
}
