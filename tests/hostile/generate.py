#!/usr/bin/env python3
"""Write the big hostile inputs into a folder (too big to keep in git).

Usage: generate.py OUTDIR

Every file is deterministic (fixed seeds).  Each ends in a known fact where
that makes sense, so the test can tell a correct result from silent loss.
"""
import os
import random
import sys

MIB = 1024 * 1024


def write(folder, name, data):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def page(body):
    return ("<html><head><meta charset=\"utf-8\"><title>Báo cáo</title></head>"
            "<body>" + body + "</body></html>").encode()


def main(folder):
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(6)
    for i in range(4):
        # Random bytes, once with an HTML name, once sniffed, once as text.
        blob = bytes(rng.getrandbits(8) for _ in range(64 * 1024))
        write(folder, "random-%d.html" % i, blob)
        write(folder, "random-%d.bin" % i, blob[::-1])
        write(folder, "random-%d.txt" % i, blob[1:])
    # Random markup soup: tags, quotes, entities, Vietnamese, control bytes
    # (no <title> or <script>: unclosed, they swallow the rest as their
    # text, which the small inputs already cover).
    pieces = ["<div>", "</div>", "<p class='a", "\"", "'", "<!--", "-->",
              "&#x1EA0;", "&amp", "</script>", "<b>", "</b>", "<table>",
              "<td>", "\x00", "\x01", "\r", "\n", "Tỷ lệ 21,1%", "<", ">",
              "=", "<br/>", "</p>", "phần trăm"]
    soup = "".join(rng.choice(pieces) for _ in range(200000))
    write(folder, "markup-soup.html", soup.encode())

    # 100 000-deep nesting: closed, unclosed, and inline elements.
    write(folder, "nest-100k-div.html",
          page("<p>trước 1%</p>" + "<div>" * 100000 + "sâu 2%" +
               "</div>" * 100000 + "<p>sau 3%</p>"))
    write(folder, "nest-100k-unclosed.html",
          page("<p>trước 1%</p>" + "<div><span>" * 50000 + "sâu 2%"))
    write(folder, "nest-100k-inline.html",
          page("<p>trước 1%" + "<b>" * 100000 + "sâu 2%</p>"))

    # 200 000 attributes on one element (libxml2: ~100 s without a guard),
    # and many elements with a thousand each.
    attrs = " ".join("a%d=\"%d\"" % (i, i) for i in range(200000))
    write(folder, "attrs-200k.html", page("<p " + attrs + ">Tỷ lệ 5%</p>"))
    crowded = "<p " + " ".join("a%d" % i for i in range(1000)) + ">5%</p>"
    write(folder, "attrs-crowded.html", page(crowded * 2000))

    # A 20 MB single line: over the default 16 MiB cap, fine under 32 MiB.
    filler = b"x" * (20 * MIB)
    write(folder, "line-20mb.txt",
          "Tỷ lệ 5% ".encode() + filler + " đạt 9%\n".encode())
    write(folder, "line-20mb.html",
          page("<p>Tỷ lệ 5% ").replace(b"</body></html>", b"") + filler +
          " đạt 9%</p></body></html>".encode())

    # Regular-expression bait for the extractor plugins.
    bait = [
        "1" * MIB + "%",
        "1." * (MIB // 2) + "1%",
        "%" * MIB,
        "12," * (MIB // 3) + "5%",
        " phần trăm" * 100000,
        "5 phần trăm " * 20000,
        "từ 1 - " * 100000 + "5%",
        "0" * 100000 + "," + "9" * 100000 + "%",
        "1 " * (MIB // 2) + "%",
        "-" * MIB + "5%",
    ]
    # One line each, and a last line with a fact that must survive.
    write(folder, "regex-bait.txt",
          ("\n".join(bait) + "\nCuối cùng đạt 42%\n").encode())
    write(folder, "regex-bait.html",
          page("".join("<p>%s</p>" % b for b in bait) +
               "<p>Cuối cùng đạt 42%</p>"))

    # The article's date: a JSON-LD script over the bound after one that
    # fits, JSON nested 100 000 deep, thousands of dated <meta> and <time>,
    # a 1 MB <title> with 10 000 headings, a lead made of years.
    head = ("<html><head><meta charset=\"utf-8\"><title>" + "Tin " * 250000 +
            "</title><meta property=\"article:published_time\" "
            "content=\"2019-10-21T08:00:00+02:00\"><script type=\"application/"
            "ld+json\">{\"@type\":\"Article\",\"datePublished\":"
            "\"2019-10-21\"}</script><script type=\"application/ld+json\">" +
            "{\"a\":" * 100000 + "\"x\"" + "}" * 100000 + "[" * 500000 +
            "</script>" + "<meta name=\"date\" content=\"2019-10-21\">" * 5000 +
            "</head><body>")
    body = ("<h1>Tin</h1>" * 10000 + "<p>Tỷ lệ 5%</p>" +
            "<div class=\"widget\">" +
            "<time datetime=\"2001-01-01\">1 January 2001</time>" * 20000 +
            "</div></body></html>")
    write(folder, "pubdate-bait.html", (head + body).encode())
    write(folder, "pubdate-years.txt",
          ("Báo cáo tổng kết năm\n" + "(TTXVN) - " + "2019 " * 400000 +
           "đạt 7%.\n").encode())


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
