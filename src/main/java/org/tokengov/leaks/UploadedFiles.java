package org.tokengov.leaks;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads an upload's files into {@link TokenSightings}: a zip's or a tar's (also gzipped) entries by their paths, or the
 * upload itself as one file named {@value #SINGLE}. The kind is told by the content (its magic bytes), not by a header
 * the caller sets. Archives inside the archive are read as bytes, not opened. Everything read counts against
 * {@link LeakScanProperties}: past either limit the scan stops and nothing is reported.
 */
final class UploadedFiles {

    static final String SINGLE = "upload";

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
    private static final byte[] GZIP = {(byte) 0x1f, (byte) 0x8b};
    private static final byte[] TAR = "ustar".getBytes(StandardCharsets.US_ASCII);
    private static final int TAR_MAGIC_AT = 257;

    private final LeakScanProperties limits;
    private long bytesLeft;
    private int filesLeft;

    private UploadedFiles(LeakScanProperties limits) {
        this.limits = limits;
        this.bytesLeft = limits.maxUnpackedSize().toBytes();
        this.filesLeft = limits.maxFiles();
    }

    static TokenSightings read(byte[] upload, LeakScanProperties limits) {
        TokenSightings sightings = new TokenSightings();
        new UploadedFiles(limits).readInto(upload, sightings);
        return sightings;
    }

    private void readInto(byte[] upload, TokenSightings sightings) {
        try {
            if (startsWith(upload, ZIP) || startsWith(upload, EMPTY_ZIP)) {
                readZip(upload, sightings);
            } else if (startsWith(upload, GZIP)) {
                byte[] unpacked = counted(new GZIPInputStream(new ByteArrayInputStream(upload))).readAllBytes();
                bytesLeft += unpacked.length; // counted again as its files are read
                if (isTar(unpacked)) {
                    readTar(unpacked, sightings);
                } else {
                    file(SINGLE, new ByteArrayInputStream(unpacked), sightings);
                }
            } else if (isTar(upload)) {
                readTar(upload, sightings);
            } else {
                file(SINGLE, new ByteArrayInputStream(upload), sightings);
            }
        } catch (IOException e) {
            throw new UnreadableUpload("The upload is a broken archive (" + e.getMessage() + "): send a zip, a tar, a"
                    + " tar.gz, or the text itself.", e);
        }
    }

    /** By its central directory, so that a truncated or broken zip is refused rather than read as empty. */
    private void readZip(byte[] upload, TokenSightings sightings) throws IOException {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(upload)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (!entry.isDirectory()) {
                    try (InputStream content = zip.getInputStream(entry)) {
                        file(entry.getName(), content, sightings);
                    }
                }
            }
        }
    }

    private void readTar(byte[] upload, TokenSightings sightings) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(upload));
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            if (entry.isFile()) {
                file(entry.getName(), tar, sightings);
            }
        }
    }

    private void file(String path, InputStream content, TokenSightings sightings) throws IOException {
        if (--filesLeft < 0) {
            throw new UnreadableUpload("The upload holds more than " + limits.maxFiles() + " files"
                    + " (tokengov.leaks.max-files): scan it in parts.");
        }
        sightings.scan(path, counted(content));
    }

    /** The stream, stopping the scan once everything read together passes the unpacked limit. */
    private InputStream counted(InputStream content) {
        return new FilterInputStream(content) {
            @Override
            public int read() throws IOException {
                int read = super.read();
                if (read >= 0) {
                    spend(1);
                }
                return read;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    spend(read);
                }
                return read;
            }

            @Override
            public void close() {
                // The archive's stream stays open for its next entry.
            }
        };
    }

    private void spend(int bytes) {
        bytesLeft -= bytes;
        if (bytesLeft < 0) {
            throw new UnreadableUpload("The upload unpacks to more than " + limits.maxUnpackedSize().toMegabytes()
                    + " MB (tokengov.leaks.max-unpacked-size): scan it in parts.");
        }
    }

    private static boolean isTar(byte[] bytes) {
        return bytes.length >= TAR_MAGIC_AT + TAR.length
                && Arrays.equals(bytes, TAR_MAGIC_AT, TAR_MAGIC_AT + TAR.length, TAR, 0, TAR.length);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
