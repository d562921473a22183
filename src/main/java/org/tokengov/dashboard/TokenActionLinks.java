package org.tokengov.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.TokenState;
import org.tokengov.tokenreport.TokenReportService;

/** The reports the token table offers the viewer on each of its rows, by token id: only what they may report. */
@Component
class TokenActionLinks {

    private final TokenReportService reports;

    TokenActionLinks(TokenReportService reports) {
        this.reports = reports;
    }

    Map<String, List<TokenAction>> of(Viewer viewer, List<TokenRow> rows) {
        Map<String, List<TokenAction>> links = new LinkedHashMap<>();
        for (TokenRow row : rows) {
            links.put(row.id(), reports.offered(TokenActionPageController.reporter(viewer), row.holder(),
                    TokenState.valueOf(row.stateName()), RedcapEnvironment.valueOf(row.environment()), row.projectId())
                    .stream().map(TokenAction::of).toList());
        }
        return links;
    }
}
