package org.convene.campaigns.gallery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.FootageFiles;
import org.convene.directory.MemberDirectory;
import org.springframework.stereotype.Service;

/**
 * The compilation for the media team: a ZIP of the approved originals and {@code manifest.csv},
 * written straight to the response as it goes. Only the manifest's rows (text) are held in memory;
 * each file is copied through a 64 KiB buffer. Photos and videos are already compressed, so they are
 * stored with deflate level 0; the manifest is compressed.
 */
@Service
public class Compilation {

    static final String[] HEADER = {"file", "caption", "credit", "place", "action", "organization", "country", "time", "kind", "featured"};
    private static final int BUFFER = 64 * 1024;

    private final Gallery gallery;
    private final FootageFiles files;
    private final MemberDirectory directory;

    Compilation(Gallery gallery, FootageFiles files, MemberDirectory directory) {
        this.gallery = gallery;
        this.files = files;
        this.directory = directory;
    }

    /** The download's file name. */
    public static String fileName(Campaign campaign) {
        return campaign.slug() + "-footage.zip";
    }

    public void write(Campaign campaign, OutputStream out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        byte[] buffer = new byte[BUFFER];
        int number = 0;
        for (FootageItem footage : gallery.allApproved(campaign.id())) {
            Optional<Path> file = files.find(footage.storedName());
            if (file.isEmpty()) {
                continue; // approved but its file is gone: left out rather than listed without a file
            }
            number++;
            String name = "%04d-%s.%s".formatted(number, slug(footage.actionTitle(), campaign.slug()), footage.extension());
            ZipEntry entry = new ZipEntry(name);
            entry.setTime(footage.submittedAt().toEpochMilli());
            zip.setLevel(Deflater.NO_COMPRESSION);
            zip.putNextEntry(entry);
            try (InputStream in = Files.newInputStream(file.get())) {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    zip.write(buffer, 0, read);
                }
            }
            zip.closeEntry();
            rows.add(row(name, footage, campaign));
        }
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(new ZipEntry("manifest.csv"));
        Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
        for (String[] row : rows) {
            csv.printRecord((Object[]) row);
        }
        csv.flush();
        zip.closeEntry();
        zip.finish();
        out.flush();
    }

    private String[] row(String name, FootageItem footage, Campaign campaign) {
        String organization = footage.organizationId() == null ? ""
                : directory.organization(footage.organizationId()).map(MemberDirectory.MemberOrganization::name).orElse("");
        return new String[] {name, footage.caption(), footage.credit(), footage.place(),
                footage.actionTitle() == null ? "" : footage.actionTitle(), organization,
                footage.actionCountry() == null ? "" : footage.actionCountry(),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(footage.submittedAt().atZone(campaign.zone()).toOffsetDateTime()),
                footage.kind().toLowerCase(Locale.ROOT), String.valueOf(footage.featured())};
    }

    /** A file-name-safe form of the action's title (or the campaign's slug), at most 40 characters. */
    static String slug(String title, String fallback) {
        String slug = title == null ? "" : Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }
}
