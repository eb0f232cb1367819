package org.convene.newsletter.editions;

import java.util.List;
import org.convene.platform.i18n.TranslatedText;

/**
 * One block of an edition, at its position (1 first). Which fields count depends on the kind:
 * TEXT the Markdown {@code text}; CAMPAIGN {@code campaignId}; STATEMENT {@code publicationId};
 * EVENT {@code eventId}; PARTNER_ROUNDUP the newsroom {@code itemIds}; IMAGE the media
 * {@code image} name with its {@code caption} and (required) {@code alt} text.
 */
public record Block(int position, BlockKind kind, TranslatedText text, Long campaignId, Long publicationId, Long eventId,
                    List<Long> itemIds, String image, TranslatedText caption, TranslatedText alt) {

    public Block {
        text = text == null ? TranslatedText.empty() : text;
        caption = caption == null ? TranslatedText.empty() : caption;
        alt = alt == null ? TranslatedText.empty() : alt;
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }

    public Block at(int newPosition) {
        return new Block(newPosition, kind, text, campaignId, publicationId, eventId, itemIds, image, caption, alt);
    }

    public static Block text(TranslatedText text) {
        return new Block(0, BlockKind.TEXT, text, null, null, null, null, null, null, null);
    }

    public static Block campaign(long id) {
        return new Block(0, BlockKind.CAMPAIGN, null, id, null, null, null, null, null, null);
    }

    public static Block statement(long id) {
        return new Block(0, BlockKind.STATEMENT, null, null, id, null, null, null, null, null);
    }

    public static Block event(long id) {
        return new Block(0, BlockKind.EVENT, null, null, null, id, null, null, null, null);
    }

    public static Block roundup(List<Long> itemIds) {
        return new Block(0, BlockKind.PARTNER_ROUNDUP, null, null, null, null, itemIds, null, null, null);
    }

    public static Block image(String image, TranslatedText caption, TranslatedText alt) {
        return new Block(0, BlockKind.IMAGE, null, null, null, null, null, image, caption, alt);
    }
}
