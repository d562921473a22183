package org.tokengov.request;

import java.net.URI;
import java.util.Locale;

/**
 * Links to the code under review, for a form's text view, which renders Markdown: the repository as given, and its
 * commit on the forge ({@code <repository>/commit/<hash>}: GitHub, GitLab, Gitea and Forgejo all serve it). Only an
 * https link that parses as a URI becomes a link, with the characters Markdown gives a meaning percent-encoded, so
 * that what a requester typed can never become markup; otherwise both are empty and the form shows the plain text only.
 */
record CodeLinks(String repository, String commit) {

    static final CodeLinks NONE = new CodeLinks("", "");

    static CodeLinks of(String repositoryUrl, String commitHash) {
        if (repositoryUrl == null || commitHash == null || !commitHash.matches("[0-9a-fA-F]{7,40}")) {
            return NONE;
        }
        String repository = repositoryUrl.strip();
        try {
            URI uri = new URI(repository);
            if (!"https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
                return NONE;
            }
        } catch (Exception notALink) {
            return NONE;
        }
        String safe = markdownSafe(repository);
        String base = safe.replaceAll("/+$", "").replaceAll("\\.git$", "");
        return new CodeLinks(safe, base + "/commit/" + commitHash.toLowerCase(Locale.ROOT));
    }

    private static String markdownSafe(String url) {
        StringBuilder safe = new StringBuilder();
        for (byte b : url.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ("()[]<>\"'`*_{}|\\ ".indexOf(c) >= 0 || c < 0x21 || c > 0x7e) {
                safe.append(String.format("%%%02X", c));
            } else {
                safe.append((char) c);
            }
        }
        return safe.toString();
    }
}
