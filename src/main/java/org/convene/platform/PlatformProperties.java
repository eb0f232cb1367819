package org.convene.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module shares.
 *
 * @param baseUrl the address people reach this Convene at, used in links sent by e-mail and printed on the console
 */
@ConfigurationProperties("convene")
public record PlatformProperties(@DefaultValue("http://localhost:8080") String baseUrl) {

    /** An absolute link to a path of this Convene. */
    public String link(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
