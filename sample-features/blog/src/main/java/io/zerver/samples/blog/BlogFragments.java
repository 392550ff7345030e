package io.zerver.samples.blog;

import io.zerver.samples.blog.html.Html;
import io.zerver.samples.blog.html.Template;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The pieces of the pages that HTMX also fetches or receives on their own: post cards, the
 * comments section, and the status lines of the forms. Every piece of user content goes
 * through a {@link Template} placeholder, and so is HTML-escaped.
 */
final class BlogFragments {

    /** How much of a post a card shows, in characters (code points). */
    static final int EXCERPT_LENGTH = 220;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final Template CARD = Template.of("""
            <article class="card" id="post-{{id}}">
              <h3><a href="/blogs/posts/{{id}}">{{title}}</a></h3>
              <p class="meta">by <span class="author">{{author}}</span> · <time datetime="{{iso}}">{{date}}</time></p>
              <p class="excerpt">{{excerpt}}</p>
              <a class="more" href="/blogs/posts/{{id}}">Read more →</a>
            </article>
            """);

    private static final Template NO_POSTS = Template.of("""
            <p class="empty">No posts yet. Be the first to write one.</p>
            """);

    private static final Template CREATED = Template.of("""
            <p class="ok">Published <a href="/blogs/posts/{{id}}">{{title}}</a>.</p>
            """);

    private static final Template ERROR = Template.of("""
            <p class="error">{{message}}</p>
            """);

    private static final Template COMMENTS = Template.of("""
            <section id="comments" class="comments">
              <h2>Comments <span class="count">{{count}}</span></h2>
              {{list}}
              <form class="stack" hx-post="/blogs/htmx/posts/{{postId}}/comments" hx-target="#comments" hx-swap="outerHTML">
                <h3>Leave a comment</h3>
                {{error}}
                <label>Name <input name="author" required maxlength="100" value="{{author}}"></label>
                <label>Comment <textarea name="content" rows="3" required maxlength="2000">{{content}}</textarea></label>
                <button type="submit">Add comment</button>
              </form>
            </section>
            """);

    private static final Template COMMENT = Template.of("""
            <li class="comment" id="comment-{{id}}">
              <p class="meta"><strong class="author">{{author}}</strong> · <time datetime="{{iso}}">{{date}}</time>
                <button class="link" title="Delete this comment" hx-delete="/blogs/api/posts/{{postId}}/comments/{{id}}"
                    hx-target="closest li" hx-swap="delete" hx-confirm="Delete this comment?">delete</button></p>
              <p class="text">{{content}}</p>
            </li>
            """);

    private static final Template NO_COMMENTS = Template.of("""
            <p class="empty">No comments yet.</p>
            """);

    private static final Template GONE = Template.of("""
            <section id="comments" class="comments"><p class="error">{{message}}</p></section>
            """);

    private BlogFragments() {
    }

    static Html card(Post post) {
        return CARD.render("id", post.id(), "title", post.title(), "author", post.author(),
                "iso", post.createdAt().toString(), "date", date(post.createdAt()), "excerpt", excerpt(post.content()));
    }

    /** The cards, newest first, or a note that there are none. */
    static Html cards(List<Post> posts) {
        if (posts.isEmpty()) {
            return NO_POSTS.render();
        }
        return Html.join(posts.stream().map(BlogFragments::card).toList());
    }

    /** The status line after the post form succeeded. */
    static Html created(Post post) {
        return CREATED.render("id", post.id(), "title", post.title());
    }

    /** The status line after a form was refused with {@code key} (a {@link BlogBodies} key). */
    static Html error(String key) {
        return ERROR.render("message", message(key));
    }

    /**
     * The comments section of a post: the comments, then the form, with an error and the
     * values the reader typed when the form was refused.
     */
    static Html comments(String postId, List<Comment> comments, Html error, String author, String content) {
        Html list = comments.isEmpty() ? NO_COMMENTS.render()
                : new Html("<ul class=\"comment-list\">" + Html.join(comments.stream().map(BlogFragments::comment)
                        .toList()).markup() + "</ul>");
        return COMMENTS.render("count", comments.size(), "list", list, "postId", postId, "error", error,
                "author", author, "content", content);
    }

    /** What replaces the comments section when the post is gone. */
    static Html gone() {
        return GONE.render("message", "This post no longer exists.");
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** The start of {@code content}, cut at a word, with an ellipsis when cut. */
    static String excerpt(String content) {
        String text = content.strip().replaceAll("\\s+", " ");
        if (text.codePointCount(0, text.length()) <= EXCERPT_LENGTH) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, EXCERPT_LENGTH));
        int space = cut.lastIndexOf(' ');
        return (space > EXCERPT_LENGTH / 2 ? cut.substring(0, space) : cut).stripTrailing() + "…";
    }

    /** A sentence for a reader, for each refusal of {@link BlogBodies}. */
    static String message(String key) {
        return switch (key) {
            case "title_missing", "title_blank" -> "A title is needed.";
            case "title_too_long" -> "The title is too long: " + BlogBodies.MAX_TITLE_LENGTH + " characters at most.";
            case "author_missing", "author_blank" -> "Your name is needed.";
            case "author_too_long" -> "Your name is too long: " + BlogBodies.MAX_AUTHOR_LENGTH + " characters at most.";
            case "content_missing", "content_blank" -> "The text is empty.";
            case "content_too_long" -> "The text is too long: please shorten it.";
            case "too_many_comments" -> "This post has all the comments it can take.";
            default -> "The form could not be read. Please try again.";
        };
    }

    private static Html comment(Comment comment) {
        return COMMENT.render("id", comment.id(), "postId", comment.postId(), "author", comment.author(),
                "iso", comment.createdAt().toString(), "date", date(comment.createdAt()), "content", comment.content());
    }
}
