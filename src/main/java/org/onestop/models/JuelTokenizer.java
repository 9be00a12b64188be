package org.onestop.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits the inside of one JUEL expression (between {@code ${} and {@code }}) into tokens, the way the engine's
 * JUEL (EL 2.2 with method calls) reads it: string literals are one token, so a name inside quotes is never taken for
 * a variable or a bean. Anything EL 2.2 does not have (assignments, lambdas, {@code ;}) is refused as unreadable.
 */
final class JuelTokenizer {

    enum Kind { IDENTIFIER, KEYWORD, STRING, NUMBER, SYMBOL }

    /** A token; for a string literal, {@code text} is its value without quotes and escapes. */
    record Token(Kind kind, String text) {

        boolean is(String symbolOrKeyword) {
            return (kind == Kind.SYMBOL || kind == Kind.KEYWORD) && text.equals(symbolOrKeyword);
        }

        boolean isLiteral() {
            return kind == Kind.STRING || kind == Kind.NUMBER
                    || kind == Kind.KEYWORD && (text.equals("true") || text.equals("false") || text.equals("null"));
        }
    }

    /** The expression cannot be read; the message says where. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true", "false",
            "null", "empty", "div", "mod", "instanceof");

    private static final List<String> SYMBOLS = List.of("==", "!=", "<=", ">=", "&&", "||",
            "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", "(", ")", "[", "]", ".", ",");

    private JuelTokenizer() {
    }

    static List<Token> tokenize(String body) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                i = string(body, i, tokens);
            } else if (Character.isDigit(c) || c == '.' && i + 1 < body.length() && Character.isDigit(body.charAt(i + 1))
                    && !endsOperand(tokens)) {
                int start = i;
                while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '.'
                        || (body.charAt(i) == '+' || body.charAt(i) == '-') && Character.toLowerCase(body.charAt(i - 1)) == 'e')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, body.substring(start, i)));
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < body.length() && Character.isJavaIdentifierPart(body.charAt(i))) {
                    i++;
                }
                String word = body.substring(start, i);
                tokens.add(new Token(KEYWORDS.contains(word) ? Kind.KEYWORD : Kind.IDENTIFIER, word));
            } else {
                String symbol = symbolAt(body, i);
                if (symbol == null) {
                    throw new Unreadable("'" + c + "' is not part of the expression language");
                }
                tokens.add(new Token(Kind.SYMBOL, symbol));
                i += symbol.length();
            }
        }
        return tokens;
    }

    private static int string(String body, int start, List<Token> tokens) {
        char quote = body.charAt(start);
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                value.append(body.charAt(i + 1));
                i += 2;
            } else if (c == quote) {
                tokens.add(new Token(Kind.STRING, value.toString()));
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new Unreadable("a text in quotes is not closed");
    }

    private static String symbolAt(String body, int i) {
        for (String symbol : SYMBOLS) {
            if (body.startsWith(symbol, i)) {
                // EL 3 assignment and lambda arrows start like these; the engine's EL 2.2 does not know them.
                if ((symbol.equals("-") && body.startsWith("->", i)) || (symbol.equals("+") && body.startsWith("+=", i))) {
                    return null;
                }
                return symbol;
            }
        }
        return null;
    }

    private static boolean endsOperand(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        Token last = tokens.get(tokens.size() - 1);
        return last.kind() == Kind.IDENTIFIER || last.kind() == Kind.STRING || last.kind() == Kind.NUMBER
                || last.is(")") || last.is("]");
    }
}
