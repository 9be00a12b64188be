package org.onestop.selfservice;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Pictures (and things that are not) for the photo tests, made on the spot. */
final class TestImages {

    /** A marker in the EXIF block, to prove it does not survive. */
    static final String EXIF_MARKER = "OneStopTestCamera";

    private TestImages() {
    }

    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(width, height), "png", out);
        return out.toByteArray();
    }

    static byte[] jpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(width, height), "jpeg", out);
        return out.toByteArray();
    }

    /**
     * A JPEG as a phone writes it: an EXIF (APP1) block right after the start of the image, with the camera's make and
     * a GPS position (43°15'22"N 79°52'8"W).
     */
    static byte[] jpegWithGps(int width, int height) throws IOException {
        byte[] jpeg = jpeg(width, height);
        byte[] exif = exifWithGps();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1); // APP1
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * A phone's JPEG held sideways: the pixels as the sensor saw them (width × height, a red square in the top-left
     * corner) and an EXIF orientation tag saying how to turn them, in big- or little-endian TIFF.
     */
    static byte[] jpegWithOrientation(int width, int height, int orientation, boolean bigEndian) throws IOException {
        BufferedImage image = picture(width, height);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 4, height / 4);
        g.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        ByteBuffer tiff = ByteBuffer.allocate(26).order(bigEndian ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN);
        tiff.put((bigEndian ? "MM" : "II").getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        int length = 6 + tiff.capacity() + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.write(tiff.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** "Exif\0\0" then a big-endian TIFF: IFD0 with Make and a GPS IFD pointer; the GPS IFD with latitude and longitude. */
    private static byte[] exifWithGps() {
        ByteBuffer tiff = ByteBuffer.allocate(512);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0 at 8: 2 entries (12 bytes each) + next-IFD offset
        int ifd0Entries = 2;
        int makeOffset = 8 + 2 + ifd0Entries * 12 + 4;
        byte[] make = (EXIF_MARKER + "\0").getBytes(StandardCharsets.US_ASCII);
        int gpsIfd = makeOffset + make.length + (make.length % 2);
        tiff.putShort((short) ifd0Entries);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(makeOffset); // Make, ASCII
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);                // GPS IFD pointer, LONG
        tiff.putInt(0);
        tiff.put(make);
        if (make.length % 2 == 1) {
            tiff.put((byte) 0);
        }
        // GPS IFD: LatitudeRef, Latitude, LongitudeRef, Longitude
        int gpsEntries = 4;
        int rationals = gpsIfd + 2 + gpsEntries * 12 + 4;
        tiff.putShort((short) gpsEntries);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put("N\0\0\0".getBytes(StandardCharsets.US_ASCII));
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(rationals);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put("W\0\0\0".getBytes(StandardCharsets.US_ASCII));
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(rationals + 24);
        tiff.putInt(0);
        tiff.putInt(43).putInt(1).putInt(15).putInt(1).putInt(22).putInt(1);
        tiff.putInt(79).putInt(1).putInt(52).putInt(1).putInt(8).putInt(1);
        byte[] body = new byte[tiff.position()];
        tiff.flip();
        tiff.get(body);
        ByteBuffer exif = ByteBuffer.allocate(6 + body.length);
        exif.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(body);
        return exif.array();
    }

    /** A valid PNG header that claims a picture of width × height, with almost no data: a decompression bomb's opening. */
    static byte[] pngClaiming(int width, int height) {
        ByteBuffer png = ByteBuffer.allocate(8 + 25 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        png.putInt(13).put(ihdr.array()).putInt(crc(ihdr.array()));
        byte[] iend = "IEND".getBytes(StandardCharsets.US_ASCII);
        png.putInt(0).put(iend).putInt(crc(iend));
        return png.array();
    }

    /** A Windows program's first bytes ("MZ"), renamed to look like a photo. */
    static byte[] windowsProgram() {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] text = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, exe, 0x4E, text.length);
        return exe;
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
