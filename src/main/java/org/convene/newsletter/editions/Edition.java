package org.convene.newsletter.editions;

import java.time.Instant;
import java.util.List;
import org.convene.newsletter.internal.Segment;
import org.convene.platform.i18n.TranslatedText;

/** An edition as stored: "Edition 3 (2026)", its subject and introduction, who gets it and its blocks in order. */
public record Edition(long id, int year, int number, TranslatedText subject, TranslatedText introduction, Segment segment,
                      EditionStatus status, Instant scheduledAt, Instant startedAt, Instant finishedAt, List<Block> blocks) {

    public Edition {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    public boolean isEditable() {
        return status.isEditable();
    }
}
