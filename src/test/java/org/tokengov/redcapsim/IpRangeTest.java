package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** REDCAP-FACTS.md 5: addresses in rate_limiter_ip_range are never banned. */
class IpRangeTest {

    @Test
    void matchesSingleAddressesAndCidrRanges() {
        IpRange range = IpRange.parse("10.1.2.3, 192.168.0.0/16; 2001:db8::/32");

        assertThat(range.contains("10.1.2.3")).isTrue();
        assertThat(range.contains("10.1.2.4")).isFalse();
        assertThat(range.contains("192.168.77.1")).isTrue();
        assertThat(range.contains("192.169.0.1")).isFalse();
        assertThat(range.contains("2001:db8::1")).isTrue();
        assertThat(range.contains("2001:db9::1")).isFalse();
    }

    @Test
    void anEmptySettingCoversNothingAndHostNamesAreNeverLookedUp() {
        assertThat(IpRange.parse("").contains("127.0.0.1")).isFalse();
        assertThat(IpRange.parse(null).contains("127.0.0.1")).isFalse();
        assertThat(IpRange.parse("localhost").contains("127.0.0.1")).isFalse();
        assertThat(IpRange.parse("127.0.0.1").contains("localhost")).isFalse();
        assertThat(IpRange.parse("10.0.0.0/40, 10.0.0.0/x").entries()).isEmpty();
    }
}
