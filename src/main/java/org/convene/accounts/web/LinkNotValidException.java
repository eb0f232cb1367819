package org.convene.accounts.web;

/** A reset or invitation link that is wrong, expired or already used. */
class LinkNotValidException extends RuntimeException {
    LinkNotValidException() {
        super("This link is not valid, has expired or was already used.");
    }
}
