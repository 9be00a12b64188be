package org.onestop.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.cases.CaseService;
import org.onestop.cases.ServiceRequest;
import org.onestop.customers.CustomerService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The residents' report page over HTTP, as a browser without JavaScript uses it. */
class ReportPageTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseService cases;
    @Autowired
    CustomerService customers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StatusLinks links;

    private Resident resident;

    @BeforeEach
    void browser() {
        resident = new Resident(port);
    }

    @Test
    void typingFindsPublicServicesAndTheAzListHasNoStaffOnlyService() throws Exception {
        HttpResponse<String> page = resident.get("/report?words=pothole+in+the+road");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Services matching", "href=\"/report/pothole\"", "All services from A to Z");
        assertThat(page.body()).doesNotContain("/report/councillor-inquiry");
        assertThat(resident.get("/report").body()).contains("href=\"/report/missed-collection\"").doesNotContain("Services matching");
        assertThat(resident.get("/report?words=zzzzqq").body()).contains("No service matches");
        assertThat(resident.get("/report/councillor-inquiry").statusCode()).isEqualTo(404);
        assertThat(resident.get("/report/no-such-thing").body()).contains("We could not find that page");
    }

    @Test
    void aResidentReportsAPotholeWithAPhotoAndGetsTheReferenceAndThePromisedDate() throws Exception {
        List<Resident.Part> parts = new ArrayList<>(potholeAnswers());
        parts.add(Resident.Part.field("address", "120 King St E"));
        parts.add(Resident.Part.field("latitude", "43.2561"));
        parts.add(Resident.Part.field("longitude", "-79.8690"));
        parts.add(Resident.Part.field("description", "Deep hole by the bus stop"));
        parts.add(Resident.Part.field("name", "Jane Resident"));
        parts.add(Resident.Part.field("email", "Jane.Report@Example.org"));
        parts.add(Resident.Part.field("emailUpdates", "true"));
        parts.add(Resident.Part.file("photo", "hole.png", "image/png", TestImages.png(120, 90)));

        HttpResponse<String> sent = resident.postMultipart("/report/pothole", "/report/pothole", parts);

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String location = sent.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/report/received/SR-2026-\\d{6}\\?key=[A-Za-z0-9_-]{22}");
        String reference = referenceIn(location);
        ServiceRequest sr = cases.get(reference);
        assertThat(sr.getChannel().code()).isEqualTo("web");
        assertThat(sr.getWard()).isEqualTo("Ward 1 - Harbourfront");
        assertThat(sr.getCreatedBy()).isEqualTo("resident");
        assertThat(customers.find(sr.getCustomerId()).orElseThrow().getPreferredChannel().code()).isEqualTo("email");

        HttpResponse<String> receipt = resident.get("/report/received/" + reference + "?key=" + links.key(reference));
        assertThat(receipt.body()).contains(reference);
        assertThat(receipt.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        // The resident who just reported gets their own status link; the reference alone gets the plain one.
        assertThat(receipt.body()).contains("id=\"status-link\" href=\"" + links.path(reference) + "\"");
        assertThat(resident.get("/report/received/" + reference).body()).contains("id=\"status-link\" href=\"/status/" + reference + "\"")
                .doesNotContain("?key=");
        String promised = PublicDates.day(sr.getResolveBy(), java.time.ZoneId.of("America/Toronto"));
        assertThat(promised).matches("(Monday|Tuesday|Wednesday|Thursday|Friday) \\d{1,2} (November|December) 2026");
        assertThat(receipt.body()).contains(promised);

        Map<String, Object> photo = jdbc.queryForMap("SELECT content_type, width, height, size FROM case_photo WHERE case_id = ?", sr.getId());
        assertThat(photo).containsEntry("CONTENT_TYPE", "image/png").containsEntry("WIDTH", 120).containsEntry("HEIGHT", 90);

        // Apps see the photo too: Open311's media_url is its public (stripped) address on the status page, with a key
        // that opens that photo only, not the resident's page.
        String json = resident.get("/open311/v2/requests/" + reference + ".json").body();
        java.util.regex.Matcher media = java.util.regex.Pattern.compile("\"media_url\":\"https?://[^/\"]+(/status/" + reference
                + "/photos/\\d+)\\?key=([A-Za-z0-9_-]{22})\"").matcher(json);
        assertThat(media.find()).as(json).isTrue();
        HttpResponse<byte[]> image = resident.getBytes(media.group(1) + "?key=" + media.group(2));
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(resident.getBytes(media.group(1)).statusCode()).isEqualTo(404);
        assertThat(media.group(2)).isNotEqualTo(links.key(reference));
        assertThat(resident.get("/status/" + reference + "?key=" + media.group(2)).body()).contains("id=\"limited\"")
                .doesNotContain("Deep hole by the bus stop");
    }

    @Test
    void anAddressAloneIsEnoughAndAJpegIsKeptWithoutItsGpsPosition() throws Exception {
        List<Resident.Part> parts = new ArrayList<>(potholeAnswers());
        parts.add(Resident.Part.field("address", "7 Harbour Rd"));
        parts.add(Resident.Part.file("photo", "IMG_0001.JPG", "image/jpeg", TestImages.jpegWithGps(64, 64)));

        HttpResponse<String> sent = resident.postMultipart("/report/pothole", "/report/pothole", parts);

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String reference = referenceIn(sent.headers().firstValue("Location").orElseThrow());
        ServiceRequest sr = cases.get(reference);
        assertThat(sr.getCustomerId()).isNull();
        assertThat(sr.getLatitude()).isNull();
        byte[] stored = jdbc.queryForObject("SELECT bytes FROM case_photo WHERE case_id = ?", byte[].class, sr.getId());
        assertThat(TestImages.contains(stored, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(TestImages.contains(stored, TestImages.EXIF_MARKER.getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(64);
    }

    @Test
    void mistakesAreShownBesideTheirFieldsAndEverythingTypedIsKept() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM service_request", Long.class);
        List<Resident.Part> parts = new ArrayList<>();
        parts.add(Resident.Part.field("q.locationOnRoad", "bike-lane")); // size missing
        parts.add(Resident.Part.field("description", "Kept <b>text</b> & more"));
        parts.add(Resident.Part.field("latitude", "north-ish"));
        parts.add(Resident.Part.field("longitude", "-79.9"));
        parts.add(Resident.Part.field("name", "Sam"));
        parts.add(Resident.Part.field("email", "not-an-address"));
        parts.add(Resident.Part.field("phone", "905 555 0199"));

        HttpResponse<String> page = resident.postMultipart("/report/pothole", "/report/pothole", parts);

        assertThat(page.statusCode()).isEqualTo(400);
        String html = page.body();
        assertThat(html).contains("Please check your report");
        assertThat(html).containsPattern("id=\"q-size\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"q-size-error\"");
        assertThat(html).contains("id=\"q-size-error\">This answer is required.");
        assertThat(html).containsPattern("id=\"latitude\"[^>]*value=\"north-ish\"[^>]*aria-invalid=\"true\"");
        assertThat(html).contains("id=\"latitude-error\">Latitude must be a number");
        assertThat(html).containsPattern("id=\"email\"[^>]*value=\"not-an-address\"[^>]*aria-invalid=\"true\"");
        assertThat(html).contains("id=\"email-error\">Your e-mail address must be an e-mail address.");
        assertThat(html).contains("Kept &lt;b&gt;text&lt;/b&gt; &amp; more</textarea>");
        assertThat(html).containsPattern("value=\"bike-lane\" selected");
        assertThat(html).contains("value=\"Sam\"", "value=\"905 555 0199\"", "value=\"-79.9\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM service_request", Long.class)).isEqualTo(before);
    }

    @Test
    void aLocationIsRequiredAndAPinOutsideTheCityIsRefused() throws Exception {
        HttpResponse<String> nowhere = resident.postMultipart("/report/pothole", "/report/pothole", potholeAnswers());
        assertThat(nowhere.statusCode()).isEqualTo(400);
        assertThat(nowhere.body()).contains("id=\"address-error\">Give the address or nearest intersection, or place a pin on the map.");

        List<Resident.Part> parts = new ArrayList<>(potholeAnswers());
        parts.add(Resident.Part.field("latitude", "45.5"));
        parts.add(Resident.Part.field("longitude", "-73.6"));
        HttpResponse<String> montreal = resident.postMultipart("/report/pothole", "/report/pothole", parts);
        assertThat(montreal.statusCode()).isEqualTo(400);
        assertThat(montreal.body()).contains("This place is outside the city.");
    }

    @Test
    void aRenamedProgramIsRefusedBesideThePhotoFieldKeepingTheRest() throws Exception {
        List<Resident.Part> parts = new ArrayList<>(potholeAnswers());
        parts.add(Resident.Part.field("address", "1 Main St"));
        parts.add(Resident.Part.field("description", "Big one"));
        parts.add(Resident.Part.file("photo", "photo.jpg", "image/jpeg", TestImages.windowsProgram()));

        HttpResponse<String> page = resident.postMultipart("/report/pothole", "/report/pothole", parts);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"photo-error\">This file is not a photo we can read. Attach a JPEG, PNG or GIF picture.");
        assertThat(page.body()).containsPattern("id=\"photo\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"photo-hint photo-error\"");
        assertThat(page.body()).contains("value=\"1 Main St\"", "Big one</textarea>");
    }

    @Test
    void aTwentyMegabytePhotoIsRefusedBesideTheFieldKeepingTheRest() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024];
        byte[] png = TestImages.png(100, 100);
        System.arraycopy(png, 0, big, 0, png.length);
        List<Resident.Part> parts = new ArrayList<>(potholeAnswers());
        parts.add(Resident.Part.field("address", "22 Lake Ave"));
        parts.add(Resident.Part.field("email", "kept@example.org"));
        parts.add(Resident.Part.field("name", "Kept Name"));
        parts.add(Resident.Part.file("photo", "huge.png", "image/png", big));

        HttpResponse<String> page = resident.postMultipart("/report/pothole", "/report/pothole", parts);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"photo-error\">The photo is 20 MB; the largest we accept is 10 MB.");
        assertThat(page.body()).contains("value=\"22 Lake Ave\"", "value=\"kept@example.org\"", "value=\"Kept Name\"");
        assertThat(page.body()).containsPattern("value=\"large\" selected");
    }

    @Test
    void aBodyBeyondTheUploadLimitGetsAFriendlyPage() throws Exception {
        List<Resident.Part> parts = new ArrayList<>(potholeAnswers());
        parts.add(Resident.Part.file("photo", "enormous.png", "image/png", new byte[31 * 1024 * 1024]));

        HttpResponse<String> page = resident.postMultipart("/report/pothole", "/report/pothole", parts);

        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("The photo is too large", "up to 10 MB", "Report a problem");
    }

    @Test
    void aResidentCanAskForEmailUpdatesOnlyWithAnEmailAddress() throws Exception {
        List<Resident.Part> parts = new ArrayList<>(potholeAnswers());
        parts.add(Resident.Part.field("address", "1 Main St"));
        parts.add(Resident.Part.field("emailUpdates", "true"));
        HttpResponse<String> page = resident.postMultipart("/report/pothole", "/report/pothole", parts);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"email-error\">Give your e-mail address to get updates by e-mail");
        assertThat(page.body()).containsPattern("id=\"emailUpdates\"[^>]*checked");
    }

    /** The reference in the confirmation page's address, {@code …/report/received/SR-2026-000123?key=…}. */
    static String referenceIn(String location) {
        return location.replaceAll(".*/report/received/([^?]+).*", "$1");
    }

    static List<Resident.Part> potholeAnswers() {
        return List.of(Resident.Part.field("q.hazard", "true"), Resident.Part.field("q.size", "large"),
                Resident.Part.field("q.locationOnRoad", "driving-lane"));
    }
}
