package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tokengov.redcapsim.LogFilterTest.request;

import org.junit.jupiter.api.Test;

class ApiRequestTest {

    @Test
    void readsPhpStyleListsInIndexOrder() {
        ApiRequest request = request("users[1]", "bob", "users[0]", "alice", "users[10]", "sam", "users[2]", " ",
                "records[0]", "7", "records[1]", "3");

        assertThat(request.users()).containsExactly("alice", "bob", "sam");
        assertThat(request.list("records")).containsExactly("7", "3");
        assertThat(request.list("fields")).isEmpty();
    }

    @Test
    void listsMayAlsoComeAsOneCommaSeparatedValue() {
        assertThat(request("fields", "record_id, age,,age").list("fields")).containsExactly("record_id", "age");
    }

    @Test
    void keepsTheRawPostForTheLogOfAFailedRequest() {
        ApiRequest request = request("token", "0123456789ABCDEF0123456789ABCDEF", "content", "user", "users[0]", "a b");

        assertThat(request.rawPost()).isEqualTo("token=0123456789ABCDEF0123456789ABCDEF&content=user&users%5B0%5D=a+b");
        assertThat(request.ip()).isEqualTo("192.0.2.10");
        assertThat(request.toString()).doesNotContain("0123456789ABCDEF");
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
    void methodsWithActionsReadThemAndTheRestGoesByTheData() {
        assertThat(ApiAction.of("user", request())).isEqualTo(ApiAction.EXPORT);
        assertThat(ApiAction.of("user", request("data", "[]"))).isEqualTo(ApiAction.IMPORT);
        assertThat(ApiAction.of("user", request("action", "delete", "data", "[]"))).isEqualTo(ApiAction.DELETE);
        assertThat(ApiAction.of("userRole", request("action", "delete"))).isEqualTo(ApiAction.DELETE);
        assertThat(ApiAction.of("userRoleMapping", request("action", "import"))).isEqualTo(ApiAction.IMPORT);
        assertThat(ApiAction.of("record", request("data", "[]"))).isEqualTo(ApiAction.IMPORT);
        assertThat(ApiAction.of("log", request("action", "delete"))).isEqualTo(ApiAction.EXPORT);
        assertThat(ApiAction.of("version", request("data", "x"))).isEqualTo(ApiAction.EXPORT);
        assertThatThrownBy(() -> ApiAction.of("user", request("action", "rename"))).isInstanceOf(ApiError.class);
    }

    @Test
    void flagsAreTrueOrOne() {
        assertThat(request("mobile_app", "1").flag("mobile_app")).isTrue();
        assertThat(request("mobile_app", "true").flag("mobile_app")).isTrue();
        assertThat(request("mobile_app", "0").flag("mobile_app")).isFalse();
        assertThat(request().flag("mobile_app")).isFalse();
    }
}
