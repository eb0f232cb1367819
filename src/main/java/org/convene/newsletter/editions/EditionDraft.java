package org.convene.newsletter.editions;

import org.convene.newsletter.internal.Segment;
import org.convene.platform.i18n.TranslatedText;

/** What staff write for an edition's head; null year or number: this year, the next free number. */
public record EditionDraft(Integer year, Integer number, TranslatedText subject, TranslatedText introduction, Segment segment) {
}
