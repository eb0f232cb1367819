package org.convene.campaigns.footage;

import jakarta.annotation.security.PermitAll;
import java.nio.file.Path;
import java.time.Duration;
import org.convene.accounts.StaffAccess;
import org.convene.campaigns.internal.FootageFiles;
import org.convene.platform.web.NotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Serves footage files by their stored names. Approved footage is everyone's; other footage only
 * for the submitter's personal link ({@code ?t=} with its token) and for staff: network admins, and
 * staff of the organization whose action it was sent for. Anyone else gets a 404, as for a name that
 * does not exist. Byte ranges (for video players) are answered by Spring for the file resource.
 */
@Controller
@PermitAll
class FootageFileController {

    private final FootageFiles files;
    private final FootageSubmissions submissions;
    private final FootageLinks links;
    private final StaffAccess staff;

    FootageFileController(FootageFiles files, FootageSubmissions submissions, FootageLinks links, StaffAccess staff) {
        this.files = files;
        this.submissions = submissions;
        this.links = links;
        this.staff = staff;
    }

    @GetMapping("/footage/{name}")
    ResponseEntity<Resource> file(@PathVariable String name, @RequestParam(name = "t", required = false) String token,
                                  @RequestParam(name = "download", required = false) String download) {
        Path file = files.find(name).orElseThrow(() -> new NotFoundException("No such file"));
        FootageSubmissions.FileOwner owner = submissions.ownerOf(name).orElseThrow(() -> new NotFoundException("No such file"));
        SubmittedFootage footage = owner.footage();
        boolean approved = "APPROVED".equals(footage.status());
        if (!approved && !mayPreview(footage, owner.organizationId(), token)) {
            throw new NotFoundException("No such file");
        }
        boolean thumbnail = name.equals(footage.thumbnailName());
        String type = thumbnail ? "image/jpeg" : footage.contentType();
        String extension = name.substring(name.lastIndexOf('.'));
        ContentDisposition disposition = (download != null ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename("footage-" + footage.id() + (thumbnail ? "-thumbnail" : "") + extension).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .cacheControl(approved ? CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic() : CacheControl.noStore().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(new FileSystemResource(file));
    }

    private boolean mayPreview(SubmittedFootage footage, Long organizationId, String token) {
        if (token != null && links.verify(token).orElse(-1) == footage.id()) {
            return true;
        }
        return staff.isNetworkAdmin() || (organizationId != null && staff.canEditOrganization(organizationId));
    }
}
