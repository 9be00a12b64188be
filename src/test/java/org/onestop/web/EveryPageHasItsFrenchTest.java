package org.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;

/**
 * Every page has its French: no template under {@code templates/} shows a literal text to its reader. What the reader
 * sees or hears (text between tags, and the attributes title, aria-label, placeholder, alt, an input button's value) is a
 * message expression ({@code th:text="#{key}"}, {@code th:aria-label="#{key}"}…), whose French is in
 * {@code messages_fr.properties} ({@code FrenchTextsTest} checks that side). Literal strings inside such expressions
 * and in a fragment's arguments ({@code head('Home')}) count too. Not flagged: the prototype text of an element whose
 * content an expression replaces, text without a letter (symbols, numbers, punctuation), {@code <code>}, scripts and
 * styles, comments, message keys ({@code #messages.msg('staff.status.' + …)}), values compared in an expression, and
 * the product's own name. Mail templates are per-language files already and are not scanned.
 */
class EveryPageHasItsFrenchTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /**
     * Templates not yet converted, by folder. The console's pages are being put through message keys on another branch
     * at the same time; this set is emptied when that branch is merged, and then every template is checked.
     */
    static final Set<String> NOT_YET_CHECKED = Set.of();

    /** Names that are the same in both languages. */
    static final Set<String> PROPER_NAMES = Set.of("OneStop", "Open311");

    /** Attributes a reader perceives (read aloud or shown); {@code value} only on input buttons, see {@link #visibleValue}. */
    static final Set<String> VISIBLE_ATTRIBUTES = Set.of("title", "aria-label", "placeholder", "alt");

    /** Thymeleaf attributes whose content replaces the element's content (its text is only a prototype). */
    static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "sec:authentication");

    /** Elements whose text is not language: code, scripts, styles. */
    static final Set<String> NOT_LANGUAGE = Set.of("code", "script", "style", "pre");

    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
    /** A message key ({@code #messages.msg('…')}) or a lookup's key ({@code errors.get('title')}): a method's first argument. */
    private static final Pattern KEY_ARGUMENT = Pattern.compile("\\.\\w+\\(\\s*$");
    private static final Pattern COMPARISON_BEFORE = Pattern.compile("(?:==|!=|\\beq|\\bne)\\s*$");
    private static final Pattern COMPARISON_AFTER = Pattern.compile("^\\s*(?:==|!=|eq\\b|ne\\b)");
    private static final Pattern VISIBLE_IN_TH_ATTR = Pattern.compile("(?<![\\w-])(?:title|aria-label|placeholder|alt)\\s*=");

    @Test
    void everyVisibleTextOfEveryPageIsAMessage() throws IOException {
        List<String> literal = new ArrayList<>();
        List<Path> pages = pages();
        assertThat(pages).as("templates scanned").hasSizeGreaterThan(20);
        for (Path page : pages) {
            literal.addAll(literalTexts(page));
        }
        assertThat(literal).as("literal texts on pages (put them in i18n/messages.properties and messages_fr.properties, "
                + "and show them with #{key})").isEmpty();
    }

    /** Every message a page names ({@code #{key}}, {@code #messages.msg('key')}) is in the messages (and so has its French). */
    @Test
    void everyMessageAPageNamesExists() throws IOException {
        java.util.Properties english = new java.util.Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/i18n/messages.properties"), StandardCharsets.UTF_8)) {
            english.load(in);
        }
        Pattern named = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[}(]|#messages\\.msg\\('([A-Za-z][\\w.-]*[\\w-])'\\)");
        List<String> unknown = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path page : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                Matcher m = named.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (m.find()) {
                    found++;
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!english.containsKey(key)) {
                        unknown.add(TEMPLATES.relativize(page) + ": " + key);
                    }
                }
            }
        }
        assertThat(found).as("messages named").isGreaterThan(300);
        assertThat(unknown).as("messages the pages name that i18n/messages.properties does not have").isEmpty();
    }

    /** The check finds what it is for, and leaves alone what is not language. */
    @Test
    void theCheckTellsLiteralTextFromMessages() {
        assertThat(literalTexts("t", "<p>Hello</p>")).containsExactly("t: text \"Hello\"");
        assertThat(literalTexts("t", "<p th:text=\"#{hello}\">Hello</p><p>· 42 – (3)</p><code>/api/cases</code>")).isEmpty();
        assertThat(literalTexts("t", "<button aria-label=\"Close\" th:text=\"#{x}\">x</button>"))
                .containsExactly("t: button aria-label=\"Close\"");
        assertThat(literalTexts("t", "<button aria-label=\"Close\" th:aria-label=\"#{close}\" th:text=\"#{x}\">x</button>")).isEmpty();
        assertThat(literalTexts("t", "<button type=\"submit\" name=\"decision\" value=\"new\" th:text=\"#{save}\">Save</button>")).isEmpty();
        assertThat(literalTexts("t", "<p th:text=\"#{${'dashboard.' + part + '.hint'}}\">x</p><p th:text=\"${#messages.msg('rag.' + r)}\">x</p>")).isEmpty();
        assertThat(literalTexts("t", "<p th:text=\"#{added(${'New ' + name})}\">x</p>")).containsExactly("t: p th:text literal 'New '");
        assertThat(literalTexts("t", "<p th:text=\"#{'dashboard.' + ${part} + '.hint'}\">x</p>")).isEmpty();
        assertThat(literalTexts("t", "<input type=\"submit\" value=\"Send\"><input type=\"text\" name=\"q\" value=\"pothole\">"))
                .containsExactly("t: input value=\"Send\"");
        assertThat(literalTexts("t", "<img src=\"a.png\" alt=\"A map\">")).containsExactly("t: img alt=\"A map\"");
        assertThat(literalTexts("t", "<td th:text=\"${t.assignee} ?: 'not claimed'\">-</td>"))
                .containsExactly("t: td th:text literal 'not claimed'");
        assertThat(literalTexts("t", "<td th:text=\"${#messages.msgOrNull('staff.status.' + s)} ?: ${s} + ' · OneStop'\">-</td>"))
                .isEmpty();
        assertThat(literalTexts("t", "<span th:text=\"${v == 'internal'} ? #{a} : #{b}\">x</span>")).isEmpty();
        assertThat(literalTexts("t", "<p th:text=\"#{title} + ' ' + ${errors.get('title')}\">e</p>")).isEmpty();
        assertThat(literalTexts("t", "<td th:text=\"${#temporals.format(d, 'EEE d MMM')}\">d</td>"))
                .containsExactly("t: td th:text literal 'EEE d MMM'");
        assertThat(literalTexts("t", "<head th:replace=\"~{layout :: head('Home')}\"></head>"))
                .containsExactly("t: head th:replace literal 'Home'");
        assertThat(literalTexts("t", "<button th:attr=\"aria-label='Remove ' + ${id}\" th:text=\"#{remove}\">Remove</button>"))
                .containsExactly("t: button th:attr literal 'Remove '");
        assertThat(literalTexts("t", "<a class=\"brand\" href=\"/\">OneStop</a><!-- a comment -->")).isEmpty();
        assertThat(literalTexts("t", "<p th:if=\"${x}\">Shown <strong th:text=\"${y}\">y</strong></p>"))
                .containsExactly("t: text \"Shown\"");
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).filter(f -> {
                String relative = TEMPLATES.relativize(f).toString().replace('\\', '/');
                return !relative.startsWith("mail/") && NOT_YET_CHECKED.stream().noneMatch(relative::startsWith);
            }).sorted().toList();
        }
    }

    private static List<String> literalTexts(Path page) throws IOException {
        return literalTexts(TEMPLATES.relativize(page).toString().replace('\\', '/'), Files.readString(page, StandardCharsets.UTF_8));
    }

    static List<String> literalTexts(String name, String html) {
        Document document;
        try (Reader reader = new java.io.StringReader(html)) {
            document = new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(name, reader);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
        List<String> found = new ArrayList<>();
        visit(name, document, found);
        return found;
    }

    private static void visit(String name, INestableNode parent, List<String> found) {
        for (INode node : parent.getChildren()) {
            if (node instanceof Text text) {
                String content = text.getContent().strip();
                if (isLanguage(content)) {
                    found.add(name + ": text \"" + content.replaceAll("\\s+", " ") + "\"");
                }
            } else if (node instanceof Element element) {
                String tag = element.getElementName().toLowerCase();
                Map<String, String> attributes = element.getAttributeMap();
                checkAttributes(name, tag, attributes, found);
                boolean replaced = attributes.keySet().stream().anyMatch(REPLACING::contains);
                if (!replaced && !NOT_LANGUAGE.contains(tag)) {
                    visit(name, element, found);
                }
            }
        }
    }

    private static void checkAttributes(String name, String tag, Map<String, String> attributes, List<String> found) {
        attributes.forEach((attribute, value) -> {
            String a = attribute.toLowerCase();
            boolean visible = VISIBLE_ATTRIBUTES.contains(a) || ("value".equals(a) && visibleValue(tag, attributes));
            if (visible && !attributes.containsKey("th:" + a) && !attributes.containsKey("data-th-" + a)
                    && !(attributes.containsKey("th:attr") && attributes.get("th:attr").matches("(?s).*(?<![\\w-])" + a + "\\s*=.*"))
                    && isLanguage(value)) {
                found.add(name + ": " + tag + " " + a + "=\"" + value + "\"");
            }
            boolean expression = REPLACING.contains(a) && !"sec:authentication".equals(a)
                    || a.startsWith("th:") && VISIBLE_ATTRIBUTES.contains(a.substring(3))
                    || "th:value".equals(a) && visibleValue(tag, attributes)
                    || "th:attr".equals(a) && VISIBLE_IN_TH_ATTR.matcher(value).find();
            if (expression) {
                for (String text : literalsShown(value)) {
                    found.add(name + ": " + tag + " " + a + " literal '" + text + "'");
                }
            }
        });
    }

    /** A value attribute is read as a label on input buttons only (a {@code <button>} shows its content, sends its value). */
    private static boolean visibleValue(String tag, Map<String, String> attributes) {
        String type = attributes.getOrDefault("type", "").toLowerCase();
        return "input".equals(tag) && Set.of("submit", "button", "reset").contains(type);
    }

    /** The quoted literals of an expression a reader would see: not message keys, not values compared. */
    /**
     * Whether this position is inside a message key built at run time, {@code #{${'dashboard.' + part + '.hint'}}},
     * {@code #{'dashboard.' + ${part}}} or
     * {@code #messages.msg('scorecard.rag.' + rag)}: its literals are parts of a key, not text. Arguments of a fixed
     * key, {@code #{key(${'text'})}}, are text.
     */
    static boolean insideKey(String expression, int at) {
        Deque<Boolean> open = new ArrayDeque<>();
        boolean quoted = false;
        for (int i = 0; i < at; i++) {
            char c = expression.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '\'') {
                    quoted = false;
                }
            } else if (c == '\'') {
                quoted = true;
            } else if (expression.startsWith("#{", i)) {
                open.push(true); // the key, fixed or built: #{'dashboard.' + ${part}}
                i += 1;
            } else if (expression.startsWith("#messages.msg", i) && expression.indexOf('(', i) > 0) {
                i = expression.indexOf('(', i);
                open.push(true);
            } else if (c == '(') {
                open.push(false); // a key's arguments, or a call's: text
            } else if (c == '{') {
                open.push(!open.isEmpty() && open.peek());
            } else if ((c == '}' || c == ')') && !open.isEmpty()) {
                open.pop();
            }
        }
        return !open.isEmpty() && open.peek();
    }

    static List<String> literalsShown(String expression) {
        List<String> shown = new ArrayList<>();
        Matcher m = LITERAL.matcher(expression);
        while (m.find()) {
            String before = expression.substring(0, m.start());
            String after = expression.substring(m.end());
            if (KEY_ARGUMENT.matcher(before).find() || insideKey(expression, m.start()) || COMPARISON_BEFORE.matcher(before).find()
                    || COMPARISON_AFTER.matcher(after).find()) {
                continue;
            }
            if (isLanguage(m.group(1))) {
                shown.add(m.group(1));
            }
        }
        return shown;
    }

    /** Whether a text is language: it has a letter once the product's own names are taken out. */
    static boolean isLanguage(String text) {
        String rest = text;
        for (String name : PROPER_NAMES) {
            rest = rest.replace(name, "");
        }
        return LETTER.matcher(rest).find();
    }
}
