package org.onestop.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The address register of the City of Lakeport: forgiving lookup, suggestions, and the points the demo relies on. */
class AddressRegisterTest {

    private final AddressRegister register;

    AddressRegisterTest() throws Exception {
        register = new AddressRegister(new AddressProperties(new ClassPathResource("addresses/lakeport-addresses.csv")));
    }

    @Test
    void findsAnAddressHoweverItIsTyped() {
        AddressPoint demo = register.find("120 King St E, Lakeport").orElseThrow();
        assertThat(demo.latitude()).isEqualTo(43.2561);
        assertThat(demo.longitude()).isEqualTo(-79.8690);
        assertThat(register.find("120 king st e")).contains(demo);
        assertThat(register.find("  120 KING STREET EAST ")).contains(demo);
        assertThat(register.find("120 King St. E., Lakeport ON")).contains(demo);
        assertThat(register.find("120 King St E Lakeport")).contains(demo);
    }

    @Test
    void doesNotGuessAnAddressThatIsNotThere() {
        assertThat(register.find("123 King St E")).isEmpty();
        assertThat(register.find("99999 King St E")).isEmpty();
        assertThat(register.find("120 King St E, Toronto")).isEmpty();
        assertThat(register.find("")).isEmpty();
        assertThat(register.find(null)).isEmpty();
        assertThat(register.find("1".repeat(400))).isEmpty();
    }

    @Test
    void theDemoPotholeHasANeighbourAboutThirtyMetresAway() {
        AddressPoint a = register.find("120 King St E").orElseThrow();
        AddressPoint b = register.find("130 King St E").orElseThrow();
        assertThat(Distances.metres(a.latitude(), a.longitude(), b.latitude(), b.longitude())).isBetween(25.0, 35.0);
    }

    @Test
    void holdsAFewHundredPointsOfTheDemoStreetsInsideTheCity() {
        assertThat(register.size()).isBetween(200, 1000);
        for (String street : new String[] {"King St E", "Queen St S", "Main St W", "Locke St S", "Aberdeen Ave", "Bay St N"}) {
            assertThat(register.suggest(street, 500)).as(street).hasSizeGreaterThan(10);
        }
        assertThat(register.all()).allSatisfy(p -> {
            assertThat(p.latitude()).isBetween(43.22, 43.27);
            assertThat(p.longitude()).isBetween(-79.95, -79.84);
        });
    }

    @Test
    void suggestsAddressesThatStartWithWhatWasTyped() {
        assertThat(register.suggest("130 king", 3)).first().extracting(AddressPoint::address).isEqualTo("130 King St E, Lakeport");
        assertThat(register.suggest("", 3)).isEmpty();
    }

    @Test
    void readsQuotedCsvCells() {
        assertThat(AddressRegister.cells("\"1 A St, Lakeport\",43.1,-79.2")).containsExactly("1 A St, Lakeport", "43.1", "-79.2");
        assertThat(AddressRegister.cells("\"say \"\"hi\"\"\",1,2")).containsExactly("say \"hi\"", "1", "2");
    }

    @Test
    void aBoundingBoxHoldsTheCircle() {
        Distances.BoundingBox box = Distances.around(43.2561, -79.8690, 50);
        assertThat(Distances.metres(43.2561, -79.8690, box.maxLatitude(), -79.8690)).isBetween(49.9, 50.1);
        assertThat(Distances.metres(43.2561, -79.8690, 43.2561, box.maxLongitude())).isBetween(49.9, 50.1);
    }
}
