package io.zerver.samples.blog.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTests {

    @Test
    void escapesTheFiveCharactersThatMatterInTextAndAttributes() {
        assertThat(Html.escape("<script>alert(1)</script> & \"x\" 'y'"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;");
    }

    @Test
    void leavesTextWithoutSpecialCharactersAsItIs() {
        String text = "plain ünïcødé ✓ text";
        assertThat(Html.escape(text)).isSameAs(text);
    }

    @Test
    void escapesEveryStringValueAndKeepsHtmlValues() {
        Template t = Template.of("<a title=\"{{title}}\">{{title}}</a>{{body}}");

        Html html = t.render("title", "\"><img src=x onerror=alert(1)>", "body", new Html("<b>ok</b>"));

        assertThat(html.markup()).isEqualTo("<a title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"
                + "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a><b>ok</b>");
    }

    @Test
    void rendersNonStringValuesAsEscapedText() {
        assertThat(Template.of("{{n}} comments").render("n", 3).markup()).isEqualTo("3 comments");
    }

    @Test
    void refusesAPlaceholderWithoutAValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> Template.of("<p>{{a}}{{b}}</p>").render("a", "x"))
                .withMessageContaining("'b'");
    }

    @Test
    void refusesAValueWithoutAPlaceholder() {
        assertThatIllegalArgumentException().isThrownBy(() -> Template.of("<p>{{a}}</p>").render(Map.of("a", "x", "tilte", "y")))
                .withMessageContaining("'tilte'");
    }

    @Test
    void refusesAnUnclosedOrEmptyPlaceholder() {
        assertThatIllegalArgumentException().isThrownBy(() -> Template.of("<p>{{a</p>"));
        assertThatIllegalArgumentException().isThrownBy(() -> Template.of("<p>{{}}</p>"));
        assertThatIllegalArgumentException().isThrownBy(() -> Template.of("<p>{{a b}}</p>"));
    }

    @Test
    void joinsPiecesInOrder() {
        assertThat(Html.join(List.of(Html.text("<1>"), new Html("<br>"), Html.text("2"))).markup())
                .isEqualTo("&lt;1&gt;<br>2");
        assertThat(Template.of("{{a}}-{{a}}").names()).containsExactly("a");
    }
}
