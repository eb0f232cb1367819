package org.convene.publishing.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.publishing.resources.ResourceTestFiles.MULTIPART;
import static org.convene.publishing.resources.ResourceTestFiles.json;
import static org.convene.publishing.resources.ResourceTestFiles.multipart;
import static org.convene.publishing.resources.ResourceTestFiles.send;
import static org.convene.publishing.resources.ResourceTestFiles.unique;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.convene.media.MediaProperties;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Files are checked by their bytes, whatever their name or declared type says; links are http(s)
 * only; every refusal is a 400 problem naming the field, and leaves neither a row nor a file behind.
 */
@ConveneTest
class ResourceFileCheckTest {

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MediaProperties media;

    String token;

    @BeforeEach
    void token() {
        token = staff.apiToken(staff.networkAdmin());
    }

    private ResourceTestFiles.Response upload(String fileName, String declaredType, byte[] file) {
        return send(port, "POST", "/api/v1/resources", token, MULTIPART, multipart(json(unique("Upload"), "[\"en\"]", null), fileName,
                declaredType, file));
    }

    /** Sends the upload and checks it is refused for the file with this message, and nothing is left. */
    private void refused(String fileName, String declaredType, byte[] file, String message) throws IOException {
        long rows = rows();
        long files = files();
        ResourceTestFiles.Response response = upload(fileName, declaredType, file);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"file\"").contains(message);
        assertThat(rows()).isEqualTo(rows);
        assertThat(files()).isEqualTo(files);
    }

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM resource").query(Long.class).single();
    }

    private long files() throws IOException {
        Path dir = media.dir().resolve("documents");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    @Test
    void aProgramRenamedToPdfIsRefused() throws IOException {
        refused("guide.pdf", "application/pdf", ResourceTestFiles.program(), "This kind of file is not accepted");
    }

    @Test
    void anSvgDrawingIsRefused() throws IOException {
        refused("poster.png", "image/png", ResourceTestFiles.svg(), "This kind of file is not accepted");
    }

    @Test
    void anHtmlPageIsRefused() throws IOException {
        refused("dossier.txt", "text/plain", ResourceTestFiles.html(), "This kind of file is not accepted");
    }

    @Test
    void aZipThatIsNoOfficeDocumentIsRefused() throws IOException {
        refused("toolkit.docx", DOCX, ResourceTestFiles.zip(Map.of("readme.txt", "hello", "run.sh", "echo hi")),
                "This archive is not an office document");
    }

    @Test
    void anOfficeDocumentWithMacrosIsRefused() throws IOException {
        refused("toolkit.docx", DOCX, ResourceTestFiles.docm(), "This archive is not an office document");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        refused("empty.pdf", "application/pdf", new byte[0], "The file is empty.");
    }

    @Test
    void aFileOverTheLimitIsRefused() throws IOException {
        byte[] pdf = ResourceTestFiles.pdf("Large");
        byte[] large = new byte[1024 * 1024 + 10];
        System.arraycopy(pdf, 0, large, 0, pdf.length);
        refused("large.pdf", "application/pdf", large, "The file is larger than the library accepts.");
    }

    @Test
    void aFileOverTheUploadLimitIsTooLargeBeforeAnythingReadsIt() throws IOException {
        long rows = rows();
        byte[] huge = new byte[6 * 1024 * 1024];
        ResourceTestFiles.Response api = upload("huge.pdf", "application/pdf", huge);
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.body()).contains("\"status\":413");
        // the staff form is sent back to itself, where the message stands next to the file field
        ResourceTestFiles.Response form = send(port, "POST", "/admin/resources/new", null, MULTIPART,
                multipart(json("Huge", "[\"en\"]", null), "huge.pdf", "application/pdf", huge));
        assertThat(form.status()).isEqualTo(303);
        assertThat(form.headers().firstValue("Location").orElseThrow()).endsWith("/admin/resources/new?tooLarge");
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    void officeDocumentsAreRecognizedByTheirPackageNotTheirName() {
        ResourceTestFiles.Response docx = upload("toolkit.bin", "application/octet-stream", ResourceTestFiles.docx());
        assertThat(docx.status()).as(docx.body()).isEqualTo(201);
        assertThat(docx.body()).contains("\"fileType\":\"" + DOCX + "\"").contains("\"kind\":\"DOCUMENT\"");
        ResourceTestFiles.Response odt = upload("notes", "application/zip", ResourceTestFiles.odt());
        assertThat(odt.status()).as(odt.body()).isEqualTo(201);
        assertThat(odt.body()).contains("\"fileType\":\"application/vnd.oasis.opendocument.text\"");
        ResourceTestFiles.Response text = upload("figures.csv", "text/csv", "region,groups\nnorth,12\nsouth,9\n".getBytes());
        assertThat(text.status()).as(text.body()).isEqualTo(201);
        assertThat(text.body()).contains("\"fileType\":\"text/plain\"");
    }

    @Test
    void imagesLoseTheirMetadata() throws IOException {
        byte[] jpeg = org.convene.media.TestImages.geotaggedJpeg(200, 100, 1);
        ResourceTestFiles.Response image = upload("photo.jpg", "image/jpeg", jpeg);
        assertThat(image.status()).as(image.body()).isEqualTo(201);
        assertThat(image.body()).contains("\"kind\":\"IMAGE\"").contains("\"fileType\":\"image/jpeg\"");
        String href = image.body().replaceAll(".*\"downloadUrl\":\"http://[^/]+(/resources/files/[^\"]+)\".*", "$1");
        byte[] stored = ResourceTestFiles.getBytes(port, href);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("CameraCo");
    }

    @Test
    void linksAreHttpOrHttpsOnly() {
        for (String bad : new String[]{"javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.org/guide.pdf",
                "//example.org/no-scheme", "https://"}) {
            long rows = rows();
            ResourceTestFiles.Response response = send(port, "POST", "/api/v1/resources", token, "application/json",
                    json(unique("Link"), "[\"en\"]", "\"url\":\"" + bad.replace("\"", "\\\"") + "\"").getBytes());
            assertThat(response.status()).as(bad + " " + response.body()).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"url\"");
            assertThat(rows()).isEqualTo(rows);
        }
        ResourceTestFiles.Response good = send(port, "POST", "/api/v1/resources", token, "application/json",
                json(unique("Link"), "[\"en\"]", "\"url\":\"https://example.org/guide\"").getBytes());
        assertThat(good.status()).as(good.body()).isEqualTo(201);
    }

    @Test
    void aMissingTitleIsRefusedBeforeTheFileIsStored() throws IOException {
        long rows = rows();
        long files = files();
        String noTitle = "{\"language\":\"en\",\"title\":{\"en\":\"  \"},\"languages\":[\"en\"],\"status\":\"PUBLISHED\"}";
        ResourceTestFiles.Response response = send(port, "POST", "/api/v1/resources", token, MULTIPART,
                multipart(noTitle, "guide.pdf", "application/pdf", ResourceTestFiles.pdf("Guide")));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"title\"").contains("A title is required");
        assertThat(rows()).isEqualTo(rows);
        assertThat(files()).isEqualTo(files);
    }

    @Test
    void aLanguageTheNetworkDoesNotUseIsRefused() {
        long rows = rows();
        ResourceTestFiles.Response documentLanguage = send(port, "POST", "/api/v1/resources", token, "application/json",
                json(unique("Link"), "[\"en\",\"de\"]", "\"url\":\"https://example.org/guide\"").getBytes());
        assertThat(documentLanguage.status()).isEqualTo(400);
        assertThat(documentLanguage.body()).contains("\"field\":\"languages\"").contains("The network does not use this language");
        String germanTitle = "{\"language\":\"en\",\"title\":{\"en\":\"Guide\",\"de\":\"Leitfaden\"},\"languages\":[\"en\"],"
                + "\"status\":\"PUBLISHED\",\"url\":\"https://example.org/guide\"}";
        ResourceTestFiles.Response titleLanguage = send(port, "POST", "/api/v1/resources", token, "application/json", germanTitle.getBytes());
        assertThat(titleLanguage.status()).isEqualTo(400);
        assertThat(titleLanguage.body()).contains("\"field\":\"title\"");
        assertThat(rows()).isEqualTo(rows);
    }

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
