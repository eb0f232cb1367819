package org.convene.platform.limits;

/**
 * Request bodies a module streams to disk itself, which may be larger than
 * {@code convene.web.max-body-bytes} (chunks of a resumable upload). Their Content-Length is
 * checked against {@link #maxBytes}; a chunked body is passed on unread (not held in memory), and
 * the module bounds what it reads. Modules declare a bean for their own paths.
 */
@FunctionalInterface
public interface StreamedBodies {

    /** The largest body accepted for this method and path, or -1 when it is not one of these bodies. */
    long maxBytes(String method, String path);
}
