package org.onestop.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

/** What the photo check keeps, what it refuses, and that what it keeps has lost its metadata. */
class PhotosTest {

    private final Photos photos = new Photos(null, null, Clock.systemUTC(), new PhotoProperties(DataSize.ofMegabytes(10), 40_000_000));

    @Test
    void aPngIsKeptAsAPngOfTheSameSize() throws Exception {
        Photos.CleanImage clean = photos.clean(TestImages.png(64, 48));
        assertThat(clean.contentType()).isEqualTo("image/png");
        assertThat(clean.width()).isEqualTo(64);
        assertThat(clean.height()).isEqualTo(48);
        assertThat(ImageIO.read(new ByteArrayInputStream(clean.bytes())).getWidth()).isEqualTo(64);
    }

    @Test
    void aGifBecomesAPng() throws Exception {
        java.io.ByteArrayOutputStream gif = new java.io.ByteArrayOutputStream();
        ImageIO.write(TestImages.picture(20, 10), "gif", gif);
        assertThat(photos.clean(gif.toByteArray()).contentType()).isEqualTo("image/png");
    }

    @Test
    void aJpegLosesItsExifAndGpsPosition() throws Exception {
        byte[] original = TestImages.jpegWithGps(80, 60);
        // The original really carries them, and still decodes.
        assertThat(TestImages.contains(original, "Exif\0\0".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(TestImages.contains(original, TestImages.EXIF_MARKER.getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(ImageIO.read(new ByteArrayInputStream(original))).isNotNull();

        Photos.CleanImage clean = photos.clean(original);

        assertThat(clean.contentType()).isEqualTo("image/jpeg");
        assertThat(TestImages.contains(clean.bytes(), "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(TestImages.contains(clean.bytes(), TestImages.EXIF_MARKER.getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(TestImages.contains(clean.bytes(), new byte[] {(byte) 0xFF, (byte) 0xE1})).isFalse(); // no APP1 at all
        assertThat(ImageIO.read(new ByteArrayInputStream(clean.bytes())).getHeight()).isEqualTo(60);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "orientation {0}, big-endian {1}")
    @org.junit.jupiter.params.provider.CsvSource({"6, true, 0.875, 0.125", "6, false, 0.875, 0.125", "8, true, 0.125, 0.875",
            "3, false, 0.875, 0.875", "1, true, 0.125, 0.125"})
    void aSidewaysPhoneJpegIsTurnedTheRightWayUpBeforeItsMetadataGoes(int orientation, boolean bigEndian, double redX, double redY)
            throws Exception {
        byte[] original = TestImages.jpegWithOrientation(80, 40, orientation, bigEndian);
        assertThat(ExifOrientation.of(original)).isEqualTo(orientation);

        Photos.CleanImage clean = photos.clean(original);

        java.awt.image.BufferedImage turned = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
        boolean sideways = orientation >= 5;
        assertThat(turned.getWidth()).isEqualTo(sideways ? 40 : 80);
        assertThat(turned.getHeight()).isEqualTo(sideways ? 80 : 40);
        // The red corner is where the camera's "this way up" puts it.
        java.awt.Color corner = new java.awt.Color(turned.getRGB((int) (redX * turned.getWidth()), (int) (redY * turned.getHeight())));
        assertThat(corner.getRed()).isGreaterThan(180);
        assertThat(corner.getGreen()).isLessThan(90);
        assertThat(TestImages.contains(clean.bytes(), "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void aJpegWithoutExifOrWithBrokenExifIsLeftAsItIs() throws Exception {
        assertThat(ExifOrientation.of(TestImages.jpeg(20, 10))).isEqualTo(1);
        byte[] broken = TestImages.jpegWithOrientation(20, 10, 6, true);
        broken[16] = (byte) 0x7F; // the IFD offset (big-endian, after SOI, APP1 header and "Exif\0\0") now points far outside
        assertThat(ExifOrientation.of(broken)).isEqualTo(1);
        assertThat(ExifOrientation.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 40})).isEqualTo(1);
    }

    @Test
    void aLargePictureIsScaledDownAndStoredWithinTheSizeLimit() throws Exception {
        // Noise does not compress: as PNG this 5000 × 3000 picture is far above 1 MB.
        java.awt.image.BufferedImage noise = new java.awt.image.BufferedImage(5000, 3000, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(42);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(noise, "png", png);
        Photos small = new Photos(null, null, Clock.systemUTC(), new PhotoProperties(DataSize.ofMegabytes(64), 40_000_000));
        Photos.CleanImage scaled = small.clean(png.toByteArray());
        assertThat(scaled.width()).isEqualTo(Photos.MAX_STORED_SIDE);
        assertThat(scaled.height()).isEqualTo(2458);


        // A noisy GIF compresses better (one palette byte a pixel) than the same pixels as PNG: the clean copy would
        // be larger than the limit, so it is stored as a JPEG that fits.
        java.io.ByteArrayOutputStream gif = new java.io.ByteArrayOutputStream();
        ImageIO.write(noise.getSubimage(0, 0, 1000, 1000), "gif", gif);
        Photos strict = new Photos(null, null, Clock.systemUTC(), new PhotoProperties(DataSize.ofBytes(gif.size() + 100_000), 40_000_000));
        assertThat(new Photos(null, null, Clock.systemUTC(), new PhotoProperties(DataSize.ofMegabytes(64), 40_000_000)).clean(gif.toByteArray())
                .bytes().length).isGreaterThan(gif.size() + 100_000);
        Photos.CleanImage fitted = strict.clean(gif.toByteArray());
        assertThat(fitted.contentType()).isEqualTo("image/jpeg");
        assertThat(fitted.bytes().length).isLessThanOrEqualTo(gif.size() + 100_000);
    }

    @Test
    void aProgramRenamedToJpgIsRefused() {
        assertThatThrownBy(() -> photos.clean(new MockMultipartFile("photo", "pothole.jpg", "image/jpeg", TestImages.windowsProgram())))
                .isInstanceOf(Photos.RejectedPhoto.class).hasMessageContaining("not a photo we can read");
    }

    @Test
    void aTruncatedPictureIsRefused() throws Exception {
        byte[] png = TestImages.png(200, 200);
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> photos.clean(truncated)).isInstanceOf(Photos.RejectedPhoto.class);
    }

    @Test
    void aPictureClaimingHugeDimensionsIsRefusedBeforeDecoding() {
        byte[] bomb = TestImages.pngClaiming(10_000, 10_000); // 100 megapixels in 45 bytes
        assertThat(bomb.length).isLessThan(100);
        assertThatThrownBy(() -> photos.clean(bomb)).isInstanceOf(Photos.RejectedPhoto.class)
                .hasMessageContaining("10000 × 10000").hasMessageContaining("40 megapixels");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithoutReadingIt() {
        MockMultipartFile big = new MockMultipartFile("photo", "big.jpg", "image/jpeg", new byte[20 * 1024 * 1024]);
        assertThatThrownBy(() -> photos.clean(big)).isInstanceOf(Photos.RejectedPhoto.class)
                .hasMessageContaining("20 MB").hasMessageContaining("largest we accept is 10 MB");
    }
}
