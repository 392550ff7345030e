package io.zerver.samples.blog;

import io.zerver.samples.blog.html.Html;
import io.zerver.samples.blog.html.Template;
import java.util.List;

/**
 * The whole pages: one layout (inline CSS, htmx served by the feature itself) around the home
 * page, the list, a post and the not-found page. Every piece of user content goes through a
 * {@link Template} placeholder, and so is HTML-escaped.
 *
 * <p>htmx is configured (the {@code htmx-config} meta) to swap 4xx answers too, so that a
 * refused form shows why, and 204 answers, so that a deleted comment leaves the page.
 */
final class BlogPages {

    private static final Template LAYOUT = Template.of("""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="htmx-config" content='{"responseHandling":[{"code":"204","swap":true},{"code":"[23]..","swap":true},{"code":"4..","swap":true,"error":true},{"code":"...","swap":false,"error":true}]}'>
            <title>{{title}} · Zerver Blog</title>
            <style>{{style}}</style>
            <script src="{{htmx}}" defer></script>
            </head>
            <body>
            <header class="top"><div class="wrap">
              <a class="brand" href="/blogs">Zerver<span>Blog</span></a>
              <nav><a href="/blogs">Home</a><a href="/blogs/list">All posts</a></nav>
            </div></header>
            <main class="wrap">
            {{main}}
            </main>
            <footer class="wrap">A Zerver sample feature: pure steps, declared effects, htmx fragments.</footer>
            </body>
            </html>
            """);

    private static final Template POST_FORM = Template.of("""
            <form class="stack" hx-post="/blogs/htmx/posts" hx-target="#form-status" hx-swap="innerHTML"
                hx-on::after-request="if (event.detail.successful) this.reset()">
              <label>Title <input name="title" required maxlength="200" placeholder="What is it about?"></label>
              <label>Author <input name="author" required maxlength="100" placeholder="Your name"></label>
              <label>Content <textarea name="content" rows="{{rows}}" required maxlength="10000" placeholder="Write something…"></textarea></label>
              <button type="submit">Publish</button>
              <div id="form-status" role="status" aria-live="polite"></div>
            </form>
            """);

    private static final Template CARDS = Template.of("""
            <div id="cards" class="cards" hx-get="/blogs/htmx/cards" hx-trigger="blog-post-created from:body, every 30s"
                hx-swap="innerHTML">{{cards}}</div>
            """);

    private static final Template HOME = Template.of("""
            <section class="hero">
              <h1>Notes from the pipeline</h1>
              <p>Posts and comments, stored through declared effects and rendered by pure steps.</p>
            </section>
            <div class="columns">
              <section class="panel"><h2>Write a post</h2>{{form}}</section>
              <section><h2>Latest posts</h2>{{cards}}</section>
            </div>
            """);

    private static final Template LIST = Template.of("""
            <section class="hero">
              <h1>All posts</h1>
              <p>{{count}}, newest first. The list refreshes itself when a post is published.</p>
            </section>
            <details class="panel compose"><summary>Write a post</summary>{{form}}</details>
            {{cards}}
            """);

    private static final Template POST = Template.of("""
            <article class="post">
              <a class="back" href="/blogs/list">← All posts</a>
              <h1>{{title}}</h1>
              <p class="meta">by <span class="author">{{author}}</span> · <time datetime="{{iso}}">{{date}}</time>{{edited}}</p>
              <div class="content">{{content}}</div>
              <button class="danger" hx-delete="/blogs/api/posts/{{id}}" hx-swap="none"
                  hx-confirm="Delete this post and its comments?"
                  hx-on::after-request="if (event.detail.successful) window.location.assign('/blogs/list')">Delete post</button>
            </article>
            {{comments}}
            """);

    private static final Template EDITED = Template.of(" · edited {{date}}");

    private static final Template NOT_FOUND = Template.of("""
            <section class="hero">
              <h1>Post not found</h1>
              <p>There is no post <code>{{id}}</code>. It may have been deleted.</p>
              <p><a href="/blogs/list">See all posts</a></p>
            </section>
            """);

    private static final Html STYLE = new Html("""
            :root{--ink:#1f2430;--muted:#667085;--line:#e4e7ec;--bg:#f5f6fa;--card:#fff;--accent:#4f46e5;--bad:#b42318}
            *{box-sizing:border-box}
            body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
            .wrap{max-width:1080px;margin:0 auto;padding:0 24px}
            .top{background:#fff;border-bottom:1px solid var(--line)}
            .top .wrap{display:flex;align-items:center;justify-content:space-between;height:60px}
            .brand{font-weight:800;font-size:20px;color:var(--ink);text-decoration:none;letter-spacing:-.02em}
            .brand span{color:var(--accent);margin-left:2px}
            nav a{margin-left:20px;color:var(--muted);text-decoration:none;font-weight:500}
            nav a:hover{color:var(--accent)}
            main.wrap{padding-top:32px;padding-bottom:48px;min-height:calc(100vh - 140px)}
            h1{font-size:32px;line-height:1.2;margin:0 0 6px;letter-spacing:-.02em}
            h2{font-size:18px;margin:0 0 14px}
            .hero{margin-bottom:24px}.hero p{color:var(--muted);margin:4px 0}
            .columns{display:grid;grid-template-columns:340px 1fr;gap:28px;align-items:start}
            @media (max-width:800px){.columns{grid-template-columns:1fr}}
            .panel{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:20px}
            .compose{margin-bottom:24px}.compose summary{cursor:pointer;font-weight:600;color:var(--accent)}
            .compose[open] summary{margin-bottom:14px}
            .stack{display:flex;flex-direction:column;gap:12px}
            label{display:flex;flex-direction:column;gap:4px;font-size:14px;font-weight:600}
            input,textarea{font:inherit;font-weight:400;padding:9px 11px;border:1px solid #d0d5dd;border-radius:8px;background:#fff;color:var(--ink)}
            input:focus,textarea:focus{outline:2px solid #c7d2fe;border-color:var(--accent)}
            button{font:inherit;font-weight:600;padding:9px 16px;border:0;border-radius:8px;background:var(--accent);color:#fff;cursor:pointer;align-self:flex-start}
            button:hover{filter:brightness(1.08)}
            button.danger{background:#fff;color:var(--bad);border:1px solid #fda29b;margin-top:20px}
            button.link{background:none;color:var(--muted);padding:0 0 0 8px;font-weight:400;font-size:13px}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(290px,1fr));gap:18px}
            .card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:18px 20px;display:flex;flex-direction:column;box-shadow:0 1px 2px rgba(16,24,40,.05)}
            .card h3{margin:0 0 4px;font-size:19px;line-height:1.3;overflow-wrap:anywhere}
            .card h3 a{color:var(--ink);text-decoration:none}.card h3 a:hover{color:var(--accent)}
            .meta{color:var(--muted);font-size:13px;margin:0 0 10px;overflow-wrap:anywhere}
            .author{color:var(--ink);font-weight:600}
            .excerpt{margin:0 0 14px;flex:1;overflow-wrap:anywhere}
            .more{color:var(--accent);text-decoration:none;font-weight:600;font-size:14px}
            .empty{color:var(--muted);font-style:italic}
            .ok{color:#027a48;margin:0}.error{color:var(--bad);margin:0;font-weight:500}
            .post{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:28px 32px;margin-bottom:28px}
            .post h1{overflow-wrap:anywhere}
            .back{color:var(--muted);text-decoration:none;font-size:14px;display:inline-block;margin-bottom:12px}
            .content{white-space:pre-wrap;overflow-wrap:anywhere;font-size:17px}
            .comments{max-width:720px}.count{color:var(--muted);font-weight:400}
            .comment-list{list-style:none;padding:0;margin:0 0 24px}
            .comment{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px;margin-bottom:10px}
            .comment .meta{margin-bottom:4px}.comment .text{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
            .comments form{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:20px}
            .comments h3{margin:0;font-size:16px}
            footer.wrap{color:var(--muted);font-size:13px;padding-top:18px;padding-bottom:24px}
            code{background:#eef0f5;padding:1px 5px;border-radius:4px}
            """);

    private final String htmxUrl;

    /** @param htmxUrl where the pages load htmx from: the feature's own route */
    BlogPages(String htmxUrl) {
        this.htmxUrl = htmxUrl;
    }

    Html home(List<Post> posts) {
        return page("Home", HOME.render("form", POST_FORM.render("rows", 6), "cards", cards(posts)));
    }

    Html list(List<Post> posts) {
        String count = posts.size() == 1 ? "1 post" : posts.size() + " posts";
        return page("All posts", LIST.render("count", count, "form", POST_FORM.render("rows", 4),
                "cards", cards(posts)));
    }

    Html post(Post post, List<Comment> comments) {
        Html edited = post.updatedAt().equals(post.createdAt()) ? Html.empty()
                : EDITED.render("date", BlogFragments.date(post.updatedAt()));
        return page(post.title(), POST.render("id", post.id(), "title", post.title(), "author", post.author(),
                "iso", post.createdAt().toString(), "date", BlogFragments.date(post.createdAt()), "edited", edited,
                "content", post.content(),
                "comments", BlogFragments.comments(post.id(), comments, Html.empty(), "", "")));
    }

    Html notFound(String id) {
        return page("Not found", NOT_FOUND.render("id", id));
    }

    private static Html cards(List<Post> posts) {
        return CARDS.render("cards", BlogFragments.cards(posts));
    }

    private Html page(String title, Html main) {
        return LAYOUT.render("title", title, "style", STYLE, "htmx", htmxUrl, "main", main);
    }
}
