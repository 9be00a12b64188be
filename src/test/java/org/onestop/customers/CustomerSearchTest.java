package org.onestop.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The caller search forgives formatting: phone numbers in any format or in part, names and addresses by word starts, e-mail in any case. */
class CustomerSearchTest extends IntegrationTest {

    @Autowired
    CustomerService customers;
    @Autowired
    CustomerSearch search;
    @Autowired
    CustomerSearchIndex index;
    @Autowired
    JdbcTemplate jdbc;

    private String area;
    private String exchange;
    private String line;
    private String surname;
    private Customer jane;

    @BeforeEach
    void aCustomer() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        area = String.valueOf(random.nextInt(200, 999));
        exchange = String.valueOf(random.nextInt(200, 999));
        line = String.format("%04d", random.nextInt(10000));
        surname = "Résidentè" + Long.toString(random.nextLong(1L << 40), 36);
        jane = customers.findOrCreate(new CustomerDetails("Jane " + surname, "(" + area + ") " + exchange + "-" + line,
                surname + ".Jane@Example.ORG", "14 Bay St N, Lakeport", ContactPreference.EMAIL));
    }

    private List<Long> ids(String query) {
        return search.search(query).customers().stream().map(Customer::getId).toList();
    }

    @Test
    void findsAPhoneNumberWhateverItsFormat() {
        for (String q : List.of(area + " " + exchange + " " + line, "(" + area + ") " + exchange + "-" + line,
                "+1 " + area + "." + exchange + "." + line, area + exchange + line, "1-" + area + "-" + exchange + "-" + line)) {
            CustomerSearch.Result result = search.search(q);
            assertThat(result.kind()).as(q).isEqualTo(CustomerSearch.Kind.PHONE);
            assertThat(result.customers()).as(q).extracting(Customer::getId).contains(jane.getId());
        }
    }

    @Test
    void findsPartOfANumberFromSevenDigits() {
        assertThat(ids(exchange + "-" + line)).as("the local number").contains(jane.getId());
        assertThat(ids(area + " " + exchange + " " + line.charAt(0))).as("the first seven digits").contains(jane.getId());
        assertThat(search.search(exchange.substring(1) + line).kind()).as("six digits are not a phone search")
                .isEqualTo(CustomerSearch.Kind.WORDS);
    }

    @Test
    void findsNamesByTheStartsOfTheirWordsInAnyCaseOrOrder() {
        String start = surname.substring(0, 6).toLowerCase();
        assertThat(ids("jane " + start.replace("è", "e").replace("é", "e"))).contains(jane.getId());
        assertThat(ids(surname.toUpperCase() + " JANE")).contains(jane.getId());
        assertThat(ids("john " + surname)).doesNotContain(jane.getId());
    }

    @Test
    void findsAddressesByWords() {
        CustomerSearch.Result result = search.search("14 bay " + surname);
        assertThat(result.customers()).extracting(Customer::getId).containsExactly(jane.getId());
        assertThat(ids("14 bay")).contains(jane.getId());
        assertThat(ids("15 bay " + surname)).isEmpty();
    }

    @Test
    void findsEmailAddressesWhateverTheirCase() {
        assertThat(ids(surname.toUpperCase() + ".JANE@EXAMPLE.ORG")).containsExactly(jane.getId());
        assertThat(ids(surname.toLowerCase() + ".jane@")).containsExactly(jane.getId());
        assertThat(ids("nobody-" + surname + "@example.org")).isEmpty();
    }

    @Test
    void aCorrectionIsFoundByItsNewDetailsOnly() {
        Customer corrected = customers.correct(jane.getId(), jane.getVersion(), new CustomerDetails("Janet " + surname,
                "905-000-" + line, null, "200 Harbour Rd", ContactPreference.PHONE));
        assertThat(ids("janet " + surname)).contains(corrected.getId());
        assertThat(ids("14 bay " + surname)).isEmpty();
        assertThat(ids("harbour " + surname)).contains(jane.getId());
        assertThat(ids("905 000 " + line)).contains(jane.getId());
        assertThat(ids("(" + area + ") " + exchange + "-" + line)).doesNotContain(jane.getId());
    }

    @Test
    void tooShortOrEmptyQueriesSayWhatToType() {
        assertThat(search.search("").hint()).isNotNull();
        assertThat(search.search("j").hint()).contains("two letters");
        assertThat(search.search("%_").hint()).isNotNull();
    }

    @Test
    void customersWrittenBeforeTheIndexAreIndexedAtStartup() {
        jdbc.update("DELETE FROM customer_search_term WHERE customer_id = ?", jane.getId());
        jdbc.update("UPDATE customer SET search_version = 0, phone_digits_reversed = NULL WHERE id = ?", jane.getId());
        assertThat(ids("jane " + surname)).doesNotContain(jane.getId());
        assertThat(ids(exchange + line)).doesNotContain(jane.getId());

        assertThat(index.indexOutdated()).isGreaterThanOrEqualTo(1);

        assertThat(ids("jane " + surname)).contains(jane.getId());
        assertThat(ids(exchange + line)).contains(jane.getId());
    }
}
