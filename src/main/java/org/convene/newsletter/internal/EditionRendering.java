package org.convene.newsletter.internal;

/** Turns an edition into a mail in one language (falling back to the edition's first language). */
public interface EditionRendering {

    RenderedEdition render(long editionId, String language);
}
