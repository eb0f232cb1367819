package org.convene.media.web;

import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import org.convene.media.Images;
import org.convene.platform.web.NotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves stored images. Names are random and never reused, so they may be cached for a year; the
 * headers keep a browser from sniffing them into anything but an image or running anything in them.
 */
@Controller
class MediaController {

    private final Images images;

    MediaController(Images images) {
        this.images = images;
    }

    @PermitAll
    @GetMapping("/media/{name}")
    ResponseEntity<Resource> image(@PathVariable String name) {
        Images.StoredImage image = images.find(name).orElseThrow(() -> new NotFoundException("No such image"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(new FileSystemResource(image.file()));
    }
}
