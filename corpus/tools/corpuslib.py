"""Shared helpers, site definitions and block rendering for the corpus generator."""

import base64
import hashlib
import html
import os
import re

import chrome_data as C

LANGS = ("ru", "be", "en", "uk")
ENCODINGS = {"utf-8": "utf-8", "windows-1251": "cp1251", "koi8-r": "koi8_r", "koi8-u": "koi8_u"}
THEMES = {
    "digital-transformation", "digital-economy", "information-society", "connecting-the-unconnected",
    "digital-divide", "digital-skills", "artificial-intelligence", "5g", "covid-19",
    "sustainable-development", "wsis", "itu", "e-government", "cybersecurity", "broadband",
    "mobile-communications", "postal-services", "radio-spectrum", "cloud-and-data-centres",
    "ict-investment", "digital-identity", "it-industry", "internet-of-things", "e-commerce",
}

# ---------------------------------------------------------------- sites

SITES = {
    "mpt": dict(
        style="drupal7", domain="mpt.gov.by", scheme="https",
        name={"ru": "Министерство связи и информатизации Республики Беларусь",
              "be": "Міністэрства сувязі і інфарматызацыі Рэспублікі Беларусь",
              "en": "Ministry of Communications and Informatization of the Republic of Belarus"},
        address={"ru": "220030, г. Минск, пр-т Независимости, 10",
                 "be": "220030, г. Мінск, пр-т Незалежнасці, 10",
                 "en": "10 Nezavisimosti Ave., 220030 Minsk, Belarus"},
        phone="+375 17 287-87-87", email="mpt@mpt.gov.by",
        hours={"ru": "Пн–Пт: 9.00–18.00, обед 13.00–14.00", "be": "Пн–Пт: 9.00–18.00, абед 13.00–14.00",
               "en": "Mon–Fri 9:00–18:00, lunch 13:00–14:00"},
        menu=C.MENU_MINISTRY, entities=True),
    "ncdr": dict(
        style="bitrix", domain="ncdr.by", scheme="https", template="ncdr_2019",
        name={"ru": "Национальный центр цифрового развития", "be": "Нацыянальны цэнтр лічбавага развіцця"},
        address={"ru": "220004, г. Минск, ул. Кальварийская, 17, офис 401",
                 "be": "220004, г. Мінск, вул. Кальварыйская, 17, офіс 401"},
        phone="+375 17 311-40-00", email="info@ncdr.by",
        hours={"ru": "Пн–Чт: 8.30–17.30, Пт: 8.30–16.15", "be": "Пн–Чц: 8.30–17.30, Пт: 8.30–16.15"},
        menu=C.MENU_CENTRE, entities=False),
    "rureg": dict(
        style="bitrix", domain="digital.oblast-sever.ru", scheme="http", template="gov_region",
        name={"ru": "Министерство цифрового развития и связи Северной области"},
        address={"ru": "163000, г. Северодольск, пл. Ленина, 1, каб. 512"},
        phone="+7 (8182) 28-57-00", email="digital@oblast-sever.ru",
        hours={"ru": "Пн–Чт: 9.00–18.00, Пт: 9.00–16.45, перерыв 13.00–14.00"},
        menu={"ru": C.MENU_RUREG}, entities=True),
    "region_by": dict(
        style="table", domain="svyaz.gomel-region.by", scheme="http",
        name={"ru": "Управление связи и информатизации Гомельского облисполкома",
              "be": "Упраўленне сувязі і інфарматызацыі Гомельскага аблвыканкама"},
        address={"ru": "246050, г. Гомель, пр. Ленина, 2, к. 318", "be": "246050, г. Гомель, пр. Леніна, 2, п. 318"},
        phone="8 (0232) 75-12-40", email="svyaz@gomel-region.by",
        hours={"ru": "с 8.30 до 17.30, перерыв с 13.00 до 14.00", "be": "з 8.30 да 17.30, перапынак з 13.00 да 14.00"},
        menu=C.MENU_REGION, entities=False),
    "region_ru": dict(
        style="table", domain="www.svyaz-volga.ru", scheme="http",
        name={"ru": "Управление Роскомнадзора по Приволжскому региону связи (архив)"},
        address={"ru": "603000, г. Нижний Новгород, ул. Большая Покровская, 56"},
        phone="(831) 433-17-00", email="rsoc52@rkn.example.ru",
        hours={"ru": "пн-чт 9.00-18.00, пт 9.00-16.45"},
        menu=C.MENU_REGION, entities=False),
    "region_ua": dict(
        style="table", domain="cifra.zt-oda.gov.ua", scheme="http",
        name={"uk": "Департамент цифрового розвитку Житомирської обласної державної адміністрації"},
        address={"uk": "10014, м. Житомир, майдан С. П. Корольова, 1, каб. 402"},
        phone="(0412) 47-44-10", email="cifra@zt-oda.gov.ua",
        hours={"uk": "пн–чт 9.00–18.00, пт 9.00–16.45, обідня перерва 13.00–13.45"},
        menu=C.MENU_REGION, entities=False),
    "dsdr": dict(
        style="wordpress", domain="dsdr.gov.ua", scheme="https",
        name={"uk": "Державне агентство з цифрового розвитку громад"},
        address={"uk": "01001, м. Київ, вул. Хрещатик, 24, 3-й поверх"},
        phone="0 800 50 12 12", email="info@dsdr.gov.ua",
        hours={"uk": "Пн–Чт 9:00–18:00, Пт 9:00–16:45"},
        menu={"uk": C.MENU_UA}, entities=False),
    "rtco": dict(
        style="sharepoint", domain="www.rtco.int", scheme="https",
        name={"en": "Regional Telecommunication Cooperation Office for Europe and the CIS"},
        address={"en": "Route des Morillons 15, 1218 Le Grand-Saconnex, Geneva, Switzerland"},
        phone="+41 22 730 50 00", email="rtco@rtco.int",
        hours={"en": "Monday to Friday, 8:30–17:30 CET"},
        menu={"en": C.MENU_SP}, entities=True),
    "bftdi": dict(
        style="gsb", domain="www.bftdi.bund.de", scheme="https",
        name={"en": "Federal Office for Telecommunications and Digital Infrastructure"},
        address={"en": "Tulpenfeld 4, 53113 Bonn, Germany"},
        phone="+49 228 14-0", email="info@bftdi.bund.de",
        hours={"en": "Visitor service: Monday to Thursday 9:00–15:00, Friday 9:00–12:00"},
        menu={"en": C.MENU_GSB}, entities=False),
}

# ---------------------------------------------------------------- helpers


def h(seed, n=16):
    """Deterministic hex string derived from seed."""
    out = b""
    i = 0
    while len(out) * 2 < n:
        out += hashlib.sha256(f"{seed}/{i}".encode()).digest()
        i += 1
    return out.hex()[:n]


def hbytes(seed, n):
    out = b""
    i = 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}#{i}".encode()).digest()
        i += 1
    return out[:n]


def hint(seed, lo, hi):
    return lo + int(h(seed, 8), 16) % (hi - lo + 1)


def esc(s):
    return html.escape(s, quote=True)


def slug(s):
    t = s.lower()
    tr = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўєїґ",
                  ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                   "t", "u", "f", "h", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya", "i", "u", "ye", "yi",
                   "g"]))
    t = "".join(tr.get(c, c) for c in t)
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t[:60] or "page"


INLINE_RE = re.compile(r"\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)]+)\)")


def strip_inline(s):
    return INLINE_RE.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), s)


def inline(s, ents=False, nbsp=False):
    """Escape a source line and turn **bold** and [text](url) into HTML."""
    out = []
    pos = 0
    for m in INLINE_RE.finditer(s):
        out.append(_txt(s[pos:m.start()], ents, nbsp))
        if m.group(1) is not None:
            out.append("<strong>" + _txt(m.group(1), ents, nbsp) + "</strong>")
        else:
            out.append('<a href="' + esc(m.group(3)) + '">' + _txt(m.group(2), ents, nbsp) + "</a>")
        pos = m.end()
    out.append(_txt(s[pos:], ents, nbsp))
    return "".join(out)


def _txt(s, ents, nbsp):
    t = esc(s).replace("&#x27;", "'")
    if ents:
        t = (t.replace("«", "&laquo;").replace("»", "&raquo;").replace("—", "&mdash;")
             .replace("–", "&ndash;").replace("“", "&ldquo;").replace("”", "&rdquo;"))
    if nbsp:
        # Bitrix "typograph": non-breaking space after short prepositions and numbers.
        t = re.sub(r"(?<=\s)(в|и|на|с|к|у|о|а|і|ў|з|да|по|№) ", lambda m: m.group(1) + "&nbsp;", t)
    return t


def parse_body(text):
    """Source body -> blocks [(kind, text, attr)].

    Line syntax (one block per line, blank lines ignored):
      ## h2 / ### h3 / - bullet / + numbered item / || header cells | ... / | cells | ...
      > quote  (> [be] quote in another language) / ^ figure caption / anything else: paragraph
    """
    blocks = []
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("### "):
            blocks.append(("h3", line[4:].strip(), None))
        elif line.startswith("## "):
            blocks.append(("h2", line[3:].strip(), None))
        elif line.startswith("- "):
            blocks.append(("li", line[2:].strip(), None))
        elif line.startswith("+ "):
            blocks.append(("oli", line[2:].strip(), None))
        elif line.startswith("||"):
            blocks.append(("th", None, [c.strip() for c in line[2:].strip().strip("|").split("|")]))
        elif line.startswith("|"):
            blocks.append(("tr", None, [c.strip() for c in line.strip().strip("|").split("|")]))
        elif line.startswith(">"):
            q = line[1:].strip()
            lang = None
            m = re.match(r"\[(\w\w)\]\s*(.*)", q)
            if m:
                lang, q = m.group(1), m.group(2)
            blocks.append(("quote", q, lang))
        elif line.startswith("^ "):
            blocks.append(("caption", line[2:].strip(), None))
        else:
            blocks.append(("p", line, None))
    return blocks


def gold_lines(page):
    lines = [page["title"]]
    if page["kind"] == "list":
        for it in page["items"]:
            lines.append(strip_inline(it["title"]))
            if it.get("teaser"):
                lines.append(strip_inline(it["teaser"]))
        return lines
    for kind, text, attr in page["blocks"]:
        if kind in ("tr", "th"):
            lines.append(" | ".join(strip_inline(c) for c in attr))
        else:
            lines.append(strip_inline(text))
    return lines


def group_blocks(blocks):
    """Group consecutive li / oli / table rows so renderers can wrap them."""
    groups = []
    for b in blocks:
        k = b[0]
        gk = {"li": "ul", "oli": "ol", "tr": "table", "th": "table"}.get(k)
        if gk and groups and groups[-1][0] == gk:
            groups[-1][1].append(b)
        elif gk:
            groups.append((gk, [b]))
        else:
            groups.append((k, [b]))
    return groups


def render_blocks(page, flavor):
    ents = page["site"]["entities"]
    nb = flavor == "bitrix"
    out = []
    img_n = 0
    for gk, items in group_blocks(page["blocks"]):
        if gk in ("ul", "ol"):
            if flavor == "table":
                out.append("<" + gk + ">" + "".join(
                    "<li><font face=\"Verdana\" size=\"2\">" + inline(t, ents, nb) + "</font>" for _, t, _ in items)
                    + "</" + gk + ">")
            else:
                out.append("<" + gk + ">\n" + "\n".join(
                    "\t<li>" + inline(t, ents, nb) + "</li>" for _, t, _ in items) + "\n</" + gk + ">")
        elif gk == "table":
            rows = []
            for k, _, cells in items:
                tag = "th" if k == "th" else "td"
                rows.append("<tr>" + "".join("<%s>%s</%s>" % (tag, inline(c, ents, nb), tag) for c in cells) + "</tr>")
            if flavor == "table":
                out.append('<table border="1" cellpadding="3" cellspacing="0" width="100%" bordercolor="#999999">'
                           + "\n".join(rows) + "</table>")
            elif flavor == "sharepoint":
                out.append('<table class="ms-rteTable-default" width="100%" cellspacing="0"><tbody>'
                           + "".join(r.replace("<td>", '<td class="ms-rteTable-default">') for r in rows)
                           + "</tbody></table>")
            else:
                out.append('<div class="table-responsive"><table class="table">\n<tbody>\n' + "\n".join(rows)
                           + "\n</tbody>\n</table></div>")
        else:
            k, t, attr = items[0]
            if k in ("h2", "h3"):
                if flavor == "table":
                    out.append('<p><font face="Verdana" size="3" color="#003366"><b>' + inline(t, ents) + "</b></font></p>")
                elif flavor == "sharepoint":
                    out.append('<%s class="ms-rteElement-H%s">%s</%s>' % (k, k[1], inline(t, ents), k))
                else:
                    out.append("<%s>%s</%s>" % (k, inline(t, ents, nb), k))
            elif k == "p":
                if flavor == "table":
                    out.append('<p align="justify"><font face="Verdana" size="2">' + inline(t, ents) + "</font></p>")
                elif flavor == "sharepoint":
                    out.append("<div>" + inline(t, ents) + "</div>")
                elif flavor == "bitrix":
                    out.append('<p style="text-align: justify;">' + inline(t, ents, nb) + "</p>")
                else:
                    out.append("<p>" + inline(t, ents) + "</p>")
            elif k == "quote":
                la = ' lang="%s"' % attr if attr else ""
                if flavor == "table":
                    out.append('<blockquote%s><font face="Verdana" size="2"><i>%s</i></font></blockquote>'
                               % (la, inline(t, ents)))
                elif flavor == "wordpress":
                    out.append('<blockquote class="wp-block-quote"%s><p>%s</p></blockquote>' % (la, inline(t, ents)))
                else:
                    out.append("<blockquote%s><p>%s</p></blockquote>" % (la, inline(t, ents, nb)))
            elif k == "caption":
                img_n += 1
                src = "/upload/%s/%s-%d.jpg" % (page["published"] or "img", h(page["case"], 8), img_n)
                alt = ""
                if flavor == "table":
                    out.append('<p align="center"><img src="%s" width="400" height="267" border="0" alt="%s"><br>'
                               '<font size="1"><i>%s</i></font></p>' % (src, alt, inline(t, ents)))
                elif flavor == "wordpress":
                    out.append('<figure class="wp-block-image size-large"><img decoding="async" loading="lazy" '
                               'width="1024" height="683" src="https://%s/wp-content/uploads%s" alt="" class="wp-image-%d"/>'
                               '<figcaption class="wp-element-caption">%s</figcaption></figure>'
                               % (page["site"]["domain"], src, hint(page["case"] + str(img_n), 1000, 9999),
                                  inline(t, ents)))
                else:
                    out.append('<figure class="image"><img src="%s" alt="%s" width="800" height="533">'
                               "<figcaption>%s</figcaption></figure>" % (src, alt, inline(t, ents, nb)))
    return "\n".join(out)


def fmt_date(d, lang, style="dots"):
    if not d:
        return ""
    y, m, dd = d.split("-")
    if style == "dots":
        return "%s.%s.%s" % (dd, m, y)
    if lang == "en":
        return "%d %s %s" % (int(dd), C.MONTHS["en"][int(m) - 1], y)
    return "%d %s %s" % (int(dd), C.MONTHS[lang][int(m) - 1], y)


def menu_for(page):
    m = page["site"]["menu"]
    if isinstance(m, dict):
        return m.get(page["lang"]) or next(iter(m.values()))
    return m


def link(page, label, prefix=""):
    return "%s/%s" % (prefix, slug(label))


def related_titles(page, n):
    """Headlines for 'latest news' widgets: titles of other corpus pages of the same site and
    language first, then the per-language filler list. Never the page itself."""
    own = [p for p in ALL_PAGES if p["site_id"] == page["site_id"] and p["lang"] == page["lang"]
           and p["case"] != page["case"] and p["kind"] == "article"]
    own.sort(key=lambda p: (p["published"] or "", p["case"]), reverse=True)
    items = [(p["title"], p["url"], p["published"]) for p in own]
    base = page["published"] or "2021-06-01"
    for i, t in enumerate(C.SIDEBAR_NEWS[page["lang"]]):
        y, mo, d = (int(x) for x in base.split("-"))
        d = max(1, d - i - 1)
        items.append((t, "%s://%s/news/%s" % (page["site"]["scheme"], page["site"]["domain"], slug(t)),
                      "%04d-%02d-%02d" % (y, mo, d)))
    return items[:n]


def svg_path(seed, n):
    """A long deterministic SVG path (emblems and logos are big inline SVGs on many gov sites)."""
    b = hbytes(seed, n * 4)
    parts = ["M%d %d" % (b[0], b[1])]
    for i in range(1, n):
        parts.append("c%.1f %.1f %.1f %.1f %.1f %.1f" % (
            (b[4 * i] - 128) / 10, (b[4 * i + 1] - 128) / 10, (b[4 * i + 2] - 128) / 9,
            (b[4 * i + 3] - 128) / 9, (b[4 * i] - b[4 * i + 2]) / 7, (b[4 * i + 1] - b[4 * i + 3]) / 7))
    return "".join(parts) + "z"


def meta_charset(page, style):
    d = page["declared"]
    if d is None:
        return ""
    if style == "html5":
        return '<meta charset="%s">' % d
    return '<meta http-equiv="Content-Type" content="text/html; charset=%s" />' % d


def list_html(page, flavor):
    ents = page["site"]["entities"]
    rows = []
    for it in page["items"]:
        date = fmt_date(it.get("date"), page["lang"])
        if flavor == "table":
            rows.append('<tr><td valign="top" width="80"><font size="1" color="#666666">%s</font></td><td>'
                        '<a href="%s"><font face="Verdana" size="2"><b>%s</b></font></a><br>'
                        '<font face="Verdana" size="2">%s</font></td></tr>'
                        % (date, esc(it["url"]), inline(it["title"], ents), inline(it.get("teaser", ""), ents)))
        elif flavor == "drupal7":
            rows.append('<div class="views-row"><div class="views-field views-field-created"><span class="field-content">'
                        '%s</span></div><div class="views-field views-field-title"><span class="field-content">'
                        '<a href="%s">%s</a></span></div><div class="views-field views-field-body"><div class="field-content">'
                        '<p>%s</p></div></div><div class="views-field views-field-view-node"><span class="field-content">'
                        '<a href="%s">%s</a></span></div></div>'
                        % (date, esc(it["url"]), inline(it["title"], ents), inline(it.get("teaser", ""), ents),
                           esc(it["url"]), C.UI[page["lang"]]["more"]))
        elif flavor == "bitrix":
            rows.append('<div class="news-item" id="bx_%s"><span class="news-date-time">%s</span>'
                        '<a href="%s" class="news-item__title"><b>%s</b></a><div class="news-item__preview">%s</div>'
                        '<a class="news-item__more" href="%s">%s &rarr;</a></div>'
                        % (h(it["url"], 10), date, esc(it["url"]), inline(it["title"], ents, True),
                           inline(it.get("teaser", ""), ents, True), esc(it["url"]), C.UI[page["lang"]]["more"]))
        elif flavor == "wordpress":
            rows.append('<article class="post type-post status-publish format-standard has-post-thumbnail hentry">'
                        '<div class="post-thumb"><img src="https://%s/wp-content/uploads/thumb-%s.jpg" alt="" width="300" height="200"></div>'
                        '<header class="entry-header"><h2 class="entry-title"><a href="%s" rel="bookmark">%s</a></h2>'
                        '<div class="entry-meta"><time class="entry-date published" datetime="%sT09:00:00+02:00">%s</time></div></header>'
                        '<div class="entry-summary"><p>%s</p></div><a class="read-more" href="%s">%s</a></article>'
                        % (page["site"]["domain"], h(it["url"], 8), esc(it["url"]), inline(it["title"], ents),
                           it.get("date", ""), fmt_date(it.get("date"), page["lang"], "long"),
                           inline(it.get("teaser", ""), ents), esc(it["url"]), C.UI[page["lang"]]["more"]))
        elif flavor == "sharepoint":
            rows.append('<div class="rtco-news-item ms-displayInline"><div class="rtco-news-date">%s</div>'
                        '<h3 class="rtco-news-title"><a href="%s">%s</a></h3><div class="rtco-news-summary">%s</div></div>'
                        % (fmt_date(it.get("date"), "en", "long"), esc(it["url"]), inline(it["title"], ents),
                           inline(it.get("teaser", ""), ents)))
        else:  # gsb
            rows.append('<div class="teaser"><p class="date">%s</p><h2><a href="%s">%s</a></h2><p>%s</p></div>'
                        % (fmt_date(it.get("date"), "en", "long"), esc(it["url"]), inline(it["title"], ents),
                           inline(it.get("teaser", ""), ents)))
    return "\n".join(rows)


ALL_PAGES = []
