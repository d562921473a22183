package org.tokengov.redcapsim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * REDCap's rate limiter (REDCAP-FACTS.md 5): every request adds a hashed-IP row to {@code redcap_ip_cache}; an IP with
 * more than {@code page_hit_threshold_per_minute} hits in 60 seconds, unless {@code rate_limiter_ip_range} covers it,
 * is banned for good in {@code redcap_ip_banned}, and a banned IP gets 429 from then on. It counts real time, not the
 * simulated clock of a test. The hash function is not in the sheet; the simulator uses SHA-1.
 */
final class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final String server;
    private final JdbcTemplate jdbc;
    private final RedcapConfig config;
    private final SimulatorClock clock;

    RateLimiter(String server, JdbcTemplate jdbc, RedcapConfig config, SimulatorClock clock) {
        this.server = server;
        this.jdbc = jdbc;
        this.config = config;
        this.clock = clock;
    }

    static String bannedMessage(String ip) {
        return "Your IP address (" + ip + ") has been banned due to suspected abuse.";
    }

    /** Counts the hit; false if the IP is banned, already or by this hit (which is refused too: the simulator's choice). */
    boolean admit(String ip) {
        if (isBanned(ip)) {
            return false;
        }
        LocalDateTime now = clock.wallClockNow();
        String hash = hash(ip);
        jdbc.update("INSERT INTO redcap_ip_cache (ip_hash, timestamp) VALUES (?, ?)", hash, Timestamp.valueOf(now));
        // Older hits count no more; REDCap clears them by cron, the simulator as it goes.
        jdbc.update("DELETE FROM redcap_ip_cache WHERE ip_hash = ? AND timestamp < ?", hash,
                Timestamp.valueOf(now.minusMinutes(2)));
        int hits = jdbc.queryForObject("SELECT COUNT(*) FROM redcap_ip_cache WHERE ip_hash = ? AND timestamp > ?",
                Integer.class, hash, Timestamp.valueOf(now.minusSeconds(60)));
        int threshold = config.getInt(RedcapConfig.PAGE_HIT_THRESHOLD_PER_MINUTE);
        if (hits <= threshold || IpRange.parse(config.get(RedcapConfig.RATE_LIMITER_IP_RANGE)).contains(ip)) {
            return true;
        }
        ban(ip, now, hits, threshold);
        return false;
    }

    boolean isBanned(String ip) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM redcap_ip_banned WHERE ip = ?", Integer.class, ip) > 0;
    }

    private void ban(String ip, LocalDateTime now, int hits, int threshold) {
        try {
            jdbc.update("INSERT INTO redcap_ip_banned (ip, time_of_ban) VALUES (?, ?)", ip, Timestamp.valueOf(now));
            // REDCap also mails the administrators; the simulator writes the notice to its log instead.
            log.warn("REDCap simulator '{}': IP address {} banned for good after {} requests in 60 s (threshold {})",
                    server, ip, hits, threshold);
        } catch (DuplicateKeyException alreadyBanned) {
            // Another request of the same burst banned it first.
        }
    }

    private static String hash(String ip) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(ip.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
