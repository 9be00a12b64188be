package org.onestop.selfservice;

import java.awt.image.BufferedImage;

/**
 * The way up of a phone's JPEG. Phones store the pixels as the sensor saw them and say in EXIF tag 0x0112 how to turn
 * them; once the metadata is stripped, the picture must already be turned, or staff see the pothole sideways.
 */
final class ExifOrientation {

    static final int NORMAL = 1;

    private ExifOrientation() {
    }

    /** The EXIF orientation (1–8) of a JPEG, or 1 when it has none or it cannot be read. */
    static int of(byte[] jpeg) {
        try {
            if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
                return NORMAL;
            }
            int at = 2;
            while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
                int marker = jpeg[at + 1] & 0xFF;
                int length = u16(jpeg, at + 2, true);
                if (marker == 0xDA || marker == 0xD9 || length < 2) {
                    return NORMAL; // image data reached: no EXIF before it
                }
                if (marker == 0xE1 && length >= 16 && startsWith(jpeg, at + 4, "Exif\0\0")) {
                    return orientation(jpeg, at + 10, Math.min(jpeg.length, at + 2 + length));
                }
                at += 2 + length;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            // a truncated or lying segment: treat as no orientation
        }
        return NORMAL;
    }

    private static int orientation(byte[] b, int tiff, int end) {
        boolean bigEndian;
        if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            bigEndian = true;
        } else if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            bigEndian = false;
        } else {
            return NORMAL;
        }
        long ifd = u32(b, tiff + 4, bigEndian);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return NORMAL;
        }
        int entries = u16(b, (int) (tiff + ifd), bigEndian);
        for (int i = 0; i < entries; i++) {
            int entry = (int) (tiff + ifd + 2 + 12L * i);
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(b, entry, bigEndian) == 0x0112) {
                int value = u16(b, entry + 8, bigEndian);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    /** The picture turned (and mirrored, for orientations 2, 4, 5 and 7) the way EXIF says is up. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> { tx = w - 1 - x; ty = y; }
                    case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }
                    case 4 -> { tx = x; ty = h - 1 - y; }
                    case 5 -> { tx = y; ty = x; }
                    case 6 -> { tx = h - 1 - y; ty = x; }
                    case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }
                    default -> { tx = y; ty = w - 1 - x; } // 8
                }
                turned.setRGB(tx, ty, image.getRGB(x, y));
            }
        }
        return turned;
    }

    private static boolean startsWith(byte[] b, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (b[at + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at, boolean bigEndian) {
        return bigEndian ? ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF) : ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
    }

    private static long u32(byte[] b, int at, boolean bigEndian) {
        return bigEndian
                ? ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF)
                : ((long) (b[at + 3] & 0xFF) << 24) | ((b[at + 2] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
    }
}
