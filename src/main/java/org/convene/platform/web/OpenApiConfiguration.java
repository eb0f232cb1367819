package org.convene.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title of the OpenAPI document and how the API authenticates (personal API tokens as Bearer tokens). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI conveneOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Convene API").version("v1")
                        .description("Read endpoints are public. Writing needs a personal API token of a staff account "
                                + "(create one at /account/tokens), sent as `Authorization: Bearer <token>`. "
                                + "Errors are RFC 9457 problem documents."))
                .components(new Components().addSecuritySchemes("personalToken",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("personalToken"));
    }
}
