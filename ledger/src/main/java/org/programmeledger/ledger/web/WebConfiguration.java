package org.programmeledger.ledger.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebSettings.class)
class WebConfiguration {

    /**
     * A request body is one JSON value: {@code {...}{...}} or {@code {...} garbage} is refused, where Jackson
     * would read the first value and ignore the rest.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer oneJsonValuePerBody() {
        return builder -> builder.featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** A field of the wrong type is named with the body's other bad fields ({@link RequestBodyChecks}). */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer everyWrongTypeNamed() {
        return builder -> builder.postConfigurer(mapper -> mapper.addHandler(new WrongTypes()));
    }

    /** The OpenAPI document served at /v3/api-docs. */
    @Bean
    OpenAPI ledgerApi() {
        return new OpenAPI()
                .info(new Info().title("Programme Ledger API").version("0.1.0").description(
                        "Commands of the secretariat and reads of the ledger. HTTP Basic; every POST says "
                                + "Content-Type: application/json (text/csv for imports), even without a body; send "
                                + "Idempotency-Key to make a retry safe and If-Match with the version you saw to refuse "
                                + "stale writes."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
