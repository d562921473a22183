package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** REDCAP-FACTS.md 1 and 4: whose rights count, and what they allow. */
class RightsTest {

    private static final Rights EXPORT_ONLY = new Rights(0, 0, 1, null, null, null, 0, 1, 0, 0, 0, 0);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

    @Test
    void formRightsReadREDCapsBracketedPairs() {
        assertThat(Rights.formRights("[enrollment,130][followup,128]"))
                .containsExactly(Map.entry("enrollment", 130), Map.entry("followup", 128));
        assertThat(Rights.formRights(null)).isEmpty();
        assertThat(Rights.encodeFormRights(Map.of("enrollment", 1))).isEqualTo("[enrollment,1]");
    }

    @Test
    void exportRightsOfNoAccessEverywhereCloseTheLog() {
        assertThat(rightsWith(null, "[enrollment,0][followup,0]").mayExportData()).isFalse();
        assertThat(rightsWith(null, "[enrollment,0][followup,2]").mayExportData()).isTrue();
        assertThat(rightsWith(0, "[enrollment,1]").mayExportData()).isFalse();
        assertThat(rightsWith(1, null).mayExportData()).isTrue();
        assertThat(rightsWith(null, null).mayExportData()).as("a row naming no forms").isTrue();
    }

    @Test
    void aTokenIsRefusedOnItsExpirationDayButNotTheDayBefore() {
        assertThat(owner(TODAY, false, EXPORT_ONLY).expiredOn(TODAY)).isTrue();
        assertThat(owner(TODAY.plusDays(1), false, EXPORT_ONLY).expiredOn(TODAY)).isFalse();
        assertThat(owner(TODAY.minusDays(1), false, EXPORT_ONLY).expiredOn(TODAY)).isTrue();
        assertThat(owner(null, false, EXPORT_ONLY).expiredOn(TODAY)).isFalse();
    }

    @Test
    void superUsersNeverExpireAndMayDoEverything() {
        TokenOwner ada = owner(TODAY.minusYears(1), true, Rights.NONE);

        assertThat(ada.expiredOn(TODAY)).isFalse();
        assertThat(ada.mayExport()).isTrue();
        assertThat(ada.mayImport()).isTrue();
        assertThat(ada.mayReadUserRights()).isTrue();
        assertThat(ada.mayReadLogging()).isTrue();
        assertThat(ada.mayDeleteRecords()).isTrue();
    }

    @Test
    void mobileAppRequestsGetFullPrivilegesOnlyWithTheMobileAppRight() {
        Rights mobile = new Rights(0, 0, 0, null, null, null, 0, 0, 0, 0, 1, 0);

        TokenOwner app = owner(null, false, mobile).asMobileApp();
        TokenOwner notApp = owner(null, false, EXPORT_ONLY).asMobileApp();

        assertThat(app.mayExport()).isTrue();
        assertThat(app.mayImport()).isTrue();
        assertThat(app.mayReadUserRights()).isTrue();
        assertThat(notApp.mayImport()).isFalse();
        assertThat(notApp.mayReadUserRights()).isFalse();
    }

    @Test
    void logAccessNeedsLoggingAndExportRights() {
        assertThat(owner(null, false, EXPORT_ONLY).mayReadLogging()).isTrue();
        assertThat(owner(null, false, new Rights(0, 0, 0, null, null, null, 0, 1, 0, 0, 0, 0)).mayReadLogging()).isFalse();
        assertThat(owner(null, false, new Rights(0, 0, 1, 0, null, null, 0, 1, 0, 0, 0, 0)).mayReadLogging()).isFalse();
    }

    private static Rights rightsWith(Integer dataExportTool, String dataExportInstruments) {
        return new Rights(0, 0, 1, dataExportTool, dataExportInstruments, null, 0, 1, 0, 0, 0, 0);
    }

    private static TokenOwner owner(LocalDate expiration, boolean superUser, Rights rights) {
        return new TokenOwner(101, "x", expiration, superUser, null, null, rights);
    }
}
