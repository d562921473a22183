package org.tokengov.dashboard;

import java.util.List;

/**
 * "Tokens on your projects": the projects whose User Rights the viewer manages in REDCap ("PROD 101"), one page of
 * their tokens, or why REDCap could not be asked ({@code unavailable}, then nothing else).
 */
record PiView(List<String> projects, TokenList<PiTokenRow> tokens, String unavailable) {

    static PiView unavailable(String why) {
        return new PiView(List.of(), null, why);
    }
}
