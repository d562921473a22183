package org.tokengov.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokengov.audit.*}: the key of the entries' MACs ({@code TOKENGOV_AUDIT_KEY}), or a file that keeps a key the
 * app generated (the embedded default only); how often the sealer runs; and how long an entry's transaction may at most
 * stay open (after that a regular sealer run no longer looks for it; verification always does).
 */
@ConfigurationProperties("tokengov.audit")
record AuditProperties(
        String key,
        Path keyFile,
        @DefaultValue("PT1M") Duration sealInterval,
        @DefaultValue("PT1H") Duration settleTime) {

    @Override
    public String toString() {
        return "AuditProperties[key=***, keyFile=" + keyFile + ", sealInterval=" + sealInterval + ", settleTime="
                + settleTime + "]";
    }
}
