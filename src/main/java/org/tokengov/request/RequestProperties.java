package org.tokengov.request;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The request pipeline's own settings ({@code tokengov.request.*}).
 *
 * @param requireQaUse {@code Task_DevelopAndTestInQa} completes only after REDCap logged an API call by the requester
 *        on the QA project since the QA token was issued (read from REDCap's log at that moment)
 */
@Validated
@ConfigurationProperties("tokengov.request")
public record RequestProperties(@NotNull @DefaultValue("true") Boolean requireQaUse) {
}
