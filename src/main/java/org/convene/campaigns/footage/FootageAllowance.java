package org.convene.campaigns.footage;

import jakarta.servlet.http.HttpServletRequest;
import org.convene.platform.security.ClientAllowance;
import org.springframework.stereotype.Component;

/** Anyone with the campaign link may send footage, so each client address may start so many uploads a minute. */
@Component
class FootageAllowance {

    private final ClientAllowance clients;

    FootageAllowance(FootageProperties properties) {
        this.clients = new ClientAllowance(properties.uploadsPerMinute());
    }

    boolean tryTake(HttpServletRequest request) {
        return clients.tryTake(request.getRemoteAddr());
    }
}
