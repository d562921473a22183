package org.tokengov.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A seal's hash: SHA-256 over the previous seal's hash, this seal's number, the entry's id, its MAC (or the legacy
 * marker) and its canonical content. Keyless on purpose: anyone holding an anchored head can check the chain's links.
 */
final class SealHash {

    /** The "previous hash" of the first seal. */
    static final String GENESIS = "0".repeat(64);

    private SealHash() {
    }

    /** {@code entryMac} null: a legacy entry, sealed on its content alone. */
    static String of(String previousHash, long sealSeq, long entryId, String entryMac, EntryContent content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("tokengov-audit-seal-v1");
            out.write(HexFormat.of().parseHex(previousHash.trim()));
            out.writeLong(sealSeq);
            out.writeLong(entryId);
            if (entryMac == null) {
                out.writeUTF("LEGACY");
            } else {
                out.writeUTF("MAC");
                out.write(HexFormat.of().parseHex(entryMac.trim()));
            }
            out.write(content.canonical());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
