package org.convene.platform.limits;

/**
 * Forms that say next to their file field that an upload was too large. For their addresses a
 * too-large upload is sent back (303) to the same address with {@code ?tooLarge} instead of the
 * 413 page. Modules declare a bean for their own forms.
 */
@FunctionalInterface
public interface UploadForms {

    boolean showsUploadErrors(String path);
}
