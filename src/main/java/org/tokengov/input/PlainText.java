package org.tokengov.input;

/**
 * Text that can be a username, an id or a reason: no control characters (Unicode Cc: NUL, escapes, line breaks), no
 * line or paragraph separators and no lone surrogate halves. Such characters forge log lines, cut strings in C-based
 * tools and are refused by PostgreSQL (NUL), so they are refused at the door.
 */
public final class PlainText {

    private PlainText() {
    }

    public static boolean isPlain(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE) {
                return false;
            }
        }
        return true;
    }
}
