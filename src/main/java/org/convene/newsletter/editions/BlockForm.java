package org.convene.newsletter.editions;

import java.util.ArrayList;
import java.util.List;
import org.convene.platform.i18n.TranslatedTextForm;

/** The staff form for one block; which fields it shows depends on the kind. */
public class BlockForm {

    private BlockKind kind = BlockKind.TEXT;
    private TranslatedTextForm text = new TranslatedTextForm();
    private Long campaignId;
    private Long publicationId;
    private Long eventId;
    private List<Long> itemIds = new ArrayList<>();
    /** The picture already uploaded (media name); a new upload replaces it. */
    private String image;
    private TranslatedTextForm caption = new TranslatedTextForm();
    private TranslatedTextForm alt = new TranslatedTextForm();

    public static BlockForm of(Block b) {
        BlockForm form = new BlockForm();
        form.kind = b.kind();
        form.text = TranslatedTextForm.of(b.text());
        form.campaignId = b.campaignId();
        form.publicationId = b.publicationId();
        form.eventId = b.eventId();
        form.itemIds = new ArrayList<>(b.itemIds());
        form.image = b.image();
        form.caption = TranslatedTextForm.of(b.caption());
        form.alt = TranslatedTextForm.of(b.alt());
        return form;
    }

    public Block toBlock() {
        return new Block(0, kind, text.toText(), campaignId, publicationId, eventId, itemIds, image, caption.toText(), alt.toText());
    }

    public BlockKind getKind() { return kind; }
    public void setKind(BlockKind kind) { this.kind = kind; }
    public TranslatedTextForm getText() { return text; }
    public void setText(TranslatedTextForm text) { this.text = text; }
    public Long getCampaignId() { return campaignId; }
    public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
    public Long getPublicationId() { return publicationId; }
    public void setPublicationId(Long publicationId) { this.publicationId = publicationId; }
    public Long getEventId() { return eventId; }
    public void setEventId(Long eventId) { this.eventId = eventId; }
    public List<Long> getItemIds() { return itemIds; }
    public void setItemIds(List<Long> itemIds) { this.itemIds = itemIds == null ? new ArrayList<>() : itemIds; }
    public String getImage() { return image; }
    public void setImage(String image) { this.image = image; }
    public TranslatedTextForm getCaption() { return caption; }
    public void setCaption(TranslatedTextForm caption) { this.caption = caption; }
    public TranslatedTextForm getAlt() { return alt; }
    public void setAlt(TranslatedTextForm alt) { this.alt = alt; }
}
