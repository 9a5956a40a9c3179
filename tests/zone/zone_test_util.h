/* Helpers shared by the zoning tests: load data files, turn text or HTML
 * into an fp_text through the html stage, find lines by their text. */
#ifndef ZONE_TEST_UTIL_H
#define ZONE_TEST_UTIL_H

#include "html/fp_html.h"
#include "zone/fp_zone.h"

#include <stddef.h>

/* The rules shipped in config/zones.conf; fails the test if they do not
 * load. */
fp_zone_rules *zone_test_load_rules(void);

/* The same rules with one structure rule switched off ([rules-off]):
 * a rule's test shows what changes without it. */
fp_zone_rules *zone_test_load_rules_off(const char *rule);

/* cmocka group setup and teardown: *state is the shipped rules. */
int zone_test_setup_rules(void **state);
int zone_test_free_rules(void **state);

/* Four paragraphs of real-looking prose, each a <p> of its own. */
#define ZONE_TEST_P1                                                        \
    "<p>Sáng ngày 04/10, Đảng ủy phường tổ chức hội nghị giao ban quý III " \
    "với sự tham dự của 45 đại biểu.</p>"
#define ZONE_TEST_P2                                                        \
    "<p>Trong quý, phường đã kết nạp 12 đảng viên mới, đạt 87,5% chỉ tiêu " \
    "của năm, và hoàn thành thu ngân sách.</p>"
#define ZONE_TEST_P3                                                        \
    "<p>Hội nghị cũng đề ra nhiệm vụ trọng tâm cho quý IV, trong đó chú "   \
    "trọng công tác dân vận và an sinh xã hội.</p>"
#define ZONE_TEST_P4                                                        \
    "<p>Kết thúc hội nghị, đồng chí Bí thư Đảng ủy phường yêu cầu các chi " \
    "bộ triển khai nghiêm túc các nội dung đã đề ra.</p>"

/* Read tests/zone/data/NAME; fails the test if it cannot. */
char *zone_test_read_data(const char *name, size_t *len);

/* Build t from UTF-8 bytes with an identity source map; html selects the
 * HTML parser, otherwise the plain-text splitter.  Fails the test on
 * error. */
void zone_test_make_text(const char *bytes, size_t len, int html, fp_text *t);

/* A document zoned with its article text (fp_zone_article_text). */
typedef struct zone_test_doc {
    fp_text text;
    fp_meta meta;
    char *article;
} zone_test_doc;

/* Zone doc (HTML when html, else plain text); fails the test on error.
 * Release with zone_test_release_doc. */
void zone_test_zone_doc(const fp_zone_rules *rules, const char *doc, int html,
                        zone_test_doc *z);
void zone_test_release_doc(zone_test_doc *z);
/* The same with the shipped rules but one structure rule switched off. */
void zone_test_zone_doc_without(const char *rule, const char *doc, int html,
                                zone_test_doc *z);

/* Fail the test when needle is not (is) in the document's article text. */
void zone_test_expect_in_article(const zone_test_doc *z, const char *needle);
void zone_test_expect_not_in_article(const zone_test_doc *z,
                                     const char *needle);

/* Index of the first line containing needle, or (size_t)-1. */
size_t zone_test_find_line(const fp_text *t, const char *needle);

/* Zone of the first line containing needle; fails the test if no line
 * contains it. */
fp_zone_kind zone_test_zone_of(const fp_text *t, const char *needle);

/* Write text to a fresh temporary file and return its path (free it and
 * unlink the file when done). */
char *zone_test_temp_file(const char *text);

#endif
