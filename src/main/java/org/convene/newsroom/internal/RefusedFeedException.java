package org.convene.newsroom.internal;

import java.net.UnknownHostException;

/**
 * A feed address or response the newsroom refuses. {@link #code()} names the reason (a message key
 * under {@code newsroom.error.}); the message is a short technical detail for staff. It is an
 * {@link UnknownHostException} so that the HTTP client's address lookup can throw it.
 */
public class RefusedFeedException extends UnknownHostException {

    private final String code;

    public RefusedFeedException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
