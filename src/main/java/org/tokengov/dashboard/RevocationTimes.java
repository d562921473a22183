package org.tokengov.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.tokengov.offboarding.OffboardingReports.Report;

/**
 * How long offboardings took from receipt to the last revocation, in bands an administrator reads at a glance, plus
 * those still pending. Offboardings of people who held no token have no such time and are left out.
 */
final class RevocationTimes {

    private record Band(String label, long upToSeconds) {
    }

    private static final List<Band> BANDS = List.of(
            new Band("< 1 min", 60),
            new Band("1-5 min", 5 * 60),
            new Band("5-15 min", 15 * 60),
            new Band("15-60 min", 60 * 60),
            new Band("1-4 h", 4 * 3600),
            new Band("4-24 h", 24 * 3600),
            new Band("> 1 day", Long.MAX_VALUE));

    static final String PENDING = "pending";

    private RevocationTimes() {
    }

    static List<Bar> distribution(List<Report> reports) {
        long[] counts = new long[BANDS.size()];
        long pending = 0;
        for (Report report : reports) {
            if (report.revocations().isEmpty()) {
                continue;
            }
            Long seconds = report.secondsToFullRevocation();
            if (seconds == null) {
                pending++;
            } else {
                counts[band(seconds)]++;
            }
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < BANDS.size(); i++) {
            bars.add(new Bar(BANDS.get(i).label(), counts[i]));
        }
        bars.add(new Bar(PENDING, pending));
        return bars;
    }

    private static int band(long seconds) {
        for (int i = 0; i < BANDS.size(); i++) {
            if (seconds < BANDS.get(i).upToSeconds()) {
                return i;
            }
        }
        return BANDS.size() - 1;
    }
}
