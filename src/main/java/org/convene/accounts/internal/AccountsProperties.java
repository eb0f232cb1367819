package org.convene.accounts.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param admin the first network admin, for automated deployments (otherwise a setup link is printed)
 */
@ConfigurationProperties("convene.accounts")
public record AccountsProperties(@DefaultValue Admin admin) {

    /**
     * @param email    e-mail of the first network admin ({@code CONVENE_ADMIN_EMAIL})
     * @param password its password ({@code CONVENE_ADMIN_PASSWORD})
     */
    public record Admin(String email, String password) {
    }
}
