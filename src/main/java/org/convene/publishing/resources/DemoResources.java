package org.convene.publishing.resources;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convene.directory.DemoNetworkLoaded;
import org.convene.directory.MemberDirectory;
import org.convene.platform.i18n.TranslatedText;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Fictional resources for the demo network: a small toolkit PDF made here, and two links to example.org. */
@Component
class DemoResources {

    private final Resources resources;
    private final MemberDirectory directory;

    DemoResources(Resources resources, MemberDirectory directory) {
        this.resources = resources;
        this.directory = directory;
    }

    @ApplicationModuleListener
    void on(DemoNetworkLoaded loaded) {
        byte[] pdf = pdf("Shared kitchens toolkit: how to start one in your neighbourhood");
        resources.create(new ResourceDraft(new TranslatedText("en", Map.of(
                        "en", "Shared kitchens toolkit",
                        "es", "Guía de cocinas compartidas",
                        "fr", "Boîte à outils des cuisines partagées",
                        "ar", "دليل المطابخ المشتركة")),
                new TranslatedText("en", Map.of(
                        "en", "A short guide for neighbourhood groups: finding a space, sharing the costs, keeping it going.",
                        "es", "Una guía breve para grupos de barrio: encontrar un local, repartir los gastos, mantenerlo vivo.",
                        "ar", "دليل قصير لمجموعات الأحياء: إيجاد مكان، وتقاسم التكاليف، والاستمرار.")),
                List.of("en", "es"), List.of("toolkit", "food"), null, null, LocalDate.now().minusDays(10), ResourceStatus.PUBLISHED,
                null, new ResourceDraft.Upload(new ByteArrayInputStream(pdf), pdf.length)));
        resources.create(new ResourceDraft(TranslatedText.of("en", "Dossier: cooperative housing around the world"),
                TranslatedText.of("en", "Case studies of housing cooperatives, collected by the network's education working group."),
                List.of("en", "fr"), List.of("dossier", "housing"), null,
                directory.organizations().stream().findFirst().map(MemberDirectory.MemberOrganization::id).orElse(null),
                LocalDate.now().minusDays(3), ResourceStatus.PUBLISHED, "https://example.org/dossiers/cooperative-housing", null));
        resources.create(new ResourceDraft(TranslatedText.of("en", "Video course: running an open assembly"),
                TranslatedText.of("en", "Five short lessons on chairing, taking turns and reaching decisions together."),
                List.of("en", "pt", "id"), List.of("course", "assemblies"), null, null, LocalDate.now().minusDays(1),
                ResourceStatus.PUBLISHED, "https://example.org/courses/open-assembly", null));
    }

    /** A minimal valid one-page PDF showing a line of text, with a correct cross-reference table. */
    static byte[] pdf(String text) {
        String escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
        String stream = "BT /F1 18 Tf 56 760 Td (" + escaped + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.4\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
        write(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
