package org.convene.media.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.convene.media.RefusedMediaException;
import org.convene.media.RefusedMediaException.Reason;

/**
 * Finds files that are a photo or video and also something else, where the other reader looks
 * for it: a PDF header in the first kilobyte, a ZIP directory at the end, and markup at the start
 * (where a browser sniffs) or appended at the end. Only the head and the tail are read: what lies
 * between is image or video data, which photos lose in re-encoding, and which is only ever served
 * as a video with {@code nosniff} and a sandboxing policy. A tag counts only when followed by a
 * space, {@code >} or {@code /}, so compressed data does not match it by chance.
 */
public final class Polyglots {

    private static final List<byte[]> MARKUP = List.of("<html", "<script", "<svg", "<iframe", "<body", "<?php", "<!doctype",
            "<object", "<embed", "<meta", "<img").stream().map(s -> s.getBytes(StandardCharsets.US_ASCII)).toList();
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_END = {'P', 'K', 5, 6};
    private static final byte[] ZIP_ENTRY = {'P', 'K', 3, 4};
    private static final int HEAD = 64 * 1024;
    /** A ZIP reader looks for its end record in the last 64 KiB plus the record's own 22 bytes. */
    private static final int TAIL = 65_536 + 22;

    private Polyglots() {
    }

    /** @throws RefusedMediaException (POLYGLOT) when the file is also another kind of file */
    public static void refuseIfAlsoAnotherKind(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] head = read(channel, 0, (int) Math.min(HEAD, size));
            byte[] tail = read(channel, Math.max(0, size - TAIL), (int) Math.min(TAIL, size));
            if (indexOf(head, 0, Math.min(head.length, 1024 + PDF.length), PDF) >= 0) {
                throw refused("a PDF document");
            }
            if (indexOf(tail, 0, tail.length, ZIP_END) >= 0 || indexOf(head, 1, head.length, ZIP_ENTRY) >= 0) {
                throw refused("a ZIP archive");
            }
            if (containsMarkup(head) || containsMarkup(tail)) {
                throw refused("an HTML page or script");
            }
        }
    }

    private static byte[] read(FileChannel channel, long from, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) > 0) {
            // read until full or the end of the file
        }
        return buffer.array();
    }

    private static RefusedMediaException refused(String what) {
        return new RefusedMediaException(Reason.POLYGLOT, "The file is also " + what + ".");
    }

    private static boolean containsMarkup(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '<') {
                continue;
            }
            for (byte[] tag : MARKUP) {
                if (isTagAt(bytes, i, tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTagAt(byte[] bytes, int at, byte[] lowerCaseTag) {
        int end = at + lowerCaseTag.length;
        if (end >= bytes.length) {
            return false;
        }
        for (int j = 0; j < lowerCaseTag.length; j++) {
            int b = bytes[at + j];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerCaseTag[j]) {
                return false;
            }
        }
        byte next = bytes[end];
        return next == ' ' || next == '>' || next == '/' || next == '\t' || next == '\n' || next == '\r';
    }

    private static int indexOf(byte[] bytes, int from, int end, byte[] pattern) {
        outer:
        for (int i = Math.max(0, from); i + pattern.length <= end; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
