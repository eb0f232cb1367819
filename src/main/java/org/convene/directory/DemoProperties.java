package org.convene.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo network switch.
 *
 * @param enabled load the fictional demo network (and a demo admin) into an empty directory at start
 */
@ConfigurationProperties("convene.demo")
public record DemoProperties(boolean enabled) {
}
