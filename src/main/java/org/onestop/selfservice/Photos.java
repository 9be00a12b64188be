package org.onestop.selfservice;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.onestop.cases.CaseService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos residents attach to a report. An upload is only kept if it really is a JPEG, PNG or GIF picture: its size is
 * checked first ({@code onestop.photos.max-size}), then its dimensions are read from the header, before any pixel is
 * decoded, so that a small file claiming a huge picture (a decompression bomb) is refused
 * ({@code onestop.photos.max-pixels}). The decoded pixels are then encoded again (JPEG stays JPEG, the rest becomes
 * PNG), so nothing of the original file but its picture survives: no EXIF, no GPS position, no comments.
 */
@Service
public class Photos {

    /** A photo ready to store: freshly encoded pixels and nothing else. */
    record CleanImage(String contentType, byte[] bytes, int width, int height) {
    }

    /** An upload that is not a photo we keep; the message is for the resident, beside the photo field. */
    static class RejectedPhoto extends Exception {
        RejectedPhoto(String message) {
            super(message);
        }
    }

    private static final Set<String> FORMATS = Set.of("jpeg", "png", "gif");
    private static final int MAX_SIDE = 20_000;
    /** Photos are kept at most this many pixels on their longer side: plenty to see a pothole, and bounded storage. */
    static final int MAX_STORED_SIDE = 4096;
    private static final float JPEG_QUALITY = 0.9f;

    private final CasePhotos photos;
    private final CaseService cases;
    private final Clock clock;
    private final DataSize maxSize;
    private final long maxPixels;

    Photos(CasePhotos photos, CaseService cases, Clock clock,
           PhotoProperties settings) {
        this.photos = photos;
        this.cases = cases;
        this.clock = clock;
        this.maxSize = settings.maxSize();
        this.maxPixels = settings.maxPixels();
    }

    DataSize maxSize() {
        return maxSize;
    }

    /** Checks and cleans an upload; nothing is stored yet. */
    CleanImage clean(MultipartFile upload) throws RejectedPhoto {
        if (upload.getSize() > maxSize.toBytes()) {
            throw new RejectedPhoto("The photo is " + megabytes(upload.getSize()) + "; the largest we accept is "
                    + megabytes(maxSize.toBytes()) + ". Choose a smaller photo, or take one at a lower resolution.");
        }
        try (InputStream in = upload.getInputStream()) {
            return clean(in.readAllBytes());
        } catch (IOException e) {
            throw new RejectedPhoto("We could not read the photo. Please try again.");
        }
    }

    CleanImage clean(byte[] data) throws RejectedPhoto {
        if (data.length > maxSize.toBytes()) {
            throw new RejectedPhoto("The photo is " + megabytes(data.length) + "; the largest we accept is "
                    + megabytes(maxSize.toBytes()) + ".");
        }
        String notAPicture = "This file is not a photo we can read. Attach a JPEG, PNG or GIF picture.";
        // In memory: ImageIO's default stream would copy the upload to a temporary file first.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new RejectedPhoto(notAPicture);
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw new RejectedPhoto(notAPicture);
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE || (long) width * height > maxPixels) {
                    throw new RejectedPhoto("The picture is " + width + " × " + height + " pixels; the largest we accept is "
                            + maxPixels / 1_000_000 + " megapixels. Choose a smaller photo.");
                }
                BufferedImage image = fit(reader.read(0), MAX_STORED_SIDE);
                if ("jpeg".equals(format)) {
                    // The metadata goes, so the EXIF "this way up" must be applied to the pixels first.
                    image = ExifOrientation.apply(image, ExifOrientation.of(data));
                }
                return encode(image, format);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new RejectedPhoto(notAPicture);
        }
    }

    @Transactional
    public long attach(long caseId, CleanImage image) {
        return photos.save(new CasePhoto(caseId, image, clock.instant())).getId();
    }

    /**
     * The first photo of each case, by case id, for apps (Open311 {@code media_url}, through
     * {@link StatusLinks#photoPath}): the residents' status page serves it, stripped of its metadata.
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> firstPhotoIds(java.util.Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> ids = new HashMap<>();
        for (Object[] row : photos.firstOf(caseIds)) {
            ids.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return ids;
    }

    /** The photos of a case (without their bytes), for the staff and status pages. */
    @Transactional(readOnly = true)
    public List<Long> idsOf(Long caseId) {
        return caseId == null ? List.of() : photos.summariesOf(caseId).stream().map(CasePhotos.Summary::id).toList();
    }

    /** The photos of a case by its reference, for the staff case page ({@code templates/case.html}). */
    @Transactional(readOnly = true)
    public List<Long> idsOfCase(String reference) {
        return cases.find(reference).map(sr -> idsOf(sr.getId())).orElse(List.of());
    }

    @Transactional(readOnly = true)
    Optional<CasePhoto> find(long caseId, long photoId) {
        return photos.findByIdAndCaseId(photoId, caseId);
    }

    /**
     * JPEG stays JPEG, the rest becomes PNG; a result larger than the size limit is stored as JPEG, and halved until it
     * fits, so that what is stored never exceeds the upload limit (MariaDB's default max_allowed_packet is 16 MB).
     */
    private CleanImage encode(BufferedImage image, String format) throws IOException {
        CleanImage clean = "jpeg".equals(format) ? jpeg(image) : png(image);
        while (clean.bytes().length > maxSize.toBytes() && Math.max(image.getWidth(), image.getHeight()) > 256) {
            clean = jpeg(image);
            if (clean.bytes().length > maxSize.toBytes()) {
                image = fit(image, Math.max(image.getWidth(), image.getHeight()) / 2);
            }
        }
        return clean;
    }

    /** The picture scaled down (never up) so that its longer side is at most {@code side} pixels. */
    static BufferedImage fit(BufferedImage image, int side) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= side) {
            return image;
        }
        double scale = (double) side / longer;
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static CleanImage jpeg(BufferedImage decoded) throws IOException {
        BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(decoded, 0, 0, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            // No metadata argument: the writer writes a bare JFIF header, nothing from the upload.
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return new CleanImage("image/jpeg", out.toByteArray(), rgb.getWidth(), rgb.getHeight());
    }

    private static CleanImage png(BufferedImage decoded) throws IOException {
        BufferedImage argb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        try {
            g.drawImage(decoded, 0, 0, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(argb, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return new CleanImage("image/png", out.toByteArray(), argb.getWidth(), argb.getHeight());
    }

    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb >= 10 ? Math.round(mb) + " MB" : String.format(Locale.ROOT, "%.1f MB", mb);
    }
}
