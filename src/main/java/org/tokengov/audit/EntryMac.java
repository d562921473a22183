package org.tokengov.audit;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/** HmacSHA256 of an entry's canonical content under the audit key: only the app can write an entry that verifies. */
@Component
class EntryMac {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    EntryMac(AuditKey key) {
        this.key = new SecretKeySpec(key.bytes(), ALGORITHM);
    }

    /** Lower-case hex, 64 characters. */
    String of(EntryContent content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(content.canonical()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Whether {@code stored} is the MAC of {@code content}; compared in constant time. */
    boolean verifies(EntryContent content, String stored) {
        return stored != null && MessageDigest.isEqual(of(content).getBytes(), stored.trim().getBytes());
    }
}
