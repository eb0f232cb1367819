package org.convene.newsletter.subscribers;

import jakarta.servlet.http.HttpServletRequest;
import org.convene.platform.security.ClientAllowance;
import org.springframework.stereotype.Component;

/** Anyone may subscribe, so each client address gets so many subscriptions a minute (form and API together). */
@Component
class SubscribeAllowance {

    private final ClientAllowance clients;

    SubscribeAllowance(SubscribersProperties properties) {
        this.clients = new ClientAllowance(properties.subscriptionsPerMinute());
    }

    boolean tryTake(HttpServletRequest request) {
        return clients.tryTake(request.getRemoteAddr());
    }
}
