package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;

class TokenCsvTest {

    @Test
    void oneRowPerTokenWithWhatTheRegistryHoldsButNeverTheFingerprint() {
        String fingerprint = "ab".repeat(32);
        IssuedToken revoked = new IssuedToken("t-1", "req-1", "alice", RedcapEnvironment.PROD, 101, true, false, true,
                TokenState.REVOKED, Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2027-01-02T03:04:05Z"),
                Instant.parse("2026-05-01T00:00:00Z"), fingerprint, Instant.parse("2026-06-01T00:00:00Z"), "OFFBOARDING", 3L);
        IssuedToken byHand = new IssuedToken("t-2", null, "=cmd|' /C calc'!A0", RedcapEnvironment.QA, 201, true, false, false,
                TokenState.QA_ACTIVE, Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2027-02-01T00:00:00Z"), null, null,
                null, null, 0L);

        String csv = TokenCsv.headerLine() + TokenCsv.line(revoked) + TokenCsv.line(byHand);

        assertThat(csv).isEqualTo(TokenCsv.HEADER + "\r\n"
                + "t-1,alice,PROD,101,REVOKED,true,false,true,2026-01-02T03:04:05Z,2027-01-02T03:04:05Z,2026-05-01T00:00:00Z,"
                + "2026-06-01T00:00:00Z,OFFBOARDING,req-1\r\n"
                + "t-2,'=cmd|' /C calc'!A0,QA,201,QA_ACTIVE,true,false,false,2026-02-01T00:00:00Z,2027-02-01T00:00:00Z,,,,\r\n");
        assertThat(csv).doesNotContain(fingerprint);
    }
}
