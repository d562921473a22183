package org.tokengov.redcapsim;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Predicate;

/**
 * New token values in REDCap's formats (REDCAP-FACTS.md 3): a project token is 32 uppercase hex characters (REDCap's
 * uppercase md5), a super token 64 (uppercase sha256). Random bytes have the same shape; unused values only.
 */
final class TokenValues {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat UPPERCASE_HEX = HexFormat.of().withUpperCase();

    private TokenValues() {
    }

    static String newProjectToken(Predicate<String> taken) {
        return unused(16, taken);
    }

    static String newSuperToken(Predicate<String> taken) {
        return unused(32, taken);
    }

    private static String unused(int bytes, Predicate<String> taken) {
        byte[] value = new byte[bytes];
        while (true) {
            RANDOM.nextBytes(value);
            String token = UPPERCASE_HEX.formatHex(value);
            if (!taken.test(token)) {
                return token;
            }
        }
    }
}
