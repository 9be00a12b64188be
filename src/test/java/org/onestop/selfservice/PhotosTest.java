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

    private final Photos photos = new Photos(null, null, Clock.systemUTC(), DataSize.ofMegabytes(10), 40_000_000);

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
