package io.zerver.samples.blog.html;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An HTML template with {@code {{name}}} placeholders, parsed once:
 *
 * <pre>{@code
 * static final Template CARD = Template.of("<h2><a href=\"/posts/{{id}}\">{{title}}</a></h2>{{body}}");
 * Html card = CARD.render(Map.of("id", id, "title", title, "body", bodyHtml));
 * }</pre>
 *
 * <p>A value that is {@link Html} goes in as it is; any other value is turned into text and
 * HTML-escaped ({@code & < > " '}), so user content can only ever be text. Placeholders must
 * sit in element content or in double-quoted attribute values, never in an unquoted
 * attribute, a {@code <script>} or a {@code <style>}. Every placeholder needs a value and
 * every value a placeholder: a typo fails loudly instead of rendering a blank.
 */
public final class Template {

    private final List<String> literals;
    private final List<String> names;
    private final Set<String> distinctNames;

    private Template(List<String> literals, List<String> names) {
        this.literals = literals;
        this.names = names;
        this.distinctNames = new LinkedHashSet<>(names);
    }

    /**
     * Parses {@code source}.
     *
     * @throws IllegalArgumentException when a {@code {{} is not closed or a name is empty or
     *         not made of letters, digits and {@code _}
     */
    public static Template of(String source) {
        requireNonNull(source, "source");
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = source.indexOf("{{", from);
            if (open < 0) {
                literals.add(source.substring(from));
                return new Template(List.copyOf(literals), List.copyOf(names));
            }
            int close = source.indexOf("}}", open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed placeholder at " + open + " (expected: {{name}})");
            }
            String name = source.substring(open + 2, close).strip();
            if (!name.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("placeholder: '" + name + "' (expected: letters, digits, _)");
            }
            literals.add(source.substring(from, open));
            names.add(name);
            from = close + 2;
        }
    }

    /** The placeholders, in order of first appearance. */
    public Set<String> names() {
        return distinctNames;
    }

    /**
     * Fills the placeholders.
     *
     * @throws IllegalArgumentException when a placeholder has no value or a value no placeholder
     */
    public Html render(Map<String, ?> values) {
        requireNonNull(values, "values");
        for (String key : values.keySet()) {
            if (!distinctNames.contains(key)) {
                throw new IllegalArgumentException("value '" + key + "' (expected: one of " + distinctNames + ")");
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            out.append(literals.get(i));
            String name = names.get(i);
            Object value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for '" + name + "'");
            }
            out.append(value instanceof Html html ? html.markup() : Html.escape(String.valueOf(value)));
        }
        out.append(literals.get(names.size()));
        return new Html(out.toString());
    }

    /** Fills the placeholders from name, value pairs. */
    public Html render(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("namesAndValues: " + namesAndValues.length
                    + " items (expected: name, value pairs)");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new IllegalArgumentException("name at " + i + ": " + namesAndValues[i] + " (expected: a String)");
            }
            if (values.put(name, requireNonNull(namesAndValues[i + 1], name)) != null) {
                throw new IllegalArgumentException("value '" + name + "' given twice");
            }
        }
        return render(values);
    }
}
