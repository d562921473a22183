package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcapsim.LogFilterTest.request;

import org.junit.jupiter.api.Test;

class ApiRequestTest {

    @Test
    void readsPhpStyleUserListsInIndexOrder() {
        ApiRequest request = request("users[1]", "bob", "users[0]", "alice", "users[10]", "sam", "users[2]", " ");

        assertThat(request.users()).containsExactly("alice", "bob", "sam");
    }

    @Test
    void formatsDefaultToXmlAndErrorsFollowTheFormat() {
        assertThat(request().format()).isEqualTo(Format.XML);
        assertThat(request("format", "json").returnFormat()).isEqualTo(Format.JSON);
        assertThat(request("format", "json", "returnFormat", "csv").returnFormat()).isEqualTo(Format.CSV);
        assertThat(request("format", "odm").format()).isEqualTo(Format.XML);
    }

    @Test
    void tellsAnImportByTheDataParameterBeingSent() {
        assertThat(request("data", "").data()).contains("");
        assertThat(request().data()).isEmpty();
    }

    @Test
    void userContentDefaultsToExportAndTurnsIntoImportWithData() {
        assertThat(ApiAction.of("user", request())).isEqualTo(ApiAction.EXPORT);
        assertThat(ApiAction.of("user", request("data", "[]"))).isEqualTo(ApiAction.IMPORT);
        assertThat(ApiAction.of("user", request("action", "delete", "data", "[]"))).isEqualTo(ApiAction.DELETE);
        assertThat(ApiAction.of("log", request())).isEqualTo(ApiAction.EXPORT);
        assertThat(ApiAction.of("version", request("data", "x"))).isEqualTo(ApiAction.EXPORT);
    }
}
