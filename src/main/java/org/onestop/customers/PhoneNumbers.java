package org.onestop.customers;

/** Phone numbers compared by their digits, so that "(905) 555-0101" and "905 555 0101" are the same number. */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** The national digits of a North American number (a leading country code 1 dropped), or null. */
    public static String digits(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        return digits.isEmpty() ? null : digits;
    }

    /** The digits backwards ("9055550101" → "1010555509"), or null. */
    public static String reversed(String digits) {
        return digits == null ? null : new StringBuilder(digits).reverse().toString();
    }
}
