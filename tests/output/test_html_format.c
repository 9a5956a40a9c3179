/* --format html: the review page parses (as HTML and as XML), shows every
 * fact highlighted once with its kind, nests overlapping facts, keeps the
 * article text of --format text, greys or leaves out chrome, shows failed
 * documents, and cannot be made to run script by what a page, a plugin or
 * an archive says.  The folder index: rows, totals, links, counts read
 * back from pages of earlier runs. */
#include "output/fp_out_article.h"
#include "output/fp_output_format.h"
#include "output/review_index.h"
#include "output/review_style.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* ---- rendering and reading back --------------------------------------- */

typedef int (*hook_run)(FILE *out, const void *arg, fp_error *err);

static char *run_hook(hook_run run, const void *arg)
{
    fp_error err = {{0}};
    fp_out_memory m;
    assert_int_equal(fp_out_memory_open(&m, &err), 0);
    int rc = run(m.fp, arg, &err);
    if (rc != 0)
        fail_msg("hook failed: %s", err.message);
    assert_int_equal(fp_out_memory_close(&m, rc, &err), 0);
    return m.data;
}

static int run_head(FILE *out, const void *arg, fp_error *err)
{
    (void)arg;
    return fp_output_format_html.head(out, err);
}

static int run_render(FILE *out, const void *doc, fp_error *err)
{
    return fp_output_render(&fp_output_format_html, out, doc, err);
}

static int run_tail(FILE *out, const void *n, fp_error *err)
{
    return fp_output_format_html.tail(out, *(const size_t *)n, err);
}

/* head + the documents + tail, as the supervisor assembles a page. */
static char *page_of(const fp_out_doc *docs, size_t n)
{
    char *all = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&all, &size);
    assert_non_null(out);
    char *piece = run_hook(run_head, NULL);
    fputs(piece, out);
    free(piece);
    for (size_t i = 0; i < n; i++) {
        piece = run_hook(run_render, &docs[i]);
        fputs(piece, out);
        free(piece);
    }
    piece = run_hook(run_tail, &n);
    fputs(piece, out);
    free(piece);
    fclose(out);
    return all;
}

/* Parsed as browsers parse it, after checking it is well-formed XML too. */
static htmlDocPtr parse_page(const char *page)
{
    xmlDocPtr xml = xmlReadMemory(page, (int)strlen(page), "page.html", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!xml)
        fail_msg("not well-formed:\n%s", page);
    xmlFreeDoc(xml);
    htmlDocPtr html = htmlReadMemory(page, (int)strlen(page), "page.html", "UTF-8",
                                     HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                         HTML_PARSE_NOWARNING);
    assert_non_null(html);
    return html;
}

static int has_class(xmlNodePtr n, const char *cls)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)"class");
    int found = 0;
    if (v) {
        size_t len = strlen(cls);
        for (const char *c = (const char *)v; (c = strstr(c, cls)) != NULL; c += len)
            if ((c == (const char *)v || c[-1] == ' ') && (c[len] == ' ' || c[len] == '\0'))
                found = 1;
    }
    xmlFree(v);
    return found;
}

static int named(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* What the page holds, gathered in one walk. */
typedef struct seen {
    int scripts, event_attrs, script_links;
    int sections;
    char mark_kind[16][32];  /* by data-fact */
    char mark_text[16][128];
    int marks;               /* mark elements, pieces included */
    char article[1024];      /* the article lines, joined as --format text */
    int article_lines;
    int chrome_lines;
    char all_text[8192];
} seen;

static void append(char *to, size_t size, const char *s)
{
    size_t n = strlen(to);
    snprintf(to + n, size - n, "%s", s);
}

static void walk(xmlNodePtr n, seen *s, int in_article, int in_chrome, int mark_ids[], int depth)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE) {
            const char *t = (const char *)n->content;
            append(s->all_text, sizeof s->all_text, t);
            for (int d = 0; d < depth; d++)
                append(s->mark_text[mark_ids[d]], sizeof s->mark_text[0], t);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (named(n, "script") || named(n, "img") || named(n, "iframe") || named(n, "object"))
            s->scripts++;
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            if (strncmp((const char *)a->name, "on", 2) == 0)
                s->event_attrs++;
            xmlChar *v = xmlGetProp(n, a->name);
            if (strcmp((const char *)a->name, "href") == 0 && v &&
                strncmp((const char *)v, "javascript:", 11) == 0)
                s->script_links++;
            xmlFree(v);
        }
        if (named(n, "section") && has_class(n, "doc"))
            s->sections++;
        int article = in_article || (named(n, "div") && has_class(n, "article"));
        int chrome = in_chrome || (named(n, "div") && has_class(n, "z-chrome"));
        int ids[8];
        memcpy(ids, mark_ids, sizeof ids);
        int d = depth;
        if (named(n, "mark") && has_class(n, "fact")) {
            xmlChar *id = xmlGetProp(n, (const xmlChar *)"data-fact");
            xmlChar *kind = xmlGetProp(n, (const xmlChar *)"data-kind");
            int i = atoi((const char *)id);
            assert_true(i > 0 && i < 16 && d < 8);
            snprintf(s->mark_kind[i], sizeof s->mark_kind[i], "%s", (const char *)kind);
            ids[d++] = i;
            s->marks++;
            xmlFree(id);
            xmlFree(kind);
        }
        if (named(n, "p") && article) {
            if (s->article_lines++)
                append(s->article, sizeof s->article, FP_OUT_ARTICLE_SEPARATOR);
            xmlChar *t = xmlNodeGetContent(n);
            append(s->article, sizeof s->article, (const char *)t);
            xmlFree(t);
        }
        if (named(n, "p") && chrome)
            s->chrome_lines++;
        walk(n->children, s, article, chrome, ids, d);
    }
}

static void look(const char *page, seen *s)
{
    memset(s, 0, sizeof *s);
    htmlDocPtr doc = parse_page(page);
    int ids[8] = {0};
    walk(xmlDocGetRootElement(doc), s, 0, 0, ids, 0);
    xmlFreeDoc(doc);
}

/* ---- a document --------------------------------------------------------- */

/* Title, lead, body, chrome, byline; facts: a count in the lead, an
 * official crossing it, a date nested in the official, a fact in chrome,
 * a fact whose offsets are past the text. */
static const char text[] = "Tiêu đề\nCó 12 hộ nghèo ở Hà Nội.\nThân bài.\nMenu 5%\nThu Lan";
static const fp_out_line lines[] = {
    {0, 11, FP_ZONE_TITLE, 0, "title"},
    {12, 45, FP_ZONE_LEAD, 1, "lead"},
    {46, 57, FP_ZONE_BODY, 1, "body"},
    {58, 65, FP_ZONE_CHROME, 0, "chrome"},
    {66, 73, FP_ZONE_BYLINE, 0, "byline"},
};
static const fp_attr unit[] = {{"unit", "hộ</mark><script>alert(1)</script>"}};
static const fp_attr titles[] = {{"title", "Bí thư \" onmouseover=\"alert(1)"}};
static fp_out_fact facts[] = {
    {"count", "12", 11, 22, 0, 0, "12 hộ nghèo", "count", "1.0.0", NULL, unit, 1, NULL, 0},
    {"official", "<img src=x onerror=alert(1)>", 17, 31, 0, 0, "nghèo ở Hà Nội", "official",
     "1.0.0", NULL, NULL, 0, titles, 1},
    {"date", "2018", 25, 27, 0, 0, "Hà", "date", "1.0.0", NULL, NULL, 0, NULL, 0},
    {"percentage", "5", 48, 50, 0, 0, "5%", "percentage", "1.0.0", "chrome", NULL, 0, NULL, 0},
    {"x-new-kind", "far", 900, 905, 0, 0, "far", "plug", "0.1", NULL, NULL, 0, NULL, 0},
};

static fp_out_doc the_doc(int chrome_kept)
{
    fp_out_doc d = {.source = "dir/a\"><script>alert(1)</script>.html", .format = "html",
                    .encoding = "utf-8", .title = "<script>alert('title')</script>",
                    .byline = "Thu Lan", .url = "javascript:alert(1)", .facts = facts,
                    .n_facts = 5, .extracted = text, .extracted_len = sizeof text - 1,
                    .lines = lines, .n_lines = 5, .chrome_kept = chrome_kept};
    return d;
}

static void facts_are_highlighted_with_their_kinds(void **state)
{
    (void)state;
    for (size_t i = 0; i + 1 < 5; i++)
        assert_int_equal(text[lines[i].end], '\n'); /* the fixture's offsets */
    fp_out_doc d = the_doc(1);
    char *page = page_of(&d, 1);
    seen s;
    look(page, &s);
    assert_int_equal(s.sections, 1);
    /* Characters 11-22 "12 hộ nghèo", 17-31 "nghèo ở Hà Nội" crosses it,
     * 25-27 "Hà" nests inside; the percentage sits in the chrome line. */
    assert_string_equal(s.mark_kind[1], "count");
    assert_string_equal(s.mark_text[1], "12 hộ nghèo");
    assert_string_equal(s.mark_kind[2], "official");
    assert_string_equal(s.mark_text[2], "nghèo ở Hà Nội");
    assert_string_equal(s.mark_kind[3], "date");
    assert_string_equal(s.mark_text[3], "Hà");
    assert_string_equal(s.mark_kind[4], "percentage");
    assert_string_equal(s.mark_text[4], "5%");
    /* Past the text: in the table only. */
    assert_string_equal(s.mark_kind[5], "");
    assert_non_null(strstr(s.all_text, "(not in the text)"));
    assert_int_equal(s.marks, 5); /* the official split once where the count ends */
    free(page);
}

static void article_is_the_text_formats(void **state)
{
    (void)state;
    fp_out_doc d = the_doc(0);
    char *page = page_of(&d, 1);
    seen s;
    look(page, &s);
    char *want = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&want, &len);
    assert_int_equal(fp_out_article_write(out, &d), 0);
    fclose(out);
    assert_int_equal(s.article_lines, 2);
    strcat(s.article, "\n");
    assert_string_equal(s.article, want);
    free(want);
    free(page);
}

static void chrome_only_when_kept(void **state)
{
    (void)state;
    fp_out_doc d = the_doc(0);
    d.n_facts = 3; /* no chrome fact without --keep-chrome */
    char *page = page_of(&d, 1);
    seen s;
    look(page, &s);
    assert_int_equal(s.chrome_lines, 0);
    assert_null(strstr(s.all_text, "Menu"));
    assert_non_null(strstr(s.all_text, "1 line of page chrome set aside"));
    free(page);
    d = the_doc(1);
    page = page_of(&d, 1);
    look(page, &s);
    assert_int_equal(s.chrome_lines, 1);
    assert_non_null(strstr(s.all_text, "Menu"));
    free(page);
}

static void a_caption_is_no_article_text(void **state)
{
    (void)state;
    /* The body line zoning made a caption: labelled so, not article. */
    fp_out_line with_caption[5];
    memcpy(with_caption, lines, sizeof with_caption);
    with_caption[2].article = 0;
    with_caption[2].name = "caption";
    fp_out_doc d = the_doc(0);
    d.lines = with_caption;
    d.n_facts = 3;
    char *page = page_of(&d, 1);
    seen s;
    look(page, &s);
    assert_int_equal(s.article_lines, 1);
    assert_non_null(strstr(page, "<div class=\"zone z-caption\" data-zone=\"caption\">\n"
                                 "<p>Thân bài.</p>"));
    free(page);
    /* A name that is no word is not written as a class. */
    with_caption[2].name = "x\" onclick=\"y";
    page = page_of(&d, 1);
    assert_non_null(strstr(page, "<div class=\"zone z-zone\" data-zone=\"zone\">"));
    free(page);
}

static void hostile_strings_stay_text(void **state)
{
    (void)state;
    fp_out_doc docs[2] = {the_doc(1), {.source = "<script>b</script>", .error = "<script>x"}};
    char *page = page_of(docs, 2);
    seen s;
    look(page, &s);
    assert_int_equal(s.sections, 2);
    assert_int_equal(s.scripts, 0);
    assert_int_equal(s.event_attrs, 0);
    assert_int_equal(s.script_links, 0);
    /* ...and every hostile string is there to read, as text. */
    assert_non_null(strstr(s.all_text, "<script>alert('title')</script>"));
    assert_non_null(strstr(s.all_text, "<img src=x onerror=alert(1)>"));
    assert_non_null(strstr(s.all_text, "hộ</mark><script>alert(1)</script>"));
    assert_non_null(strstr(s.all_text, "javascript:alert(1)"));
    assert_non_null(strstr(s.all_text, "<script>x"));
    assert_non_null(strstr(page, "Content-Security-Policy"));
    assert_non_null(strstr(page, "default-src 'none'"));
    /* The stylesheet is whole: its last rules made it into the page. */
    assert_non_null(strstr(page, "@media print{"));
    assert_non_null(strstr(page, "text-decoration:none}}\n</style>"));
    free(page);
}

static void failed_document_shows_its_error(void **state)
{
    (void)state;
    fp_out_doc failed = {.source = "b.txt", .error = "b.txt: cannot read: gone"};
    char *page = page_of(&failed, 1);
    assert_non_null(strstr(page, "<section class=\"doc failed\" data-facts=\"\" "
                                 "data-status=\"failed\" data-source=\"b.txt\">"));
    assert_non_null(strstr(page, "<p class=\"error\">b.txt: cannot read: gone</p>"));
    free(page);
    size_t zero = 0;
    page = page_of(NULL, zero);
    seen s;
    look(page, &s);
    assert_non_null(strstr(s.all_text, "No documents."));
    free(page);
}

static void web_addresses_only_are_links(void **state)
{
    (void)state;
    fp_out_doc d = the_doc(0);
    d.n_facts = 0;
    d.url = "https://ubnd.example.vn/a?b=1&c=\"2\"";
    char *page = run_hook(run_render, &d);
    assert_non_null(strstr(page, "<a href=\"https://ubnd.example.vn/a?b=1&amp;c=&quot;2&quot;\""));
    free(page);
    d.url = "javascript:alert(1)";
    page = run_hook(run_render, &d);
    assert_null(strstr(page, "<a "));
    free(page);
}

static void refused_like_the_xml(void **state)
{
    (void)state;
    fp_out_fact bad = facts[0];
    bad.kind = "Bad Kind";
    fp_out_doc d = the_doc(0);
    d.facts = &bad;
    d.n_facts = 1;
    fp_error err = {{0}};
    fp_out_memory m;
    assert_int_equal(fp_out_memory_open(&m, &err), 0);
    int rc = fp_output_render(&fp_output_format_html, m.fp, &d, &err);
    assert_int_equal(rc, -1);
    assert_int_equal(fp_out_memory_close(&m, rc, &err), -1);
}

static void kind_colours(void **state)
{
    (void)state;
    char a[40], b[40], c[40];
    fp_review_kind_colour("percentage", a, sizeof a);
    assert_string_equal(a, "#ffd166");
    fp_review_kind_colour("place", b, sizeof b);
    fp_review_kind_colour("place", c, sizeof c);
    assert_string_equal(b, c);
    assert_non_null(strstr(b, "hsl("));
    fp_review_kind_colour("money", c, sizeof c);
    assert_string_not_equal(b, c);
}

/* ---- the folder index ------------------------------------------------- */

static char *index_of(const fp_output_entry *entries, size_t n)
{
    fp_error err = {{0}};
    char *all = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&all, &size);
    assert_non_null(out);
    void *state = fp_review_index.open(out, &err);
    assert_non_null(state);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(fp_review_index.add(state, out, &entries[i], &err), 0);
    assert_int_equal(fp_review_index.close(state, out, &err), 0);
    fp_review_index.free(state);
    fclose(out);
    return all;
}

static void index_lists_every_document(void **state)
{
    (void)state;
    /* A page written by an earlier run, to read its counts back from. */
    char path[] = "/tmp/fp-review-index-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    fp_out_doc d = the_doc(1);
    char *earlier = page_of(&d, 1);
    assert_int_equal(write(fd, earlier, strlen(earlier)), (ssize_t)strlen(earlier));
    close(fd);
    free(earlier);
    const fp_output_entry entries[] = {
        {"pages/a b#1.html", "pages/a b#1.html.html", "/nowhere", "ok", NULL, "count 2\ndate 1\n"},
        {"javascript:x.html", "javascript:x.html.html", "/nowhere", "failed",
         "cannot read <b>", ""},
        {"old.html", "old.html.html", path, "ok", NULL, NULL},
        {"gone.html", "gone.html.html", "/no/such/page", "ok", NULL, NULL},
    };
    char *page = index_of(entries, 4);
    unlink(path);
    seen s;
    look(page, &s);
    assert_int_equal(s.scripts + s.event_attrs + s.script_links, 0);
    assert_non_null(strstr(page, "<a href=\"pages/a%20b%231.html.html\">pages/a b#1.html</a>"));
    assert_non_null(strstr(page, "<a href=\"javascript%3Ax.html.html\">"));
    assert_non_null(strstr(s.all_text, "failed: cannot read <b>"));
    /* The earlier page's counts: count 1, official 1, date 1, percentage
     * 1, x-new-kind 1; with this run's: count 3, date 2. */
    assert_non_null(strstr(s.all_text, "4 documents: 3 ok, 1 failed; 8 facts (and those of 1 "
                                       "earlier page whose counts could not be read)"));
    assert_non_null(strstr(s.all_text, "count 3 in 2 documents"));
    assert_non_null(strstr(s.all_text, "date 2 in 2 documents"));
    assert_non_null(strstr(s.all_text, "x-new-kind 1 in 1 document"));
    assert_non_null(strstr(s.all_text, "unknown (its page from an earlier run holds no counts)"));
    free(page);
    page = index_of(NULL, 0);
    assert_non_null(strstr(page, "0 documents: 0 ok, 0 failed; 0 facts"));
    free(page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(facts_are_highlighted_with_their_kinds),
        cmocka_unit_test(article_is_the_text_formats),
        cmocka_unit_test(chrome_only_when_kept),
        cmocka_unit_test(a_caption_is_no_article_text),
        cmocka_unit_test(hostile_strings_stay_text),
        cmocka_unit_test(failed_document_shows_its_error),
        cmocka_unit_test(web_addresses_only_are_links),
        cmocka_unit_test(refused_like_the_xml),
        cmocka_unit_test(kind_colours),
        cmocka_unit_test(index_lists_every_document),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
