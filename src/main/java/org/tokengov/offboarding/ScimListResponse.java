package org.tokengov.offboarding;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.function.Function;

/** A page of query results (RFC 7644 §3.4.2). */
record ScimListResponse<T>(List<String> schemas, int totalResults, int itemsPerPage, int startIndex,
        @JsonProperty("Resources") List<T> resources) {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    ScimListResponse(int totalResults, int startIndex, List<T> resources) {
        this(List.of(SCHEMA), totalResults, resources.size(), startIndex, resources);
    }

    <R> ScimListResponse<R> map(Function<T, R> each) {
        return new ScimListResponse<>(schemas, totalResults, itemsPerPage, startIndex, resources.stream().map(each).toList());
    }

    static <T> ScimListResponse<T> of(List<T> resources) {
        return new ScimListResponse<>(resources.size(), 1, resources);
    }
}
