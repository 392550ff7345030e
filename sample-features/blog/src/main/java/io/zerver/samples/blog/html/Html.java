package io.zerver.samples.blog.html;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Markup that is safe to send as it is: either the output of a {@link Template}, or text
 * that went through {@link #escape(String)}. A plain {@code String} is never markup; that is
 * what makes forgetting to escape a type error rather than an injection. The constructor is for
 * markup the code itself wrote (a style sheet, a wrapping tag), never for anything a request
 * carried.
 *
 * @param markup the HTML text
 */
public record Html(String markup) {

    private static final Html EMPTY = new Html("");

    public Html {
        requireNonNull(markup, "markup");
    }

    /** Nothing. */
    public static Html empty() {
        return EMPTY;
    }

    /** {@code text} as character data, safe in element content and in quoted attribute values. */
    public static Html text(String text) {
        return new Html(escape(text));
    }

    /** The pieces one after the other. */
    public static Html join(List<Html> pieces) {
        StringBuilder out = new StringBuilder();
        for (Html piece : pieces) {
            out.append(piece.markup);
        }
        return new Html(out.toString());
    }

    /**
     * Escapes the five characters that matter in HTML text and attribute values:
     * {@code & < > " '}.
     */
    public static String escape(String text) {
        requireNonNull(text, "text");
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? text : out.toString();
    }

    @Override
    public String toString() {
        return markup;
    }
}
