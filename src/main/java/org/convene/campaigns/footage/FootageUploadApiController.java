package org.convene.campaigns.footage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.convene.campaigns.internal.Campaign;
import org.convene.media.RefusedMediaException;
import org.convene.platform.web.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Sending footage through the resumable upload protocol (no account: anyone with the campaign link,
 * so starts are limited per client address). Start an upload with the file's name and size; send
 * its chunks in order, each exactly {@code chunkSize} bytes (the last one the rest) as the raw body
 * of {@code PUT .../chunks/{index}}; after a dropped connection ask {@code GET/HEAD} for the offset
 * ({@code Upload-Offset}, {@code nextChunk}) and go on from there; then complete it with the caption,
 * consent and e-mail. The id is the only key to an upload: keep it to yourself.
 */
@ApiController("/api/v1")
@PermitAll
@Tag(name = "Footage uploads", description = "Sending photos and videos for a campaign in resumable chunks")
class FootageUploadApiController {

    record StartRequest(@Schema(description = "The file's name, shown to the submitter only") String fileName,
                        @Schema(description = "The file's exact size in bytes") Long size) {
    }

    record UploadResponse(@Schema(description = "The upload's id (a secret; the only key to it)") String id, String fileName,
                          long size, int chunkSize, int chunks,
                          @Schema(description = "Bytes received so far, always a whole number of chunks") long offset,
                          @Schema(description = "The index of the chunk to send next") int nextChunk,
                          @Schema(description = "PHOTO or VIDEO, known once the first chunk arrived") String kind) {

        static UploadResponse of(String token, FootageUploads.Upload u) {
            return new UploadResponse(token, u.fileName(), u.size(), u.chunkSize(), u.chunks(), u.received(), u.nextChunk(),
                    u.kind() == null ? null : u.kind().name());
        }
    }

    record CompleteRequest(String caption, String place, String credit,
                           @Schema(description = "One of the campaign's published local actions, or null") Long actionId,
                           @Schema(description = "Where the confirmation with the personal link is sent") String email,
                           @Schema(description = "Must be true: the submitter owns the footage or may send it, the people shown agreed, and the network may publish it with credit")
                           Boolean consent,
                           @Schema(description = "Language of the confirmation mail (en, es, fr, pt, id, ar); the request's otherwise") String language) {
    }

    record FootageResponse(long id, String status) {
    }

    private final FootageUploads uploads;
    private final FootageAllowance allowance;

    FootageUploadApiController(FootageUploads uploads, FootageAllowance allowance) {
        this.uploads = uploads;
        this.allowance = allowance;
    }

    @PostMapping("/campaigns/{slug}/uploads")
    @Operation(summary = "Start an upload for an open campaign",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Started: send chunk 0 next"),
                    @ApiResponse(responseCode = "400", description = "No file name, or an empty file"),
                    @ApiResponse(responseCode = "404", description = "No such campaign"),
                    @ApiResponse(responseCode = "409", description = "The campaign is closed"),
                    @ApiResponse(responseCode = "413", description = "Larger than any accepted file"),
                    @ApiResponse(responseCode = "429", description = "Too many uploads from this address")})
    ResponseEntity<?> start(@PathVariable String slug, @RequestBody StartRequest request, HttpServletRequest http) {
        Campaign campaign = uploads.openCampaign(slug);
        if (!allowance.tryTake(http)) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many uploads", "footage.refused.too-many",
                    "Too many uploads from this address; try again in a minute.", "60");
        }
        FootageUploads.Started started = uploads.start(campaign, request.fileName(), request.size() == null ? 0 : request.size());
        return ResponseEntity.created(URI.create("/api/v1/uploads/" + started.token()))
                .header("Upload-Offset", "0")
                .body(UploadResponse.of(started.token(), started.upload()));
    }

    @GetMapping("/uploads/{id}")
    @Operation(summary = "How far an upload got (also as HEAD)",
            description = "The `Upload-Offset` header and `offset` give the bytes received, `nextChunk` the chunk to send next.",
            responses = {@ApiResponse(responseCode = "200", description = "The upload"),
                    @ApiResponse(responseCode = "404", description = "No such upload: completed, discarded or abandoned")})
    ResponseEntity<UploadResponse> show(@PathVariable String id) {
        FootageUploads.Upload upload = uploads.find(id).orElseThrow(() -> new org.convene.platform.web.NotFoundException("No such upload"));
        return ResponseEntity.ok().header("Upload-Offset", Long.toString(upload.received()))
                .header("Cache-Control", "no-store").body(UploadResponse.of(id, upload));
    }

    @PutMapping("/uploads/{id}/chunks/{index}")
    @Operation(summary = "Send one chunk as the raw body",
            description = "Chunks go in order; each holds exactly `chunkSize` bytes, the last one what is left. "
                    + "The first chunk is checked by its content (an accepted photo or video, not too large for its kind). "
                    + "A chunk sent again after it arrived, or one sent too early, is refused with 409 and changes nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/octet-stream",
                    schema = @Schema(type = "string", format = "binary"))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "Written; the new offset"),
                    @ApiResponse(responseCode = "400", description = "The chunk was cut short: send it again"),
                    @ApiResponse(responseCode = "404", description = "No such upload"),
                    @ApiResponse(responseCode = "409", description = "Chunk repeated or out of order (the problem says which chunk is next)"),
                    @ApiResponse(responseCode = "413", description = "Larger than declared, or than accepted for its kind: the upload is discarded"),
                    @ApiResponse(responseCode = "422", description = "Not an accepted photo or video: the upload is discarded")})
    ResponseEntity<UploadResponse> chunk(@PathVariable String id, @PathVariable int index, HttpServletRequest http) throws IOException {
        FootageUploads.Upload upload = uploads.receive(id, index, http.getInputStream());
        return ResponseEntity.ok().header("Upload-Offset", Long.toString(upload.received())).body(UploadResponse.of(id, upload));
    }

    @PostMapping("/uploads/{id}/complete")
    @Operation(summary = "Complete an upload: the footage is stored for moderation and a confirmation mailed",
            description = "Final either way: the footage is stored (status PENDING), or the upload is refused and discarded.",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Stored, waiting for moderation"),
                    @ApiResponse(responseCode = "400", description = "Invalid fields (consent, e-mail, action)"),
                    @ApiResponse(responseCode = "404", description = "No such upload"),
                    @ApiResponse(responseCode = "409", description = "Not every byte arrived, or the campaign closed"),
                    @ApiResponse(responseCode = "413", description = "Too large"),
                    @ApiResponse(responseCode = "422", description = "The file is damaged, a polyglot, too many pixels, or not allowed")})
    ResponseEntity<FootageResponse> complete(@PathVariable String id, @RequestBody CompleteRequest request, Locale locale) {
        long footageId = uploads.complete(id, new Submission(request.caption(), request.place(), request.credit(), request.actionId(),
                request.email(), Boolean.TRUE.equals(request.consent()), request.language()), locale);
        return ResponseEntity.status(HttpStatus.CREATED).body(new FootageResponse(footageId, "PENDING"));
    }

    @DeleteMapping("/uploads/{id}")
    @Operation(summary = "Discard an upload and the bytes received",
            responses = {@ApiResponse(responseCode = "204", description = "Discarded"),
                    @ApiResponse(responseCode = "404", description = "No such upload")})
    ResponseEntity<Void> discard(@PathVariable String id) {
        uploads.discard(id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(UploadRefusedException.class)
    ResponseEntity<ProblemDetail> refused(UploadRefusedException refused) {
        HttpStatus status = HttpStatus.valueOf(refused.status());
        return problem(status, status.getReasonPhrase(), refused.code(), refused.getMessage(), null);
    }

    @ExceptionHandler(RefusedMediaException.class)
    ResponseEntity<ProblemDetail> refusedMedia(RefusedMediaException refused) {
        HttpStatus status = refused.reason() == RefusedMediaException.Reason.TOO_LARGE ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
        return problem(status, "File refused", refused.messageKey(), refused.getMessage() + " The upload was discarded.", null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String code, String detail, String retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("code", code);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return response.body(problem);
    }
}
