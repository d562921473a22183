package org.tokengov.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The secret key of the audit entries' MACs. Configured ({@code TOKENGOV_AUDIT_KEY}, at least 32 characters), or, only
 * where a key file is configured (the embedded default), generated once and kept in that file. Without either the app
 * does not start: entries without a MAC would be indistinguishable from rows written outside the app. Never logged.
 */
@Component
class AuditKey {

    static final int MIN_LENGTH = 32;

    private final byte[] bytes;

    AuditKey(AuditProperties properties) {
        this.bytes = resolve(properties.key(), properties.keyFile()).getBytes(StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    private static String resolve(String configured, Path keyFile) {
        if (configured != null && !configured.isBlank()) {
            return checked(configured.trim(), "TOKENGOV_AUDIT_KEY (tokengov.audit.key)");
        }
        if (keyFile != null) {
            return checked(readOrCreate(keyFile), "the audit key file " + keyFile);
        }
        throw new IllegalStateException("No audit key: set TOKENGOV_AUDIT_KEY (tokengov.audit.key) to a secret of at least "
                + MIN_LENGTH + " characters, e.g. the output of `openssl rand -base64 48`, and keep it outside the database.");
    }

    private static String checked(String key, String source) {
        if (key.length() < MIN_LENGTH) {
            throw new IllegalStateException("The audit key from " + source + " is shorter than " + MIN_LENGTH + " characters.");
        }
        return key;
    }

    private static String readOrCreate(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                write(keyFile, Base64.getEncoder().encodeToString(random));
            }
            return Files.readString(keyFile, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit key file " + keyFile, e);
        }
    }

    /** Created readable by the app's user only, where the file system knows permissions; a file another start made wins. */
    private static void write(Path keyFile, String key) throws IOException {
        Path directory = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        try {
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(keyFile);
            }
            Files.writeString(keyFile, key, StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            // Another start of the app created it meanwhile: its key is the one.
        }
    }
}
