package org.tokengov.redcapsim;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code rate_limiter_ip_range}: addresses the rate limiter leaves alone, given as single addresses or CIDR ranges
 * separated by commas, semicolons or spaces (the exact syntax REDCap accepts is not in the facts sheet).
 */
record IpRange(List<Entry> entries) {

    static IpRange parse(String setting) {
        List<Entry> entries = new ArrayList<>();
        if (setting != null) {
            for (String item : setting.trim().split("[,;\\s]+")) {
                if (!item.isBlank()) {
                    Entry.parse(item.trim()).ifPresent(entries::add);
                }
            }
        }
        return new IpRange(List.copyOf(entries));
    }

    boolean contains(String ip) {
        byte[] address = literal(ip);
        return address != null && entries.stream().anyMatch(entry -> entry.contains(address));
    }

    /** Parses only literal addresses, never a host name (which would mean a DNS look-up). */
    private static byte[] literal(String text) {
        if (text == null || !text.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    record Entry(byte[] network, int prefix) {

        static Optional<Entry> parse(String item) {
            String[] parts = item.split("/", 2);
            byte[] network = literal(parts[0]);
            if (network == null) {
                return Optional.empty();
            }
            int bits = network.length * 8;
            try {
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
                return prefix < 0 || prefix > bits ? Optional.empty()
                        : Optional.of(new Entry(network, prefix));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int drop = network.length * 8 - prefix;
            return new BigInteger(1, address).shiftRight(drop).equals(new BigInteger(1, network).shiftRight(drop));
        }
    }
}
