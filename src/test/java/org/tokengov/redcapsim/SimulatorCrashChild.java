package org.tokengov.redcapsim;

import java.time.ZoneId;
import java.util.Map;

/**
 * The JVM {@link SimulatorCrashSafetyIT} kills: starts the simulator's PROD server on the given H2 file, has an
 * administrator make alice a token and, once that is surely on disk, delete it again, says so, and waits to be killed.
 * It never prints a token.
 */
final class SimulatorCrashChild {

    static final String REVOKED = "REVOKED";
    static final String STEWARD_TOKEN = "FEDCBA9876543210FEDCBA9876543210";

    private SimulatorCrashChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        String url = args[0];
        RedcapServer server = RedcapServer.start("prod",
                new RedcapSimProperties.Environment(url, "sa", "", true, Map.of(101, STEWARD_TOKEN), null),
                new SimulatorClock(ZoneId.of("America/New_York")));
        ControlCenterTokens controlCenter = new ControlCenterTokens(new SimulatorClock(ZoneId.of("America/New_York")));
        PageContext page = new PageContext(server, "127.0.0.1", "http://localhost/redcap-sim/prod/");
        controlCenter.create(page, "ada", "alice", 101);
        // Longer than any write delay H2 has: the token is on disk whatever the URL says.
        Thread.sleep(3000);
        controlCenter.delete(page, "ada", "alice", 101);
        System.out.println(REVOKED);
        System.out.flush();
        Thread.sleep(120_000);
    }
}
