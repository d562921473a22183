package org.tokengov.redcapsim;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Every bean of the simulator carries this, so that nothing of it exists unless switched on. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(prefix = "redcap-sim", name = "enabled", havingValue = "true")
@interface ConditionalOnRedcapSimulator {
}
