package org.convene.accounts;

import java.util.List;

/**
 * Origins other than this Convene that pages may load images from (the web pages'
 * Content-Security-Policy img-src), declared by the module that needs them, e.g. the campaign map's
 * tile server. Each origin is a scheme and host such as {@code https://tile.example.org}.
 */
public interface ImageSources {

    List<String> imageOrigins();
}
