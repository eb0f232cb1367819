/**
 * Uploaded files. For now: images (logos) checked by content, limited in bytes and pixels before
 * decoding, re-encoded without any metadata, stored under server-generated names and served with
 * headers that keep browsers from treating them as anything but images.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media")
package org.convene.media;
