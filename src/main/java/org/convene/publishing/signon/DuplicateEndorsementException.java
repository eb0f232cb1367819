package org.convene.publishing.signon;

import org.convene.platform.web.InvalidInputException;

/** The same organization or e-mail has endorsed this statement already; nothing was written. */
public class DuplicateEndorsementException extends InvalidInputException {

    public DuplicateEndorsementException(String field, String code, String message) {
        super(field, code, message);
    }
}
