package org.tokengov.redcap;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/** 128 bits from {@link SecureRandom}, written as 32 uppercase hex characters. */
@Component
public class SecureRandomTokenValueGenerator implements TokenValueGenerator {

    private final SecureRandom random = new SecureRandom();
    private final HexFormat hex = HexFormat.of().withUpperCase();

    @Override
    public String newTokenValue() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return hex.formatHex(bytes);
    }
}
