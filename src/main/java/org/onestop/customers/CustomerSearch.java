package org.onestop.customers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the caller by phone number, e-mail address, name or address, forgiving of formatting: "905 555 0101",
 * "(905) 555-0101" and "+1 905.555.0101" are one number, seven to nine digits are the start or the end of one,
 * "jane res" and "14 bay" are the starts of words of the name, address or e-mail user name in any order, and an
 * e-mail address (or its start) is compared without regard to case. Every path is an index range scan.
 */
@Service
public class CustomerSearch {

    /** Most callers a search lists; more means "add a word". */
    public static final int LIMIT = 50;
    public static final int MAX_QUERY = 200;
    static final int MIN_PHONE_DIGITS = 7;
    static final int MAX_WORDS = 5;

    private static final Pattern PHONE = Pattern.compile("^[+]?[0-9 ().\\-/]+$");

    public enum Kind { PHONE, EMAIL, WORDS, NONE }

    /**
     * @param customers the callers found, by name (at most {@link #LIMIT})
     * @param more whether more callers match than are listed
     * @param hint what to type instead, when the query could not be used
     */
    public record Result(String query, Kind kind, List<Customer> customers, boolean more, String hint) {
    }

    private final JdbcTemplate jdbc;
    private final Customers repository;

    CustomerSearch(JdbcTemplate jdbc, Customers repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public Result search(String rawQuery) {
        String query = rawQuery == null ? "" : rawQuery.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        if (query.isEmpty()) {
            return new Result(query, Kind.NONE, List.of(), false, "Type a phone number, e-mail address, name or address.");
        }
        if (query.indexOf('@') >= 0) {
            return found(query, Kind.EMAIL, jdbc.queryForList(
                    "SELECT id FROM customer WHERE email LIKE ? ESCAPE '!' LIMIT " + (LIMIT + 1), Long.class,
                    likePrefix(query.toLowerCase(Locale.ROOT))));
        }
        if (PHONE.matcher(query).matches()) {
            String digits = PhoneNumbers.digits(query);
            if (digits != null && digits.length() >= MIN_PHONE_DIGITS) {
                return found(query, Kind.PHONE, byPhone(digits));
            }
        }
        return byWords(query);
    }

    private List<Long> byPhone(String digits) {
        if (digits.length() == 10) {
            return jdbc.queryForList("SELECT id FROM customer WHERE phone_digits = ? LIMIT " + (LIMIT + 1), Long.class, digits);
        }
        if (digits.length() > 10) {
            // A number with an extension, or typed with a country code other than 1: the whole number, or its first ten digits.
            return union(jdbc.queryForList("SELECT id FROM customer WHERE phone_digits = ? LIMIT " + (LIMIT + 1), Long.class, digits),
                    jdbc.queryForList("SELECT id FROM customer WHERE phone_digits LIKE ? LIMIT " + (LIMIT + 1), Long.class,
                            digits.substring(0, 10) + "%"));
        }
        // Part of a number: its start (area code and exchange) or its end (the local number).
        return union(jdbc.queryForList("SELECT id FROM customer WHERE phone_digits_reversed LIKE ? LIMIT " + (LIMIT + 1),
                        Long.class, PhoneNumbers.reversed(digits) + "%"),
                jdbc.queryForList("SELECT id FROM customer WHERE phone_digits LIKE ? LIMIT " + (LIMIT + 1), Long.class, digits + "%"));
    }

    private Result byWords(String query) {
        List<String> words = new ArrayList<>(CustomerSearchIndex.words(query));
        if (words.size() > 1) {
            words.removeIf(w -> w.length() < 2 && !Character.isDigit(w.charAt(0)));
        }
        if (words.isEmpty() || (words.size() == 1 && words.get(0).length() < 2 && !Character.isDigit(words.get(0).charAt(0)))) {
            return new Result(query, Kind.NONE, List.of(), false,
                    "Type at least two letters of a name or address, seven digits of a phone number, or an e-mail address.");
        }
        // The longest word leads (it is likely the rarest); every other word must start one of the same customer's terms.
        words.sort(Comparator.comparingInt(String::length).reversed());
        if (words.size() > MAX_WORDS) {
            words = words.subList(0, MAX_WORDS);
        }
        StringBuilder sql = new StringBuilder("SELECT DISTINCT t0.customer_id FROM customer_search_term t0 WHERE t0.term LIKE ?");
        List<Object> args = new ArrayList<>();
        args.add(words.get(0) + "%");
        for (int i = 1; i < words.size(); i++) {
            sql.append(" AND EXISTS (SELECT 1 FROM customer_search_term t").append(i).append(" WHERE t").append(i)
                    .append(".customer_id = t0.customer_id AND t").append(i).append(".term LIKE ?)");
            args.add(words.get(i) + "%");
        }
        sql.append(" LIMIT ").append(LIMIT + 1);
        return found(query, Kind.WORDS, jdbc.queryForList(sql.toString(), Long.class, args.toArray()));
    }

    private Result found(String query, Kind kind, List<Long> ids) {
        boolean more = ids.size() > LIMIT;
        List<Customer> customers = new ArrayList<>(repository.findAllById(more ? ids.subList(0, LIMIT) : ids));
        customers.sort(Comparator.comparing((Customer c) -> c.getName().toLowerCase(Locale.ROOT)).thenComparing(Customer::getId));
        return new Result(query, kind, customers, more, null);
    }

    private static List<Long> union(List<Long> a, List<Long> b) {
        Set<Long> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    /** A LIKE pattern for "starts with", with LIKE's own characters escaped by '!'. */
    private static String likePrefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
