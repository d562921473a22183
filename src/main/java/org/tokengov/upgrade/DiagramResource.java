package org.tokengov.upgrade;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;

/** One diagram, decision table or form as a node deploys it: its file name and content. */
record DiagramResource(String name, byte[] content) {

    /**
     * The resources by file name with a digest of their content: two sets of resources are the same diagrams when these
     * are equal, wherever the files were read from (a jar, a directory) and whatever path a deployment named them by.
     */
    static SortedMap<String, String> fingerprint(Collection<DiagramResource> resources) {
        SortedMap<String, String> fingerprint = new TreeMap<>();
        for (DiagramResource resource : resources) {
            fingerprint.put(resource.fileName(), resource.digest());
        }
        return fingerprint;
    }

    String fileName() {
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    private String digest() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
