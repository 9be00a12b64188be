package org.onestop.models;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onestop.models.JuelTokenizer.Kind;
import org.onestop.models.JuelTokenizer.Token;
import org.onestop.models.JuelTokenizer.Unreadable;

/**
 * What an expression in a model may do. JUEL calls methods on any object it reaches, so the rules are about what an
 * expression can reach: the allowed model beans (named, or called once), Camunda's four built-in functions, and
 * process variables, which may be read, compared and computed with but never called. The engine's own objects
 * ({@code execution}, {@code task}, ...) and Java's reflection ({@code getClass}) are never reachable.
 */
final class ExpressionRules {

    /** What is wrong with an expression and how to fix it. */
    record Finding(String problem, String fix) {
    }

    static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");
    static final Set<String> ENGINE_ROOTS = Set.of("execution", "task", "caseExecution", "variableScope", "externalTask");
    static final Set<String> REFLECTION = Set.of("class", "getClass", "classLoader");

    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{\\s*([A-Za-z_$][A-Za-z0-9_$]*)\\s*}");
    private static final String READ_ONLY_FIX = "read variables and compare them (${size == 'large' && hazard}), "
            + "or let a model bean do the work (${bean.method(...)})";

    private final Set<String> modelBeans;
    private final Set<String> springBeans;

    ExpressionRules(Set<String> modelBeans, Set<String> springBeans) {
        this.modelBeans = Set.copyOf(modelBeans);
        this.springBeans = Set.copyOf(springBeans);
    }

    /** Every {@code ${...}} and {@code #{...}} in a text, delimiters included; one not closed runs to the end. */
    static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < text.length() - 1) {
            char c = text.charAt(i);
            if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
                int end = closingBrace(text, i + 2);
                if (end < 0) {
                    found.add(text.substring(i));
                    break;
                }
                found.add(text.substring(i, end + 1));
                i = end + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    private static int closingBrace(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        return -1;
    }

    /** The bean named by a delegate expression that is exactly {@code ${name}}, or null. */
    static String beanReference(String value) {
        Matcher matcher = BEAN_REFERENCE.matcher(value.trim());
        return matcher.matches() ? matcher.group(1) : null;
    }

    boolean isModelBean(String name) {
        return modelBeans.contains(name);
    }

    String modelBeanList() {
        return modelBeans.isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(modelBeans));
    }

    /** The findings for one expression, given with its delimiters ({@code ${...}} or {@code #{...}}); empty if allowed. */
    List<Finding> check(String expression) {
        if (expression.length() < 3 || !expression.endsWith("}")) {
            return List.of(new Finding("the expression is not closed with }", "close it: ${...}"));
        }
        try {
            return new Parser(JuelTokenizer.tokenize(expression.substring(2, expression.length() - 1))).findings();
        } catch (Unreadable e) {
            return List.of(new Finding("OneStop cannot read this expression: " + e.getMessage(),
                    "write it with variables, comparisons, a model bean or a built-in function (README, \"What models may call\")"));
        }
    }

    /**
     * The process variables an expression reads (given with its delimiters): every name it starts a value with that is
     * not a bean, an engine object or a function. Empty when the expression cannot be read ({@link #check} says why).
     */
    Set<String> variables(String expression) {
        if (expression.length() < 3 || !expression.endsWith("}")) {
            return Set.of();
        }
        try {
            Parser parser = new Parser(JuelTokenizer.tokenize(expression.substring(2, expression.length() - 1)));
            parser.findings();
            return parser.variables;
        } catch (Unreadable e) {
            return Set.of();
        }
    }

    /** Recursive descent over EL 2.2, checking each value chain (root, then .name, [index] and calls) on the way. */
    private final class Parser {

        private final List<Token> tokens;
        private final Set<Finding> findings = new LinkedHashSet<>();
        private final Set<String> variables = new LinkedHashSet<>();
        private int position;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        List<Finding> findings() {
            for (Token token : tokens) {
                if ((token.kind() == Kind.IDENTIFIER || token.kind() == Kind.STRING) && REFLECTION.contains(token.text())) {
                    findings.add(new Finding("'" + token.text() + "' reaches into Java itself", READ_ONLY_FIX));
                }
            }
            if (tokens.isEmpty()) {
                throw new Unreadable("it is empty");
            }
            expression();
            if (position < tokens.size()) {
                throw new Unreadable("unexpected '" + peek().text() + "'");
            }
            return List.copyOf(findings);
        }

        private void expression() {
            binary(0);
            if (accept("?")) {
                expression();
                expect(":");
                expression();
            }
        }

        private static final List<List<String>> LEVELS = List.of(List.of("||", "or"), List.of("&&", "and"),
                List.of("==", "!=", "eq", "ne"), List.of("<", ">", "<=", ">=", "lt", "gt", "le", "ge"),
                List.of("+", "-"), List.of("*", "/", "%", "div", "mod"));

        private void binary(int level) {
            if (level == LEVELS.size()) {
                unary();
                return;
            }
            binary(level + 1);
            while (position < tokens.size() && LEVELS.get(level).stream().anyMatch(peek()::is)) {
                position++;
                binary(level + 1);
            }
        }

        private void unary() {
            if (accept("-") || accept("!") || accept("not") || accept("empty")) {
                unary();
            } else {
                value();
            }
        }

        /** One value chain: a root followed by property reads, indexes and calls. */
        private void value() {
            Token root = next();
            String name = null;
            boolean called = false;
            if (root.isLiteral()) {
                // a literal: may be read from (rarely useful), never called
            } else if (root.is("(")) {
                expression();
                expect(")");
            } else if (root.kind() == Kind.IDENTIFIER) {
                name = root.text();
                if (peek() != null && peek().is(":") && at(1, Kind.IDENTIFIER) && at(2, "(")) {
                    // JUEL reads "a : f(" as the prefixed function a:f, also inside a ternary
                    position++;
                    name = name + ":" + next().text();
                }
                if (peek() != null && peek().is("(")) {
                    function(name);
                    called = true;
                } else {
                    rootName(name);
                }
            } else {
                throw new Unreadable("unexpected '" + root.text() + "'");
            }
            suffixes(name, called);
        }

        private void function(String name) {
            if (!FUNCTIONS.contains(name)) {
                findings.add(new Finding(name + "() is not a function models may use",
                        "use currentUser(), currentUserGroups(), now() or dateTime(), or call a model bean: ${bean.method(...)}"));
            }
            arguments();
        }

        private void rootName(String name) {
            if (ENGINE_ROOTS.contains(name)) {
                findings.add(new Finding("'" + name + "' hands the model the engine itself",
                        "name the variable directly (${propertyType} instead of ${execution.getVariable('propertyType')}); "
                                + "a case's reference is the variable ${reference}"));
            } else if (!modelBeans.contains(name) && springBeans.contains(name)) {
                findings.add(new Finding("'" + name + "' is not a bean models may use",
                        "use one of the model beans (" + modelBeanList() + "); if you meant a process variable, give it another name"));
            } else if (!modelBeans.contains(name) && !name.contains(":")) {
                variables.add(name);
            }
        }

        /** What follows the root: reads, indexes and calls, judged by what the root is. */
        private void suffixes(String root, boolean called) {
            boolean bean = root != null && !called && modelBeans.contains(root);
            // an engine object or a foreign bean is refused as the root already; what follows it adds nothing
            boolean refusedRoot = root != null && !called && (ENGINE_ROOTS.contains(root) || !bean && springBeans.contains(root));
            int steps = 0;
            while (peek() != null && (peek().is(".") || peek().is("["))) {
                String member;
                if (accept(".")) {
                    Token property = next();
                    if (property.kind() != Kind.IDENTIFIER) {
                        throw new Unreadable("a name must follow '.'");
                    }
                    member = property.text();
                } else {
                    position++;
                    member = index();
                }
                steps++;
                boolean call = peek() != null && peek().is("(");
                if (call) {
                    arguments();
                }
                if (refusedRoot) {
                    continue;
                } else if (called) {
                    findings.add(new Finding("'" + member + "' is taken from the result of a call",
                            "call one model bean method that returns what you need: ${bean.method(...)}"));
                } else if (bean) {
                    if (!call || steps > 1) {
                        findings.add(new Finding("a model bean may only be named (${" + root + "}) or called once (${"
                                + root + ".method(...)})", "call one method of " + root + " and use its result as it is"));
                    }
                } else if (call) {
                    findings.add(new Finding("'" + member + "(...)' calls a method on " + (root == null ? "a value" : "the variable '" + root + "'"),
                            READ_ONLY_FIX));
                }
                called = called || call;
            }
        }

        /** A literal index (list[0], map['key']); a computed one could spell any property name, so it is refused. */
        private String index() {
            if (peek() != null && peek().isLiteral() && at(1, "]")) {
                String literal = next().text();
                position++;
                return literal;
            }
            expression();
            expect("]");
            findings.add(new Finding("an index computed at run time can reach any property",
                    "use a fixed index (list[0], map['key']) or a property (map.key)"));
            return "[...]";
        }

        private void arguments() {
            expect("(");
            if (accept(")")) {
                return;
            }
            do {
                expression();
            } while (accept(","));
            expect(")");
        }

        private Token peek() {
            return position < tokens.size() ? tokens.get(position) : null;
        }

        private boolean at(int ahead, Kind kind) {
            return position + ahead < tokens.size() && tokens.get(position + ahead).kind() == kind;
        }

        private boolean at(int ahead, String symbol) {
            return position + ahead < tokens.size() && tokens.get(position + ahead).is(symbol);
        }

        private Token next() {
            if (position >= tokens.size()) {
                throw new Unreadable("it ends too early");
            }
            return tokens.get(position++);
        }

        private boolean accept(String symbol) {
            if (peek() != null && peek().is(symbol)) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(String symbol) {
            if (!accept(symbol)) {
                throw new Unreadable(peek() == null ? "'" + symbol + "' is missing at the end" : "'" + symbol + "' expected before '" + peek().text() + "'");
            }
        }
    }
}
