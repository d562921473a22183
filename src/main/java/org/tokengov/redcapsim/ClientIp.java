package org.tokengov.redcapsim;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address as REDCap takes it: from X-Forwarded-For when present, else the connection's (REDCAP-FACTS.md
 * 2). Where a proxy chain lists several, the first, the client's own, counts. Any caller can set the header; REDCap
 * trusts it anyway, and so does its rate limiter.
 */
final class ClientIp {

    /** {@code redcap_log_event.ip} and {@code redcap_ip_banned.ip} are varchar(100). */
    private static final int LONGEST = 100;

    private ClientIp() {
    }

    static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String ip = forwarded == null || forwarded.isBlank() ? request.getRemoteAddr() : forwarded.split(",")[0].trim();
        return ip.length() > LONGEST ? ip.substring(0, LONGEST) : ip;
    }
}
