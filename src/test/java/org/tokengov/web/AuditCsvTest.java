package org.tokengov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditEntry;

class AuditCsvTest {

    @Test
    void aHeaderRowThenOneCrlfTerminatedRowPerEntryWithEmptyFieldsForNulls() {
        String csv = AuditCsv.of(List.of(
                new AuditEntry(7, Instant.parse("2026-03-10T12:00:00Z"), "ada", AuditAction.TOKEN_REVOKED, null, "t-1", "Revoked"),
                new AuditEntry(8, Instant.parse("2026-03-10T12:00:01Z"), "system", AuditAction.REMINDER_SENT, "r-1", null, null)));

        assertThat(csv).isEqualTo("id,occurredAt,actor,action,requestId,tokenId,details\r\n"
                + "7,2026-03-10T12:00:00Z,ada,TOKEN_REVOKED,,t-1,Revoked\r\n"
                + "8,2026-03-10T12:00:01Z,system,REMINDER_SENT,r-1,,\r\n");
    }

    @Test
    void noEntriesIsTheHeaderAlone() {
        assertThat(AuditCsv.of(List.of())).isEqualTo(AuditCsv.HEADER + "\r\n");
    }
}
