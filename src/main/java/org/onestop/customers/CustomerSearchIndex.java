package org.onestop.customers;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The words a customer is found by: the lower-case words of the name, the address and the e-mail's user name, one row
 * each in {@code customer_search_term}. Written with every change to a customer (in its transaction); customers that
 * predate the index (or an older version of it) are indexed at startup.
 */
@Component
public class CustomerSearchIndex {

    /** Raise when {@link #terms} changes: customers indexed with an older version are indexed again at startup. */
    public static final int VERSION = 1;
    static final int MAX_TERM = 40;
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(CustomerSearchIndex.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    CustomerSearchIndex(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** The search terms of a customer with these details (no duplicates, each at most {@value #MAX_TERM} characters). */
    public static Set<String> terms(String name, String email, String address) {
        Set<String> terms = new LinkedHashSet<>();
        words(name, terms);
        words(address, terms);
        if (email != null && email.indexOf('@') > 0) {
            words(email.substring(0, email.indexOf('@')), terms);
        }
        return terms;
    }

    /** The lower-case letters-and-digits words of a text, accents removed ("Côté-Smith" → "cote", "smith"). */
    public static List<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        words(text, words);
        return List.copyOf(words);
    }

    private static void words(String text, Set<String> into) {
        if (text == null || text.isBlank()) {
            return;
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                into.add(word.length() > MAX_TERM ? word.substring(0, MAX_TERM) : word);
            }
        }
    }

    /** Replaces the customer's search terms; call inside the transaction that changed the customer. */
    void index(Customer customer) {
        jdbc.update("DELETE FROM customer_search_term WHERE customer_id = ?", customer.getId());
        List<Object[]> rows = terms(customer.getName(), customer.getEmail(), customer.getAddress()).stream()
                .map(term -> new Object[] {customer.getId(), term}).toList();
        jdbc.batchUpdate("INSERT INTO customer_search_term (customer_id, term) VALUES (?, ?)", rows);
        jdbc.update("UPDATE customer SET search_version = ? WHERE id = ?", VERSION, customer.getId());
    }

    /** Indexes every customer not indexed with the current version, a batch per transaction; returns how many. */
    public int indexOutdated() {
        int total = 0;
        while (true) {
            Integer done = tx.execute(status -> {
                List<Object[]> batch = jdbc.query("SELECT id, name, email, address, phone_digits FROM customer"
                                + " WHERE search_version < ? ORDER BY id LIMIT " + BATCH,
                        (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)},
                        VERSION);
                for (Object[] c : batch) {
                    long id = (Long) c[0];
                    jdbc.update("DELETE FROM customer_search_term WHERE customer_id = ?", id);
                    jdbc.batchUpdate("INSERT INTO customer_search_term (customer_id, term) VALUES (?, ?)",
                            terms((String) c[1], (String) c[2], (String) c[3]).stream().map(t -> new Object[] {id, t}).toList());
                    jdbc.update("UPDATE customer SET search_version = ?, phone_digits_reversed = ? WHERE id = ?",
                            VERSION, PhoneNumbers.reversed((String) c[4]), id);
                }
                return batch.size();
            });
            total += done == null ? 0 : done;
            if (done == null || done < BATCH) {
                return total;
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexAtStartup() {
        try {
            int indexed = indexOutdated();
            if (indexed > 0) {
                log.info("Indexed {} customers for the caller search", indexed);
            }
        } catch (RuntimeException e) {
            // Another node indexing at the same moment, say: what is left is indexed at the next start.
            log.warn("Indexing customers for the caller search stopped: {}", e.getMessage());
        }
    }
}
