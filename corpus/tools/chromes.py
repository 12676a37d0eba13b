"""Site chromes: one renderer per CMS style, each returning the whole page as a str.

drupal7     mpt.gov.by-like Drupal 7 (/node/NNNN, Drupal.settings, views blocks, i18n switcher)
bitrix      1C-Bitrix (BX.message, composite frames, bx_ ids, news.detail component)
wordpress   WordPress 6 block theme (global-styles inline CSS, Yoast JSON-LD, wp-emoji)
table       hand-made 2000s table layout (font tags, spacer gifs, top100/LiveInternet counters)
sharepoint  SharePoint 2013 publishing page (__VIEWSTATE, _spPageContextInfo, ms-rte classes)
gsb         Government Site Builder-like (skip links, "You are here", Matomo, share list)
"""

import json

import chrome_data as C
from corpuslib import (ALL_PAGES, esc, fmt_date, h, hbytes, hint, inline, list_html, meta_charset,
                       related_titles, render_blocks, slug, svg_path)


def U(page):
    return C.UI[page["lang"]]


def site_name(page):
    return page["site"]["name"][page["lang"]]


def base(page):
    s = page["site"]
    return "%s://%s" % (s["scheme"], s["domain"])


def neighbours(page):
    same = [p for p in ALL_PAGES if p["site_id"] == page["site_id"] and p["lang"] == page["lang"]
            and p["kind"] == "article"]
    same.sort(key=lambda p: (p["published"] or "", p["case"]))
    idx = [p["case"] for p in same].index(page["case"]) if page["case"] in [p["case"] for p in same] else -1
    rel = related_titles(page, 12)
    prev = same[idx - 1] if idx > 0 else None
    nxt = same[idx + 1] if 0 <= idx < len(same) - 1 else None
    prev_t = (prev["title"], prev["url"]) if prev else (rel[-1][0], rel[-1][1])
    next_t = (nxt["title"], nxt["url"]) if nxt else (rel[-2][0], rel[-2][1])
    return prev_t, next_t


def mega_menu(page, prefix, cls_ul="menu", cls_li="leaf", depth_cls="expanded"):
    out = ['<ul class="%s">' % cls_ul]
    for i, (sec, items) in enumerate(C_menu(page)):
        out.append('<li class="%s%s"><a href="%s/%s" title="">%s</a><ul class="%s">' % (
            depth_cls, " first" if i == 0 else "", prefix, slug(sec), esc(sec), cls_ul))
        for j, it in enumerate(items):
            out.append('<li class="%s%s"><a href="%s/%s/%s">%s</a></li>' % (
                cls_li, " last" if j == len(items) - 1 else "", prefix, slug(sec), slug(it), esc(it)))
        out.append("</ul></li>")
    out.append("</ul>")
    return "\n".join(out)


def C_menu(page):
    m = page["site"]["menu"]
    if isinstance(m, dict):
        m = m.get(page["lang"]) or next(iter(m.values()))
    if m and isinstance(m[0], str):  # flat menu (table sites)
        return [(x, []) for x in m]
    return m


def body_or_list(page, flavor):
    if page["kind"] == "list":
        return list_html(page, flavor)
    return render_blocks(page, flavor)


def pager(page, cur=1, n=9):
    parts = []
    for i in range(1, n + 1):
        if i == cur:
            parts.append('<li class="pager-current">%d</li>' % i)
        else:
            parts.append('<li class="pager-item"><a href="?page=%d">%d</a></li>' % (i - 1, i))
    return '<ul class="pager">' + "".join(parts) + '<li class="pager-next"><a href="?page=1">›</a></li>' \
        '<li class="pager-last"><a href="?page=57">»</a></li></ul>'


def metrika(counter):
    return ('<!-- Yandex.Metrika counter --><script type="text/javascript">(function(m,e,t,r,i,k,a){m[i]=m[i]||function()'
            '{(m[i].a=m[i].a||[]).push(arguments)};m[i].l=1*new Date();k=e.createElement(t),a=e.getElementsByTagName(t)[0],'
            'k.async=1,k.src=r,a.parentNode.insertBefore(k,a)})(window, document, "script", '
            '"https://mc.yandex.ru/metrika/tag.js", "ym");ym(%d, "init", {clickmap:true,trackLinks:true,'
            'accurateTrackBounce:true,webvisor:true});</script><noscript><div><img src="https://mc.yandex.ru/watch/%d" '
            'style="position:absolute; left:-9999px;" alt="" /></div></noscript><!-- /Yandex.Metrika counter -->'
            % (counter, counter))


def share_ya():
    return ('<div class="share-block"><script src="https://yastatic.net/share2/share.js" async="async"></script>'
            '<div class="ya-share2" data-curtain data-shape="round" '
            'data-services="vkontakte,facebook,odnoklassniki,telegram,twitter,viber,whatsapp"></div></div>')


def banners_by(page):
    lang = page["lang"] if page["lang"] in ("ru", "be", "en") else "ru"
    out = ['<ul class="banners">']
    for dom, names in C.BANNERS_BY:
        out.append('<li><a href="https://%s/" target="_blank" rel="noopener" title="%s"><img src="/sites/default/files/'
                   'banners/%s.png" alt="%s" width="220" height="70" /></a></li>' % (dom, esc(names[lang]),
                                                                                 slug(dom), esc(names[lang])))
    out.append("</ul>")
    return "\n".join(out)


def poll(page, form_cls="poll"):
    q, opts = C.POLL[page["lang"]]
    u = U(page)
    rows = "".join('<div class="form-item form-type-radio"><input type="radio" id="edit-choice-%d" name="choice" '
                   'value="%d" class="form-radio" /> <label class="option" for="edit-choice-%d">%s</label></div>'
                   % (i, i, i, esc(o)) for i, o in enumerate(opts))
    return ('<form class="%s" action="/poll/vote" method="post" id="poll-view-voting" accept-charset="UTF-8"><div>'
            '<div class="poll"><div class="vote-form"><div class="choices"><div class="title">%s</div>%s</div>'
            '<input type="hidden" name="form_build_id" value="form-%s" />'
            '<input type="submit" id="edit-vote" name="op" value="%s" class="form-submit" /></div>'
            '<a href="/poll/results">%s</a></div></div></form>' % (form_cls, esc(q), rows, h(page["case"], 43),
                                                                  u["vote"], u["results"]))


def latest_block(page, n, fmt, wrap):
    return wrap("\n".join(fmt(t, url, d) for t, url, d in related_titles(page, n)))


# ================================================================= Drupal 7


def drupal7(page):
    lang, u, s, b = page["lang"], U(page), page["site"], base(page)
    nid = page["url"].rstrip("/").split("/")[-1] if "/node/" in page["url"] else str(hint(page["case"], 4000, 9000))
    title = page["title"]
    other_langs = [("be", "Бел"), ("ru", "Рус"), ("en", "Eng")]
    switch = "".join('<li class="%s%s"><a href="/%s/node/%s" class="language-link%s" xml:lang="%s">%s</a></li>'
                     % (code, " active" if code == lang else "", code, nid, " active" if code == lang else "",
                        code, lab) for code, lab in other_langs)
    js_files = ["misc/jquery.js", "misc/jquery-extend-3.4.0.js", "misc/jquery-html-prefilter-3.5.0-backport.js",
                "misc/jquery.once.js", "misc/drupal.js", "sites/all/modules/jquery_update/replace/ui/external/jquery.cookie.js",
                "misc/form-single-submit.js", "sites/all/modules/nice_menus/js/jquery.bgiframe.js",
                "sites/all/modules/nice_menus/js/jquery.hoverIntent.js", "sites/all/modules/nice_menus/js/superfish.js",
                "sites/all/modules/nice_menus/js/nice_menus.js", "sites/all/modules/extlink/extlink.js",
                "sites/all/modules/lightbox2/js/lightbox.js", "sites/all/modules/custom_search/js/custom_search.js",
                "sites/all/modules/google_analytics/googleanalytics.js", "sites/all/modules/views_slideshow/js/views_slideshow.js",
                "sites/all/libraries/colorbox/jquery.colorbox-min.js", "sites/all/modules/special_version/js/sv.js",
                "sites/all/themes/mpt/js/script.js", "sites/all/themes/mpt/js/jquery.mCustomScrollbar.concat.min.js"]
    css_files = ["modules/system/system.base.css", "modules/system/system.menus.css", "modules/system/system.messages.css",
                 "modules/system/system.theme.css", "modules/aggregator/aggregator.css", "modules/comment/comment.css",
                 "sites/all/modules/date/date_api/date.css", "sites/all/modules/date/date_popup/themes/datepicker.1.7.css",
                 "modules/field/theme/field.css", "modules/node/node.css", "modules/poll/poll.css",
                 "modules/search/search.css", "modules/user/user.css", "sites/all/modules/extlink/extlink.css",
                 "sites/all/modules/views/css/views.css", "sites/all/modules/ctools/css/ctools.css",
                 "sites/all/modules/lightbox2/css/lightbox.css", "sites/all/modules/nice_menus/css/nice_menus.css",
                 "sites/all/modules/nice_menus/css/nice_menus_default.css", "modules/locale/locale.css",
                 "sites/all/themes/mpt/css/style.css", "sites/all/themes/mpt/css/media.css"]
    qs = h(page["case"] + "qs", 6)
    settings = {
        "basePath": "/", "pathPrefix": lang + "/",
        "ajaxPageState": {"theme": "mpt", "theme_token": base64.urlsafe_b64encode(hbytes(page["case"], 32)).decode().rstrip("="),
                          "js": {f: 1 for f in js_files}, "css": {f: 1 for f in css_files}},
        "lightbox2": {"rtl": "0", "file_path": "/(\\w\\w/)public://lightbox2", "default_image": "/sites/all/modules/lightbox2/images/brokenimage.jpg",
                      "border_size": 10, "font_color": "000", "box_color": "fff", "top_position": "", "overlay_opacity": "0.8",
                      "overlay_color": "000", "disable_close_click": True, "resize_sequence": 0, "resize_speed": 400,
                      "fade_in_speed": 400, "slide_down_speed": 600, "use_alt_layout": False, "disable_resize": False,
                      "disable_zoom": False, "force_show_nav": False, "show_caption": True, "loop_items": False,
                      "node_link_text": "View Image Details", "node_link_target": False, "image_count": "Image !current of !total",
                      "video_count": "Video !current of !total", "page_count": "Page !current of !total",
                      "lite_press_x_close": "press \u003Ca href=\u0022#\u0022 onclick=\u0022hideLightbox(); return FALSE;\u0022\u003E\u003Ckbd\u003Ex\u003C/kbd\u003E\u003C/a\u003E to close",
                      "download_link_text": "", "enable_login": False, "enable_contact": False, "keys_close": "c x 27",
                      "keys_previous": "p 37", "keys_next": "n 39", "keys_zoom": "z", "keys_play_pause": "32",
                      "display_image_size": "original", "image_node_sizes": "()", "trigger_lightbox_classes": "",
                      "trigger_lightbox_group_classes": "", "trigger_slideshow_classes": "", "trigger_lightframe_classes": "",
                      "trigger_lightframe_group_classes": "", "custom_class_handler": 0, "custom_trigger_classes": "",
                      "disable_for_gallery_lists": True, "disable_for_acidfree_gallery_lists": True,
                      "enable_acidfree_videos": True, "slideshow_interval": 5000, "slideshow_automatic_start": True,
                      "slideshow_automatic_exit": True, "show_play_pause": True, "pause_on_next_click": False,
                      "pause_on_previous_click": True, "loop_slides": False, "iframe_width": 600, "iframe_height": 400,
                      "iframe_border": 1, "enable_video": False, "useragent": "Mozilla/5.0 (compatible; heritrix/3.4.0)"},
        "custom_search": {"form_target": "_self", "solr": 0},
        "nice_menus_options": {"delay": 800, "speed": "slow"},
        "extlink": {"extTarget": "_blank", "extClass": 0, "extLabel": "(link is external)", "extImgClass": 0,
                    "extSubdomains": 1, "extExclude": "", "extInclude": "", "extCssExclude": "", "extCssExplicit": "",
                    "extAlert": 0, "extAlertText": "This link will take you to an external web site.", "mailtoClass": 0,
                    "mailtoLabel": "(link sends e-mail)"},
        "googleanalytics": {"trackOutbound": 1, "trackMailto": 1, "trackDownload": 1,
                            "trackDownloadExtensions": "7z|aac|arc|arj|asf|asx|avi|bin|csv|doc(x|m)?|dot(x|m)?|exe|flv|gif|gz|gzip|hqx|jar|jpe?g|js|mp(2|3|4|e?g)|mov(ie)?|msi|msp|pdf|phps|png|ppt(x|m)?|pot(x|m)?|pps(x|m)?|ppam|sld(x|m)?|thmx|qtm?|ra(m|r)?|sea|sit|tar|tgz|torrent|txt|wav|wma|wmv|wpd|xls(x|m|b)?|xlt(x|m)|xlam|xml|z|zip",
                            "trackColorbox": 1},
        "urlIsAjaxTrusted": {"/%s/node/%s" % (lang, nid): True},
        "specialVersion": {"fontSize": [14, 16, 20], "colors": ["white", "black", "blue"], "images": "on"},
    }
    n_points = page["src"].get("map_points", 0)
    if n_points:
        # A Leaflet map block (e.g. connected villages): Drupal puts every feature into Drupal.settings.
        pts = hbytes(page["case"] + "map", n_points * 4)
        settings["leaflet"] = [{"mapId": "leaflet-map-%s" % h(page["case"], 8), "map": {
            "label": "OSM Mapnik", "description": "Leaflet default map.", "settings": {
                "zoomDefault": 7, "minZoom": 5, "maxZoom": 18, "dragging": True, "touchZoom": True,
                "scrollWheelZoom": False, "doubleClickZoom": True, "zoomControl": True, "attributionControl": True},
            "layers": {"earth": {"urlTemplate": "//{s}.tile.openstreetmap.org/{z}/{x}/{y}.png",
                                 "options": {"attribution": "OSM Mapnik"}}}},
            "features": [{"type": "point", "lat": round(51.3 + pts[4 * i] / 255 * 4.4 + pts[4 * i + 1] / 65025, 6),
                          "lon": round(23.3 + pts[4 * i + 2] / 255 * 9.3 + pts[4 * i + 3] / 65025, 6),
                          "icon": {"iconUrl": "/sites/all/themes/mpt/images/marker-gpon.png", "iconSize": {"x": "25", "y": "41"}},
                          "popup": "GPON #%d" % (1000 + i), "leaflet_id": "node-%d-%d" % (int(nid), i)}
                         for i in range(n_points)]}]
    menu = mega_menu(page, "/" + lang, "menu nice-menu nice-menu-down", "menu-%s leaf" % nid, "menuparent expanded")
    crumbs = '<div class="breadcrumb"><a href="/%s">%s</a> » <a href="/%s/press-centre">%s</a> » <a href="/%s/news">%s</a></div>' % (
        lang, u["home"], lang, C.MENU_MINISTRY[lang][3][0], lang, u["news"])
    if page["kind"] == "list":
        content = ('<div class="view view-news view-id-news view-display-id-page view-dom-id-%s"><div class="view-content">%s'
                   '</div><h2 class="element-invisible">Pages</h2><div class="item-list">%s</div></div>'
                   % (h(page["case"], 32), body_or_list(page, "drupal7"), pager(page)))
    else:
        prev_t, next_t = neighbours(page)
        tags = "".join('<div class="field-item %s"><a href="/%s/taxonomy/term/%d" typeof="skos:Concept" property="rdfs:label skos:prefLabel">%s</a></div>'
                       % ("even" if i % 2 else "odd", lang, hint(t, 100, 999), esc(t)) for i, t in enumerate(page["tags"]))
        content = (
            '<div id="node-%s" class="node node-news node-promoted node-full clearfix" about="/%s/node/%s" typeof="sioc:Item foaf:Document">\n'
            '<span property="dc:title" content="%s" class="rdf-meta element-hidden"></span>\n'
            '<div class="submitted"><span property="dc:date dc:created" content="%sT10:%02d:00+03:00" datatype="xsd:dateTime">%s</span></div>\n'
            '<div class="content">\n'
            '<div class="field field-name-body field-type-text-with-summary field-label-hidden"><div class="field-items">'
            '<div class="field-item even" property="content:encoded">%s</div></div></div>\n'
            '%s</div>\n'
            '<ul class="links inline"><li class="print_html first last"><a href="/%s/print/%s" title="%s" class="print-page" '
            'rel="nofollow"><img class="print-icon" typeof="foaf:Image" src="/sites/all/modules/print/icons/print_icon.png" '
            'width="16" height="16" alt="" title="%s" /></a></li></ul>\n%s\n'
            '<div class="node-nav"><a class="prev" href="%s">← %s</a><a class="next" href="%s">%s →</a></div>\n'
            '</div>' % (
                nid, lang, nid, esc(title), page["published"], hint(page["case"], 0, 59),
                fmt_date(page["published"], lang), render_blocks(page, "drupal7"),
                ('<div class="field field-name-field-tags field-type-taxonomy-term-reference field-label-above">'
                 '<div class="field-label">%s:&nbsp;</div><div class="field-items">%s</div></div>\n' % (u["tags"], tags))
                if tags else "",
                lang, nid, u["print"], u["print"], share_ya(), esc(prev_t[1]), esc(prev_t[0]), esc(next_t[1]),
                esc(next_t[0])))

    latest = latest_block(page, 8, lambda t, url, d: '<div class="views-row"><span class="date">%s</span> <a href="%s">%s</a></div>'
                          % (fmt_date(d, lang), esc(url), esc(t)), lambda x: x)
    footer_menu = "\n".join('<div class="footer-col"><h3>%s</h3><ul>%s</ul></div>' % (
        esc(sec), "".join('<li><a href="/%s/%s/%s">%s</a></li>' % (lang, slug(sec), slug(i), esc(i)) for i in items))
        for sec, items in C_menu(page))
    emblem = svg_path(page["site_id"] + "emblem", 160)
    return """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML+RDFa 1.0//EN"
  "http://www.w3.org/MarkUp/DTD/xhtml-rdfa-1.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{hl}" version="XHTML+RDFa 1.0" dir="ltr"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/terms/"
  xmlns:foaf="http://xmlns.com/foaf/0.1/"
  xmlns:og="http://ogp.me/ns#"
  xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"
  xmlns:sioc="http://rdfs.org/sioc/ns#"
  xmlns:sioct="http://rdfs.org/sioc/types#"
  xmlns:skos="http://www.w3.org/2004/02/skos/core#"
  xmlns:xsd="http://www.w3.org/2001/XMLSchema#">

<head profile="http://www.w3.org/1999/xhtml/vocab">
  {meta}
<link rel="shortcut icon" href="{b}/sites/all/themes/mpt/favicon.ico" type="image/vnd.microsoft.icon" />
<meta name="Generator" content="Drupal 7 (http://drupal.org)" />
<link rel="canonical" href="/{lang}/node/{nid}" />
<link rel="shortlink" href="/{lang}/node/{nid}" />
<meta name="description" content="{desc}" />
<link rel="alternate" hreflang="ru" href="{b}/ru/node/{nid}" />
<link rel="alternate" hreflang="be" href="{b}/be/node/{nid}" />
<link rel="alternate" hreflang="en" href="{b}/en/node/{nid}" />
  <title>{title_t} | {site}</title>
  <style type="text/css" media="all">
{css}
</style>
<!--[if lte IE 8]><link type="text/css" rel="stylesheet" href="{b}/sites/all/themes/mpt/css/ie.css?{qs}" media="all" /><![endif]-->
{jsinc}
<script type="text/javascript">
<!--//--><![CDATA[//><!--
(function(i,s,o,g,r,a,m){{i["GoogleAnalyticsObject"]=r;i[r]=i[r]||function(){{(i[r].q=i[r].q||[]).push(arguments)}},i[r].l=1*new Date();a=s.createElement(o),m=s.getElementsByTagName(o)[0];a.async=1;a.src=g;m.parentNode.insertBefore(a,m)}})(window,document,"script","https://www.google-analytics.com/analytics.js","ga");ga("create", "UA-{ga}-1", {{"cookieDomain":"auto"}});ga("set", "anonymizeIp", true);ga("send", "pageview");
//--><!]]>
</script>
<script type="text/javascript">
<!--//--><![CDATA[//><!--
jQuery.extend(Drupal.settings, {settings});
//--><!]]>
</script>
</head>
<body class="html not-front not-logged-in one-sidebar sidebar-second page-node page-node- page-node-{nid} node-type-news i18n-{lang}" >
  <div id="skip-link">
    <a href="#main-content" class="element-invisible element-focusable">{skip}</a>
  </div>
    <div id="page-wrapper"><div id="page">
  <div id="top-bar"><div class="section clearfix">
    <a class="special-version" href="/{lang}/node/{nid}?special=1">{impaired}</a>
    <div class="region region-top-bar"><div id="block-locale-language" class="block block-locale">
      <div class="content"><ul class="language-switcher-locale-url">{switch}</ul></div></div>
    <div id="block-custom-search-blocks-1" class="block block-custom-search-blocks"><div class="content">
      <form class="search-form" action="/{lang}/search" method="post" id="custom-search-blocks-form-1" accept-charset="UTF-8"><div>
      <input title="{search}" class="custom-search-box form-text" placeholder="{search}" type="text" id="edit-custom-search-blocks-form-1--2" name="custom_search_blocks_form_1" value="" size="15" maxlength="128" />
      <input type="submit" id="edit-submit" name="op" value="" class="form-submit" />
      <input type="hidden" name="form_id" value="custom_search_blocks_form_1" /></div></form></div></div>
    </div></div></div>
  <div id="header"><div class="section clearfix">
    <a href="/{lang}" title="{home}" rel="home" id="logo"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="86" height="86" aria-hidden="true"><path fill="#c8102e" d="{emblem}"/></svg></a>
    <div id="name-and-slogan"><div id="site-name"><strong><a href="/{lang}" title="{home}" rel="home"><span>{site}</span></a></strong></div></div>
  </div></div>
  <div id="navigation"><div class="section">
    <div class="region region-navigation"><div id="block-nice-menus-1" class="block block-nice-menus"><div class="content">
{menu}
    </div></div></div>
  </div></div>
  {crumbs}
  <div id="main-wrapper" class="clearfix"><div id="main" class="clearfix">
    <div id="content" class="column"><div class="section">
      <a id="main-content"></a>
      <h1 class="title" id="page-title">{title_h}</h1>
      <div class="tabs"></div>
      <div class="region region-content">
    <div id="block-system-main" class="block block-system">
  <div class="content">
{content}
  </div>
</div>
  </div>
    </div></div>
    <div id="sidebar-second" class="column sidebar"><div class="section">
    <div class="region region-sidebar-second">
    <div id="block-views-news-block-1" class="block block-views">
      <h2>{latest_h}</h2>
      <div class="content"><div class="view view-news view-id-news view-display-id-block_1"><div class="view-content">
{latest}
      </div><div class="more-link"><a href="/{lang}/news">{all_news}</a></div></div></div>
    </div>
    <div id="block-poll-recent" class="block block-poll"><h2>{poll_h}</h2><div class="content">{poll}</div></div>
    <div id="block-block-7" class="block block-block"><div class="content">{banners}</div></div>
    </div></div></div>
  </div></div>
  <div id="footer"><div class="section">
    <div class="region region-footer">
    <div id="block-menu-menu-footer" class="block block-menu"><div class="content footer-menu">{footer_menu}</div></div>
    <div id="block-block-3" class="block block-block"><div class="content">
      <p class="address">{address}<br />{phone_l}: {phone}, e-mail: <a href="mailto:{email}">{email}</a><br />{hours_h}: {hours}</p>
      <p>© 2010–2021 {site}. {copy}.</p>
      <p><a href="/{lang}/sitemap">{sitemap}</a></p>
    </div></div>
    {metrika}
    </div>
  </div></div>
  </div></div>
  <script type="text/javascript" src="{b}/sites/all/modules/special_version/js/sv-init.js?{qs}"></script>
</body>
</html>
""".format(
        hl=page["html_lang"], meta=meta_charset(page, "xhtml"), b=b, lang=lang, nid=nid, desc=esc(page["description"]),
        title_t=esc(title), site=esc(site_name(page)), qs=qs,
        css="\n".join('@import url("%s/%s?%s");' % (b, f, qs) for f in css_files),
        jsinc="\n".join('<script type="text/javascript" src="%s/%s?%s"></script>' % (b, f, qs) for f in js_files),
        ga=hint(page["site_id"], 10000000, 99999999), settings=json.dumps(settings, ensure_ascii=True,
                                                                          separators=(",", ":")).replace("/", "\\/"),
        skip=u["skip"], impaired=u["impaired"], switch=switch, search=u["search"], home=u["home"], emblem=emblem,
        menu=menu, crumbs=crumbs if page["kind"] == "article" else crumbs.rsplit(" » ", 1)[0] + "</div>",
        title_h=esc(title), content=content, latest_h=u["latest"], latest=latest, all_news=u["all_news"],
        poll_h=u["poll"], poll=poll(page), banners=banners_by(page), footer_menu=footer_menu,
        address=esc(s["address"][lang]), phone_l={"ru": "Тел.", "be": "Тэл.", "en": "Tel."}[lang], phone=s["phone"],
        email=s["email"], hours_h=u["hours"], hours=esc(s["hours"][lang]), copy=u["copy"], sitemap=u["sitemap"],
        metrika=metrika(hint(page["site_id"], 20000000, 89999999)))


# ================================================================= 1C-Bitrix


def bitrix(page):
    lang, u, s, b = page["lang"], U(page), page["site"], base(page)
    tpl = s["template"]
    title = page["title"]
    core = {"JS_CORE_LOADING": "Загрузка...", "JS_CORE_NO_DATA": "- Нет данных -", "JS_CORE_WINDOW_CLOSE": "Закрыть",
            "JS_CORE_WINDOW_EXPAND": "Развернуть", "JS_CORE_WINDOW_NARROW": "Свернуть в окно",
            "JS_CORE_WINDOW_SAVE": "Сохранить", "JS_CORE_WINDOW_CANCEL": "Отменить", "JS_CORE_WINDOW_CONTINUE": "Продолжить",
            "JS_CORE_H": "ч", "JS_CORE_M": "м", "JS_CORE_S": "с", "JSADM_AI_HIDE_EXTRA": "Скрыть лишние",
            "JSADM_AI_ALL_NOTIF": "Показать все", "JSADM_AUTH_REQ": "Требуется авторизация!",
            "JS_CORE_WINDOW_AUTH": "Войти", "JS_CORE_IMAGE_FULL": "Полный размер"}
    cfg = {"LANGUAGE_ID": lang, "FORMAT_DATE": "DD.MM.YYYY", "FORMAT_DATETIME": "DD.MM.YYYY HH:MI:SS",
           "COOKIE_PREFIX": "BITRIX_SM", "SERVER_TZ_OFFSET": "10800", "UTF_MODE": "Y" if page["encoding"] == "utf-8" else "N",
           "SITE_ID": "s1", "SITE_DIR": "/" if lang == "ru" else "/%s/" % lang, "USER_ID": "", "SERVER_TIME": "1621245600",
           "USER_TZ_OFFSET": "0", "USER_TZ_AUTO": "Y", "bitrix_sessid": h(page["case"] + "sess", 32)}
    months = {"MONTH_%d" % (i + 1): m for i, m in enumerate(["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль",
                                                             "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"])}
    months.update({"MONTH_%d_S" % (i + 1): m for i, m in enumerate(C.MONTHS["ru"])})
    days = {"DAY_OF_WEEK_%d" % i: d for i, d in enumerate(["Воскресенье", "Понедельник", "Вторник", "Среда", "Четверг",
                                                           "Пятница", "Суббота"])}
    js_list = ["/bitrix/js/main/core/core.js", "/bitrix/js/main/core/core_promise.js", "/bitrix/js/main/core/core_ajax.js",
               "/bitrix/js/main/json/json2.min.js", "/bitrix/js/main/core/core_ls.js", "/bitrix/js/main/session.js",
               "/bitrix/js/main/core/core_window.js", "/bitrix/js/main/core/core_popup.js", "/bitrix/js/main/core/core_date.js",
               "/bitrix/js/main/utils.js", "/bitrix/js/main/core/core_fx.js", "/bitrix/js/main/core/core_frame_cache.js",
               "/bitrix/js/main/jquery/jquery-1.8.3.min.js", "/bitrix/js/main/pageobject/pageobject.js",
               "/bitrix/js/main/polyfill/promise/js/promise.js", "/bitrix/js/main/loadext/loadext.js",
               "/bitrix/js/main/loadext/extension.js", "/bitrix/js/ui/vue/vue2/prod/dist/vue.bundle.js",
               "/local/templates/%s/js/jquery.fancybox.min.js" % tpl, "/local/templates/%s/js/slick.min.js" % tpl,
               "/local/templates/%s/js/special.js" % tpl, "/local/templates/%s/js/script.js" % tpl,
               "/local/templates/%s/components/bitrix/menu/top_multilevel/script.js" % tpl,
               "/local/templates/%s/components/bitrix/news.list/sidebar/script.js" % tpl,
               "/bitrix/components/bitrix/search.title/script.js", "/bitrix/components/bitrix/voting.current/script.js"]
    css_list = ["/bitrix/js/main/core/css/core.css", "/bitrix/js/main/core/css/core_popup.css",
                "/bitrix/js/ui/fonts/opensans/ui.font.opensans.css", "/bitrix/js/main/popup/dist/main.popup.bundle.css",
                "/local/templates/%s/css/bootstrap.min.css" % tpl, "/local/templates/%s/css/slick.css" % tpl,
                "/local/templates/%s/css/jquery.fancybox.min.css" % tpl, "/local/templates/%s/template_styles.css" % tpl,
                "/local/templates/%s/components/bitrix/menu/top_multilevel/style.css" % tpl,
                "/bitrix/components/bitrix/voting.current/templates/main_page/style.css"]
    bxmsg = lambda d: "(window.BX||top.BX).message(%s);" % json.dumps(d, ensure_ascii=False).replace('"', "'")
    menu_html = []
    for i, (sec, items) in enumerate(C_menu(page)):
        menu_html.append('<li class="top-menu__item top-menu__item--parent" id="bx_%s"><a class="top-menu__link" href="/%s/">%s</a>'
                         '<div class="top-menu__dropdown"><div class="container"><div class="row">' % (h(sec, 9), slug(sec), esc(sec)))
        for j, it in enumerate(items):
            menu_html.append('<div class="col-md-4"><a class="top-menu__sublink" href="/%s/%s/">%s</a></div>' % (
                slug(sec), slug(it), esc(it)))
        menu_html.append("</div></div></div></li>")
    langs = [("be", "Бел"), ("ru", "Рус"), ("en", "Eng")] if page["site_id"] == "ncdr" else [("ru", "Рус"), ("en", "Eng")]
    switch = "".join('<a class="lang-switch__item%s" href="%s">%s</a>' % (
        " lang-switch__item--active" if c == lang else "", "/" if c == "ru" else "/%s/" % c, lab) for c, lab in langs)
    ents = s["entities"]
    if page["kind"] == "list":
        detail = ('<div class="news-list">%s</div><div class="bx-pagination"><div class="bx-pagination-container">'
                  '<ul><li class="bx-pag-prev"><span>%s</span></li><li class="bx-active"><span>1</span></li>'
                  '<li><a href="?PAGEN_1=2"><span>2</span></a></li><li><a href="?PAGEN_1=3"><span>3</span></a></li>'
                  '<li><a href="?PAGEN_1=48"><span>48</span></a></li><li class="bx-pag-next"><a href="?PAGEN_1=2">'
                  '<span>%s</span></a></li></ul></div></div>' % (body_or_list(page, "bitrix"), u["prev"], u["next"]))
    else:
        prev_t, next_t = neighbours(page)
        detail = ('<div class="news-detail">\n<span class="news-date-time">%s</span>\n'
                  '<div class="news-detail__views"><i class="icon-eye"></i> %s: %d</div>\n'
                  '<div class="news-detail__text">%s</div>\n<div style="clear:both"></div>\n'
                  '%s\n</div>\n<div class="news-detail__share">%s: %s</div>\n'
                  '<div class="news-nav"><a class="news-nav__prev" href="%s">%s</a><a class="news-nav__next" href="%s">%s</a></div>\n'
                  '<p><a href="%s">&larr; %s</a></p>' % (
                      fmt_date(page["published"], lang), u["views"], hint(page["case"] + "v", 120, 4800),
                      render_blocks(page, "bitrix"),
                      ('<div class="news-detail__source">%s: %s</div>' % (u["source"], esc(page["author"]))) if page["author"] else "",
                      u["share"], share_ya(), esc(prev_t[1]), esc(prev_t[0]), esc(next_t[1]), esc(next_t[0]),
                      "/press-center/news/" if lang == "ru" else "/%s/press-center/news/" % lang, u["back"]))
    side = latest_block(page, 6, lambda t, url, d: '<div class="side-news__item"><div class="side-news__date">%s</div>'
                        '<a class="side-news__title" href="%s">%s</a></div>' % (fmt_date(d, lang), esc(url), inline(t, ents, True)),
                        lambda x: '<div class="side-news"><div class="side-news__head">%s</div>%s<a class="side-news__all" href="/press-center/news/">%s</a></div>' % (
                            u["latest"], x, u["all_news"]))
    footer_cols = "".join('<div class="col-lg-2 col-md-4 footer__col"><div class="footer__title">%s</div><ul class="footer__menu">%s</ul></div>' % (
        esc(sec), "".join('<li><a href="/%s/%s/">%s</a></li>' % (slug(sec), slug(i), esc(i)) for i in items))
        for sec, items in C_menu(page))
    portals = ("".join('<a class="banner-slider__item" href="https://%s/" target="_blank"><img src="/upload/iblock/%s/%s.png" alt="%s"></a>'
                       % (d, h(d, 3), slug(d), esc(n.get(lang, n["ru"]))) for d, n in C.BANNERS_BY)
               if page["site_id"] == "ncdr" else
               "".join('<a class="banner-slider__item" href="https://%s/" target="_blank"><img src="/upload/iblock/%s/%s.png" alt="%s"></a>'
                       % (d, h(d, 3), slug(d), esc(n)) for d, n in [("gosuslugi.ru", "Портал государственных услуг"),
                                                                    ("regulation.gov.ru", "Федеральный портал проектов НПА"),
                                                                    ("digital.gov.ru", "Минцифры России"),
                                                                    ("pos.gosuslugi.ru", "Платформа обратной связи"),
                                                                    ("kremlin.ru", "Президент России"),
                                                                    ("government.ru", "Правительство России"),
                                                                    ("bus.gov.ru", "Официальный сайт для размещения информации о ГМУ")]))
    composite = json.dumps({"dynamicBlocks": [{"ID": "bxdynamic_%s" % h(page["case"] + str(i), 6), "CONTENT": "",
                                               "HASH": h(page["case"] + "hash" + str(i), 12), "PROPS": {"ID": i, "CONTAINER_ID": None,
                                               "USE_BROWSER_STORAGE": False, "AUTO_UPDATE": True, "USE_ANIMATION": False,
                                               "CSS": [], "JS": [], "BUNDLE_JS": [], "BUNDLE_CSS": [], "STRINGS": []}}
                                              for i in range(12)], "spread": [], "isManifestUpdated": "0"},
                           separators=(",", ":"))
    return """<!DOCTYPE html>
<html lang="{hl}">
<head>
{meta}
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title_t}</title>
<meta name="keywords" content="{kw}" />
<meta name="description" content="{desc}" />
<meta property="og:title" content="{title_t}">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<meta property="og:image" content="{b}/local/templates/{tpl}/images/og-logo.png">
<link href="{b}/bitrix/cache/css/s1/{tpl}/page_{hc}/page_{hc}.css?{ts}" type="text/css" rel="stylesheet" />
<link href="{b}/bitrix/cache/css/s1/{tpl}/template_{ht}/template_{ht}_v1.css?{ts}" type="text/css" data-template-style="true" rel="stylesheet" />
<script type="text/javascript">if(!window.BX)window.BX={{message:function(mess){{if(typeof mess=='object'){{for(let i in mess) {{BX.message[i]=mess[i];}} return true;}}}}}};</script>
<script type="text/javascript">{bx1}</script>
<script type="text/javascript">{bx2}</script>
<script type="text/javascript">{bx3}</script>
<script type="text/javascript">{bx4}</script>
<script type="text/javascript">(window.BX||top.BX).message({{'LANGUAGE_ID':'{lang}','FORMAT_DATE':'DD.MM.YYYY','AMPM_MODE':false,'WEEK_START':'1','phpMaxFileUploads':'20','phpPostMaxSize':'67108864','bxQuota':false}});</script>
<script type="text/javascript">BX.setJSList({jslist});</script>
<script type="text/javascript">BX.setCSSList({csslist});</script>
<script type="text/javascript">(window.BX||top.BX).message({{'SESSION_EXPIRED':'Ваш сеанс истек.','BXD_FRAME_CACHE':'Y'}});</script>
<script type="text/javascript" src="{b}/bitrix/cache/js/s1/{tpl}/kernel_main/kernel_main_v1.js?{ts}"></script>
<script type="text/javascript" src="{b}/bitrix/cache/js/s1/{tpl}/template_{ht}/template_{ht}_v1.js?{ts}"></script>
<script type="text/javascript">var _ba = _ba || []; _ba.push(["aid", "{aid}"]); _ba.push(["host", "{dom}"]); (function() {{var ba = document.createElement("script"); ba.type = "text/javascript"; ba.async = true;ba.src = (document.location.protocol == "https:" ? "https://" : "http://") + "bitrix.info/ba.js";var s = document.getElementsByTagName("script")[0];s.parentNode.insertBefore(ba, s);}})();</script>
</head>
<body class="page page--news-detail">
<div id="panel"></div>
<div class="visually-impaired-bar"><a href="?special_version=Y" class="vi-link"><i class="icon-eye"></i> {impaired}</a></div>
<header class="header">
  <div class="header__top"><div class="container">
    <div class="header__contacts"><a href="tel:{phone_t}">{phone}</a> <a href="mailto:{email}">{email}</a></div>
    <div class="lang-switch">{switch}</div>
    <div class="header__search" id="title-search"><form action="/search/index.php"><input id="title-search-input" type="text" name="q" value="" size="40" maxlength="50" autocomplete="off" placeholder="{search}" /><input name="s" type="submit" value="" /></form></div>
  </div></div>
  <div class="header__main"><div class="container">
    <a class="header__logo" href="/"><img src="/local/templates/{tpl}/images/logo.svg" alt="{site}"><span class="header__name">{site}</span></a>
  </div></div>
  <nav class="top-menu"><div class="container"><ul class="top-menu__list">
{menu}
  </ul></div></nav>
  <div class="mobile-menu" id="mobile-menu" aria-hidden="true"><button class="mobile-menu__close" type="button">&times;</button>
{mobile}
  </div>
</header>
<div class="container">
  <div class="breadcrumbs" itemscope itemtype="http://schema.org/BreadcrumbList"><div class="bx-breadcrumb-item" id="bx_breadcrumb_0" itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem"><a href="/" title="{home}" itemprop="item"><span itemprop="name">{home}</span></a><meta itemprop="position" content="1" /></div><i class="fa fa-angle-right"></i><div class="bx-breadcrumb-item" id="bx_breadcrumb_1" itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem"><a href="/press-center/" title="{press}" itemprop="item"><span itemprop="name">{press}</span></a><meta itemprop="position" content="2" /></div><i class="fa fa-angle-right"></i><div class="bx-breadcrumb-item" id="bx_breadcrumb_2" itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem"><a href="/press-center/news/" title="{news}" itemprop="item"><span itemprop="name">{news}</span></a><meta itemprop="position" content="3" /></div></div>
  <div class="row">
    <div class="col-lg-9 content">
      <h1 class="page-title">{title_h}</h1>
      <div id="bx_{bxid}">
{detail}
      </div>
    </div>
    <aside class="col-lg-3 sidebar">
      <div id="bxdynamic_side_start" style="display:none"></div>{side}<div id="bxdynamic_side_end" style="display:none"></div>
      <div class="voting-form-box"><div class="voting-title">{poll_h}</div>{poll}</div>
      <div class="subscribe-box"><form action="/personal/subscribe/"><label>{subscribe}</label><input type="email" name="sf_EMAIL" placeholder="e-mail"><button type="submit">OK</button></form></div>
    </aside>
  </div>
  <div class="banner-slider">{portals}</div>
</div>
<footer class="footer"><div class="container"><div class="row">{footer_cols}</div>
  <div class="footer__bottom"><div class="footer__address">{address}<br>{hours_h}: {hours}<br>{phone}, <a href="mailto:{email}">{email}</a></div>
  <div class="footer__copy">&copy; {site}, 2014&ndash;2021. {copy}.</div>
  <div class="footer__dev">Разработка сайта &mdash; <a href="https://web-studio.example/">Веб-студия</a></div></div>
</div></footer>
<div class="cookie-notice" id="cookie-notice" style="display:none"><p>{cookies}</p><button type="button" onclick="BX.setCookie('cookie_ok','Y',{{expires:31536000,path:'/'}});this.parentNode.remove();">{cookies_ok}</button></div>
{metrika}
<script type="text/javascript">BX.ready(function(){{BX.frameCache.vars={composite};}});</script>
<script type="text/javascript">if(window.BX)BX.ready(function(){{if(!BX.getCookie('cookie_ok'))BX('cookie-notice').style.display='block';}});</script>
</body>
</html>
""".format(
        hl=page["html_lang"], meta=meta_charset(page, "xhtml"), title_t=esc(title), kw=esc(", ".join(page["tags"])),
        desc=esc(page["description"]), url=esc(page["url"]), b=b, tpl=tpl, hc=h(page["case"] + "c", 32),
        ht=h(tpl, 32), ts=hint(page["case"], 1600000000, 1629999999),
        bx1=bxmsg(core), bx2=bxmsg(cfg), bx3=bxmsg(months), bx4=bxmsg(days), lang=lang,
        jslist=json.dumps(js_list).replace('"', "'"), csslist=json.dumps(css_list).replace('"', "'"),
        aid=h(s["domain"], 32), dom=s["domain"], impaired=u["impaired"], phone=s["phone"],
        phone_t=s["phone"].replace(" ", "").replace("(", "").replace(")", "").replace("-", ""), email=s["email"],
        switch=switch, search=u["search"], site=esc(site_name(page)), menu="\n".join(menu_html), home=u["home"],
        press={"ru": "Пресс-центр", "be": "Прэс-цэнтр"}.get(lang, "Press"), news=u["news"], title_h=inline(title, ents),
        bxid=h(page["case"], 10), detail=detail, side=side, poll_h=u["poll"], poll=poll(page, "vote-form"),
        subscribe=u["subscribe"], portals=portals, footer_cols=footer_cols, address=esc(s["address"][lang]),
        hours_h=u["hours"], hours=esc(s["hours"][lang]), copy=u["copy"], cookies=u["cookies"], cookies_ok=u["cookies_ok"],
        metrika=metrika(hint(s["domain"], 20000000, 89999999)), composite=composite,
        mobile="\n".join('<div class="mobile-menu__section"><a class="mobile-menu__parent" href="/%s/">%s</a><ul>%s</ul></div>' % (
            slug(sec), esc(sec), "".join('<li><a href="/%s/%s/">%s</a></li>' % (slug(sec), slug(i), esc(i)) for i in items))
            for sec, items in C_menu(page)))


# ================================================================= WordPress


def _wp_global_styles():
    colors = [("black", "#000000"), ("cyan-bluish-gray", "#abb8c3"), ("white", "#ffffff"), ("pale-pink", "#f78da7"),
              ("vivid-red", "#cf2e2e"), ("luminous-vivid-orange", "#ff6900"), ("luminous-vivid-amber", "#fcb900"),
              ("light-green-cyan", "#7bdcb5"), ("vivid-green-cyan", "#00d084"), ("pale-cyan-blue", "#8ed1fc"),
              ("vivid-cyan-blue", "#0693e3"), ("vivid-purple", "#9b51e0"), ("primary", "#0057b8"),
              ("secondary", "#ffd700"), ("foreground", "#1d2327"), ("background", "#f6f7f7"), ("tertiary", "#e6eef8")]
    grads = [("vivid-cyan-blue-to-vivid-purple", "linear-gradient(135deg,rgba(6,147,227,1) 0%,rgb(155,81,224) 100%)"),
             ("light-green-cyan-to-vivid-green-cyan", "linear-gradient(135deg,rgb(122,220,180) 0%,rgb(0,208,130) 100%)"),
             ("luminous-vivid-amber-to-luminous-vivid-orange", "linear-gradient(135deg,rgba(252,185,0,1) 0%,rgba(255,105,0,1) 100%)"),
             ("luminous-vivid-orange-to-vivid-red", "linear-gradient(135deg,rgba(255,105,0,1) 0%,rgb(207,46,46) 100%)"),
             ("very-light-gray-to-cyan-bluish-gray", "linear-gradient(135deg,rgb(238,238,238) 0%,rgb(169,184,195) 100%)"),
             ("cool-to-warm-spectrum", "linear-gradient(135deg,rgb(74,234,220) 0%,rgb(151,120,209) 20%,rgb(207,42,186) 40%,rgb(238,44,130) 60%,rgb(251,105,98) 80%,rgb(254,248,76) 100%)"),
             ("blush-light-purple", "linear-gradient(135deg,rgb(255,206,236) 0%,rgb(152,150,240) 100%)"),
             ("blush-bordeaux", "linear-gradient(135deg,rgb(254,205,165) 0%,rgb(254,45,45) 50%,rgb(107,0,62) 100%)"),
             ("luminous-dusk", "linear-gradient(135deg,rgb(255,203,112) 0%,rgb(199,81,192) 50%,rgb(65,88,208) 100%)"),
             ("pale-ocean", "linear-gradient(135deg,rgb(255,245,203) 0%,rgb(182,227,212) 50%,rgb(51,167,181) 100%)"),
             ("electric-grass", "linear-gradient(135deg,rgb(202,248,128) 0%,rgb(113,206,126) 100%)"),
             ("midnight", "linear-gradient(135deg,rgb(2,3,129) 0%,rgb(40,116,252) 100%)")]
    sizes = [("small", "13px"), ("medium", "20px"), ("large", "36px"), ("x-large", "42px"), ("xx-large", "clamp(2.5rem, 4vw, 3.2rem)")]
    spacing = [("20", "0.44rem"), ("30", "0.67rem"), ("40", "1rem"), ("50", "1.5rem"), ("60", "2.25rem"), ("70", "3.38rem"), ("80", "5.06rem")]
    v = ["body{"]
    v += ["--wp--preset--color--%s: %s;" % c for c in colors]
    v += ["--wp--preset--gradient--%s: %s;" % g for g in grads]
    v += ["--wp--preset--font-size--%s: %s;" % f for f in sizes]
    v += ["--wp--preset--spacing--%s: %s;" % sp for sp in spacing]
    v += ["--wp--preset--shadow--natural: 6px 6px 9px rgba(0, 0, 0, 0.2);", "--wp--preset--shadow--deep: 12px 12px 50px rgba(0, 0, 0, 0.4);",
          "--wp--preset--shadow--sharp: 6px 6px 0px rgba(0, 0, 0, 0.2);", "--wp--preset--shadow--outlined: 6px 6px 0px -3px rgba(255, 255, 255, 1), 6px 6px rgba(0, 0, 0, 1);",
          "--wp--preset--shadow--crisp: 6px 6px 0px rgba(0, 0, 0, 1);}"]
    rules = []
    for name, _ in colors:
        rules.append(".has-%s-color{color: var(--wp--preset--color--%s) !important;}" % (name, name))
        rules.append(".has-%s-background-color{background-color: var(--wp--preset--color--%s) !important;}" % (name, name))
        rules.append(".has-%s-border-color{border-color: var(--wp--preset--color--%s) !important;}" % (name, name))
    for name, _ in grads:
        rules.append(".has-%s-gradient-background{background: var(--wp--preset--gradient--%s) !important;}" % (name, name))
    for name, _ in sizes:
        rules.append(".has-%s-font-size{font-size: var(--wp--preset--font-size--%s) !important;}" % (name, name))
    rules += [".wp-block-navigation a:where(:not(.wp-element-button)){color: inherit;}",
              ":where(.wp-block-post-template.is-layout-flex){gap: 1.25em;}:where(.wp-block-post-template.is-layout-grid){gap: 1.25em;}",
              ":where(.wp-block-columns.is-layout-flex){gap: 2em;}:where(.wp-block-columns.is-layout-grid){gap: 2em;}",
              ":where(.wp-block-pullquote){font-size: 1.5em;line-height: 1.6;}"]
    return "\n".join(v) + "\n" + "\n".join(rules)


def wordpress(page):
    lang, u, s, b = page["lang"], U(page), page["site"], base(page)
    title = page["title"]
    pid = hint(page["case"], 1200, 28000)
    menu_html = []
    for i, (sec, items) in enumerate(C_menu(page)):
        mid = hint(sec, 100, 999)
        menu_html.append('<li id="menu-item-%d" class="menu-item menu-item-type-custom menu-item-object-custom menu-item-has-children menu-item-%d">'
                         '<a href="%s/%s/">%s</a>\n<ul class="sub-menu">' % (mid, mid, b, slug(sec), esc(sec)))
        for it in items:
            iid = hint(sec + it, 1000, 9999)
            menu_html.append('\t<li id="menu-item-%d" class="menu-item menu-item-type-post_type menu-item-object-page menu-item-%d">'
                             '<a href="%s/%s/%s/">%s</a></li>' % (iid, iid, b, slug(sec), slug(it), esc(it)))
        menu_html.append("</ul>\n</li>")
    emoji = {"baseUrl": "https://s.w.org/images/core/emoji/14.0.0/72x72/", "ext": ".png",
             "svgUrl": "https://s.w.org/images/core/emoji/14.0.0/svg/", "svgExt": ".svg",
             "source": {"concatemoji": "%s/wp-includes/js/wp-emoji-release.min.js?ver=6.3.2" % b}}
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle" if page["kind"] == "article" else "CollectionPage", "@id": page["url"] + "#article",
         "headline": title, "datePublished": (page["published"] or "2021-01-01") + "T09:00:00+02:00",
         "inLanguage": "uk", "publisher": {"@id": b + "/#organization"}, "isPartOf": {"@id": page["url"]}},
        {"@type": "WebPage", "@id": page["url"], "url": page["url"], "name": title + " – " + site_name(page),
         "isPartOf": {"@id": b + "/#website"}, "breadcrumb": {"@id": page["url"] + "#breadcrumb"}, "inLanguage": "uk"},
        {"@type": "BreadcrumbList", "@id": page["url"] + "#breadcrumb", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": u["home"], "item": b + "/"},
            {"@type": "ListItem", "position": 2, "name": u["news"], "item": b + "/news/"},
            {"@type": "ListItem", "position": 3, "name": title}]},
        {"@type": "WebSite", "@id": b + "/#website", "url": b + "/", "name": site_name(page), "inLanguage": "uk"},
        {"@type": "Organization", "@id": b + "/#organization", "name": site_name(page), "url": b + "/",
         "logo": {"@type": "ImageObject", "url": b + "/wp-content/uploads/2021/02/logo.svg"},
         "sameAs": ["https://www.facebook.com/dsdr.gov.ua", "https://t.me/dsdr_gov_ua"]}]}
    if page["kind"] == "list":
        main = ('<header class="page-header"><h1 class="page-title">%s</h1></header>\n%s\n'
                '<nav class="navigation pagination" aria-label="Записи"><div class="nav-links"><span aria-current="page" class="page-numbers current">1</span>'
                '<a class="page-numbers" href="%s/news/page/2/">2</a><a class="page-numbers" href="%s/news/page/3/">3</a>'
                '<span class="page-numbers dots">&hellip;</span><a class="page-numbers" href="%s/news/page/31/">31</a>'
                '<a class="next page-numbers" href="%s/news/page/2/">Наступна &rarr;</a></div></nav>'
                % (esc(title), body_or_list(page, "wordpress"), b, b, b, b))
    else:
        prev_t, next_t = neighbours(page)
        cats = "".join('<a href="%s/tag/%s/" rel="tag">%s</a>' % (b, slug(t), esc(t)) for t in page["tags"])
        main = ('<article id="post-%d" class="post-%d post type-post status-publish format-standard has-post-thumbnail hentry category-news">\n'
                '<header class="entry-header"><h1 class="entry-title">%s</h1>\n<div class="entry-meta"><span class="posted-on">'
                '<time class="entry-date published" datetime="%sT09:%02d:00+02:00">%s</time></span></div></header>\n'
                '<div class="entry-content">\n%s\n</div>\n<footer class="entry-footer"><span class="tags-links">%s: %s</span></footer>\n'
                '<div class="share-buttons"><span>%s:</span> <a class="share-fb" href="https://www.facebook.com/sharer/sharer.php?u=%s">Facebook</a> '
                '<a class="share-tg" href="https://t.me/share/url?url=%s">Telegram</a> <a class="share-tw" href="https://twitter.com/intent/tweet?url=%s">X</a> '
                '<a class="share-viber" href="viber://forward?text=%s">Viber</a></div>\n</article>\n'
                '<nav class="navigation post-navigation" aria-label="Записи"><h2 class="screen-reader-text">Навігація записів</h2>'
                '<div class="nav-links"><div class="nav-previous"><a href="%s" rel="prev"><span class="meta-nav">%s</span> %s</a></div>'
                '<div class="nav-next"><a href="%s" rel="next"><span class="meta-nav">%s</span> %s</a></div></div></nav>\n'
                '<div id="comments" class="comments-area"><p class="no-comments">Коментування вимкнено.</p></div>'
                % (pid, pid, esc(title), page["published"], hint(page["case"], 0, 59),
                   fmt_date(page["published"], lang, "long"), render_blocks(page, "wordpress"), u["tags"], cats, u["share"],
                   esc(page["url"]), esc(page["url"]), esc(page["url"]), esc(page["url"]), esc(prev_t[1]), u["prev"],
                   esc(prev_t[0]), esc(next_t[1]), u["next"], esc(next_t[0])))
    recent = latest_block(page, 7, lambda t, url, d: '<li><a href="%s">%s</a><span class="post-date">%s</span></li>' % (
        esc(url), esc(t), fmt_date(d, lang, "long")), lambda x: '<ul>%s</ul>' % x)
    icons = "".join('<symbol id="icon-%s" viewBox="0 0 24 24"><path d="%s"/></symbol>' % (n, svg_path(n, 24))
                    for n in ["facebook", "telegram", "youtube", "x", "viber", "search", "menu", "close", "arrow", "phone", "mail", "eye"])
    return """<!doctype html>
<html lang="{hl}">
<head>
\t{meta}
\t<meta name="viewport" content="width=device-width, initial-scale=1">
\t<link rel="profile" href="https://gmpg.org/xfn/11">
\t<title>{title_t} &#8211; {site}</title>
<meta name='robots' content='index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1' />
\t<meta name="description" content="{desc}" />
\t<link rel="canonical" href="{url}" />
\t<meta property="og:locale" content="uk_UA" />
\t<meta property="og:type" content="article" />
\t<meta property="og:title" content="{title_t}" />
\t<meta property="og:url" content="{url}" />
\t<meta property="og:site_name" content="{site}" />
\t<script type="application/ld+json" class="yoast-schema-graph">{graph}</script>
<link rel="alternate" type="application/rss+xml" title="{site} &raquo; Стрічка" href="{b}/feed/" />
<script>
window._wpemojiSettings = {emoji};
/*! This file is auto-generated */
!function(i,n){{var o,s,e;function c(e){{try{{var t={{supportTests:e,timestamp:(new Date).valueOf()}};sessionStorage.setItem(o,JSON.stringify(t))}}catch(e){{}}}}function p(e,t,n){{e.clearRect(0,0,e.canvas.width,e.canvas.height),e.fillText(t,0,0);var t=new Uint32Array(e.getImageData(0,0,e.canvas.width,e.canvas.height).data),r=(e.clearRect(0,0,e.canvas.width,e.canvas.height),e.fillText(n,0,0),new Uint32Array(e.getImageData(0,0,e.canvas.width,e.canvas.height).data));return t.every(function(e,t){{return e===r[t]}})}}}}(window,document);
</script>
<style id='wp-block-library-inline-css'>
:root{{--wp-admin-theme-color:#007cba;--wp-admin-theme-color--rgb:0,124,186;--wp-admin-theme-color-darker-10:#006ba1;--wp-admin-theme-color-darker-20:#005a87;--wp-admin-border-width-focus:2px;--wp-block-synced-color:#7a00df;}}
.wp-element-button{{cursor:pointer;}}.wp-block-quote{{border-left:.25em solid;margin:0 0 1.75em;padding-left:1em}}.wp-block-image figcaption{{color:#555;font-size:13px;text-align:center}}
</style>
<style id='global-styles-inline-css'>
{gstyles}
</style>
<link rel='stylesheet' id='dsdr-theme-css' href='{b}/wp-content/themes/dsdr/style.css?ver=2.4.1' media='all' />
<link rel='stylesheet' id='cookie-notice-front-css' href='{b}/wp-content/plugins/cookie-notice/css/front.min.css?ver=2.4.11' media='all' />
<script src='{b}/wp-includes/js/jquery/jquery.min.js?ver=3.7.0' id='jquery-core-js'></script>
<script src='{b}/wp-includes/js/jquery/jquery-migrate.min.js?ver=3.4.1' id='jquery-migrate-js'></script>
<script id='cookie-notice-front-js-before'>
var cnArgs = {{"ajaxUrl":"https:\\/\\/{dom}\\/wp-admin\\/admin-ajax.php","nonce":"{nonce}","hideEffect":"fade","position":"bottom","onScroll":false,"onScrollOffset":100,"onClick":false,"cookieName":"cookie_notice_accepted","cookieTime":2592000,"cookieTimeRejected":2592000,"globalCookie":false,"redirection":false,"cache":false,"revokeCookies":false,"revokeCookiesOpt":"automatic"}};
</script>
<link rel="https://api.w.org/" href="{b}/wp-json/" /><link rel="alternate" type="application/json" href="{b}/wp-json/wp/v2/posts/{pid}" />
<link rel='shortlink' href='{b}/?p={pid}' />
<!-- Google tag (gtag.js) --><script async src="https://www.googletagmanager.com/gtag/js?id=G-{gtag}"></script><script>window.dataLayer = window.dataLayer || [];function gtag(){{dataLayer.push(arguments);}}gtag('js', new Date());gtag('config', 'G-{gtag}');</script>
</head>
<body class="post-template-default single single-post postid-{pid} single-format-standard wp-embed-responsive">
<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{icons}</svg>
<div id="page" class="site">
\t<a class="skip-link screen-reader-text" href="#primary">{skip}</a>
\t<div class="top-bar"><div class="container"><a href="https://www.kmu.gov.ua/" class="gov-link">Урядовий портал</a> <a href="https://diia.gov.ua/" class="gov-link">Портал Дія</a>
\t<a class="a11y-toggle" href="#" data-a11y="toggle">{impaired}</a><span class="lang-switch"><a class="current-lang" href="{b}/" lang="uk">УКР</a> <a href="{b}/en/" lang="en">ENG</a></span></div></div>
\t<header id="masthead" class="site-header">
\t\t<div class="site-branding"><a href="{b}/" class="custom-logo-link" rel="home"><img width="64" height="64" src="{b}/wp-content/uploads/2021/02/tryzub.svg" class="custom-logo" alt="" decoding="async" /></a>
\t\t\t<p class="site-title"><a href="{b}/" rel="home">{site}</a></p></div>
\t\t<nav id="site-navigation" class="main-navigation"><button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Меню</button>
\t\t<div class="menu-main-container"><ul id="primary-menu" class="menu">
{menu}
</ul></div></nav>
\t\t<form role="search" method="get" class="search-form" action="{b}/"><label><span class="screen-reader-text">{search}</span><input type="search" class="search-field" placeholder="{search} &hellip;" value="" name="s" /></label><input type="submit" class="search-submit" value="Шукати" /></form>
\t</header>
\t<div class="breadcrumbs"><span><span><a href="{b}/">{home}</a></span> » <span><a href="{b}/news/">{news}</a></span> » <span class="breadcrumb_last" aria-current="page">{crumb_last}</span></span></div>
\t<div id="content" class="site-content">
\t<main id="primary" class="site-main">
{main}
\t</main>
<aside id="secondary" class="widget-area">
\t<section id="recent-posts-3" class="widget widget_recent_entries"><h2 class="widget-title">{latest_h}</h2>{recent}</section>
\t<section id="media_image-2" class="widget widget_media_image"><a href="https://diia.gov.ua/"><img width="300" height="150" src="{b}/wp-content/uploads/2021/03/diia-banner.png" class="image" alt="Державні послуги онлайн" decoding="async" /></a></section>
\t<section id="text-4" class="widget widget_text"><h2 class="widget-title">{useful}</h2><div class="textwidget"><ul><li><a href="https://www.rada.gov.ua/">Верховна Рада України</a></li><li><a href="https://www.kmu.gov.ua/">Кабінет Міністрів України</a></li><li><a href="https://thedigital.gov.ua/">Мінцифри</a></li><li><a href="https://osvita.diia.gov.ua/">Дія.Цифрова освіта</a></li><li><a href="https://cert.gov.ua/">CERT-UA</a></li></ul></div></section>
\t<section id="poll-2" class="widget widget_polls-widget"><h2 class="widget-title">{poll_h}</h2>{poll}</section>
</aside>
\t</div>
\t<footer id="colophon" class="site-footer">
\t\t<div class="footer-widgets">{footer_menu}</div>
\t\t<div class="site-info"><p>{address}</p><p>{hours_h}: {hours}. Гаряча лінія: {phone}. E-mail: <a href="mailto:{email}">{email}</a></p>
\t\t<p>Усі матеріали сайту доступні за ліцензією <a href="https://creativecommons.org/licenses/by/4.0/deed.uk">Creative Commons Attribution 4.0 International</a>, якщо не зазначено інше.</p>
\t\t<p>&copy; 2021 {site}</p></div>
\t</footer>
</div>
<div id="cookie-notice" role="dialog" class="cookie-notice-hidden cookie-revoke-hidden cn-position-bottom" aria-label="Cookie Notice"><div class="cookie-notice-container"><span id="cn-notice-text" class="cn-text-container">{cookies}</span><span id="cn-notice-buttons" class="cn-buttons-container"><a href="#" id="cn-accept-cookie" data-cookie-set="accept" class="cn-set-cookie cn-button" aria-label="{cookies_ok}">{cookies_ok}</a></span></div></div>
<script src='{b}/wp-content/themes/dsdr/js/navigation.js?ver=2.4.1' id='dsdr-navigation-js'></script>
<script src='{b}/wp-content/plugins/cookie-notice/js/front.min.js?ver=2.4.11' id='cookie-notice-front-js'></script>
</body>
</html>
""".format(
        hl={"uk": "uk"}.get(page["html_lang"], page["html_lang"]), meta=meta_charset(page, "html5"), title_t=esc(title),
        site=esc(site_name(page)), desc=esc(page["description"]), url=esc(page["url"]),
        graph=json.dumps(graph, ensure_ascii=False).replace("/", "\\/"), b=b, emoji=json.dumps(emoji).replace("/", "\\/"),
        gstyles=_wp_global_styles(), dom=s["domain"], nonce=h(page["case"] + "nonce", 10), pid=pid,
        gtag=h(s["domain"], 10).upper(), icons=icons, skip=u["skip"], impaired=u["impaired"], menu="\n".join(menu_html),
        search=u["search"], home=u["home"], news=u["news"], crumb_last=esc(title), main=main, latest_h=u["latest"],
        recent=recent, useful=u["useful"], poll_h=u["poll"], poll=poll(page, "wp-polls"),
        footer_menu="".join('<section class="footer-col"><h3>%s</h3><ul>%s</ul></section>' % (
            esc(sec), "".join('<li><a href="%s/%s/%s/">%s</a></li>' % (b, slug(sec), slug(i), esc(i)) for i in items))
            for sec, items in C_menu(page)),
        address=esc(s["address"][lang]), hours_h=u["hours"], hours=esc(s["hours"][lang]), phone=s["phone"],
        email=s["email"], cookies=u["cookies"], cookies_ok=u["cookies_ok"])


# ================================================================= hand-made table layout


def table(page):
    lang, u, s, b = page["lang"], U(page), page["site"], base(page)
    title = page["title"]
    left = "\n".join('<tr><td width="12"><img src="/img/arrow.gif" width="9" height="9" border="0" alt=""></td>'
                     '<td class="menu" height="22"><a href="/%s.php" class="menu" onMouseOver="MM_showHideLayers(\'Layer%d\',\'\',\'show\')" '
                     'onMouseOut="MM_showHideLayers(\'Layer%d\',\'\',\'hide\')"><font face="Tahoma" size="2" color="#FFFFFF">%s</font></a></td></tr>'
                     '<tr><td colspan="2" bgcolor="#7A9CC6"><img src="/img/spacer.gif" width="1" height="1" alt=""></td></tr>'
                     % (slug(item), i + 1, i + 1, esc(item)) for i, (item, _) in enumerate(C_menu(page)))
    news = related_titles(page, 10)
    news_col = "\n".join('<tr><td><font face="Tahoma" size="1" color="#996600">%s</font><br><a href="%s"><font face="Tahoma" size="2">%s</font></a>'
                         '</td></tr><tr><td><img src="/img/spacer.gif" width="1" height="6" alt=""></td></tr>'
                         % (fmt_date(d, lang), esc(url), esc(t)) for t, url, d in news)
    links = {"ru": [("www.gov.by", "Портал Правительства"), ("www.pravo.by", "Национальный правовой портал"),
                    ("www.mpt.gov.by", "Министерство связи"), ("www.belpost.by", "РУП «Белпочта»"),
                    ("www.beltelecom.by", "РУП «Белтелеком»"), ("portal.gov.by", "Портал электронных услуг")],
             "be": [("www.gov.by", "Партал Урада"), ("www.pravo.by", "Нацыянальны прававы партал"),
                    ("www.mpt.gov.by", "Міністэрства сувязі"), ("www.belpost.by", "РУП «Белпошта»"),
                    ("www.beltelecom.by", "РУП «Белтэлекам»"), ("portal.gov.by", "Партал электронных паслуг")],
             "uk": [("www.kmu.gov.ua", "Урядовий портал"), ("www.rada.gov.ua", "Верховна Рада України"),
                    ("thedigital.gov.ua", "Мінцифри"), ("nkek.gov.ua", "НКЕК"), ("www.ukrposhta.ua", "Укрпошта"),
                    ("diia.gov.ua", "Портал Дія")]}.get(lang)
    if s["domain"].endswith(".ru"):
        links = [("www.gosuslugi.ru", "Портал госуслуг"), ("rkn.gov.ru", "Роскомнадзор"), ("digital.gov.ru", "Минцифры России"),
                 ("www.rfc.gov.ru", "Радиочастотная служба"), ("www.pochta.ru", "Почта России"), ("www.kremlin.ru", "Президент России")]
    links_html = "<br>".join('<a href="http://%s/" target="_blank"><font face="Tahoma" size="1">%s</font></a>' % (d, esc(n))
                             for d, n in links)
    if page["kind"] == "list":
        content = ('<table width="100%%" border="0" cellpadding="4" cellspacing="0">%s</table>'
                   '<p align="center"><font size="2">Страницы: <b>1</b> <a href="?p=2">2</a> <a href="?p=3">3</a> '
                   '<a href="?p=4">4</a> ... <a href="?p=22">22</a></font></p>' % body_or_list(page, "table"))
        date_line = ""
    else:
        prev_t, next_t = neighbours(page)
        content = render_blocks(page, "table") + (
            '<p><font face="Tahoma" size="1"><a href="javascript:window.print()">%s</a></font></p>'
            '<table width="100%%"><tr><td align="left"><font size="1"><a href="%s">&lt;&lt; %s</a></font></td>'
            '<td align="right"><font size="1"><a href="%s">%s &gt;&gt;</a></font></td></tr></table>'
            % (u["print"], esc(prev_t[1]), esc(prev_t[0]), esc(next_t[1]), esc(next_t[0])))
        date_line = '<font face="Tahoma" size="1" color="#996600">%s</font><br>' % fmt_date(page["published"], lang)
    counters = (
        '<!--LiveInternet counter--><script type="text/javascript"><!--\ndocument.write("<a href=\'//www.liveinternet.ru/click\' "+\n'
        '"target=_blank><img src=\'//counter.yadro.ru/hit?t14.6;r"+\nescape(document.referrer)+((typeof(screen)=="undefined")?"":\n'
        '";s"+screen.width+"*"+screen.height+"*"+(screen.colorDepth?\nscreen.colorDepth:screen.pixelDepth))+";u"+escape(document.URL)+\n'
        '";"+Math.random()+\n"\' alt=\'\' title=\'LiveInternet: показано число просмотров за 24 часа, посетителей за 24 часа и за сегодня\' "+\n'
        '"border=\'0\' width=\'88\' height=\'31\'><\\/a>")\n//--></script><!--/LiveInternet-->\n'
        '<!-- Rating@Mail.ru counter --><script type="text/javascript">var _tmr = window._tmr || (window._tmr = []);'
        '_tmr.push({id: "%d", type: "pageView", start: (new Date()).getTime()});</script>'
        '<noscript><div><img src="https://top-fwz1.mail.ru/counter?id=%d;js=na" style="border:0;position:absolute;left:-9999px;" alt="Top.Mail.Ru" /></div></noscript>\n'
        '<!-- begin of Top100 code --><script id="top100Counter" type="text/javascript" src="http://counter.rambler.ru/top100.jcn?%d"></script>'
        '<noscript><a href="http://top100.rambler.ru/navi/%d/"><img src="http://counter.rambler.ru/top100.cnt?%d" alt="Rambler\'s Top100" border="0" /></a></noscript><!-- end of Top100 code -->'
        % ((hint(s["domain"], 1000000, 3999999),) * 5))
    menu_js = "\n".join("  MM_preloadImages('/img/menu/m%02d_on.gif');" % i for i in range(1, 31))
    # DHTML drop-down layers (hidden <div>s positioned by script), typical of 2000s sites.
    sub = C.MENU_UA if lang == "uk" else C.MENU_MINISTRY.get(lang, C.MENU_MINISTRY["ru"])
    layers = "\n".join(
        '<DIV ID="Layer%d" STYLE="position:absolute; left:190px; top:%dpx; width:260px; z-index:%d; visibility:hidden" '
        'onMouseOver="MM_showHideLayers(\'Layer%d\',\'\',\'show\')" onMouseOut="MM_showHideLayers(\'Layer%d\',\'\',\'hide\')">'
        '<TABLE WIDTH="260" BORDER="0" CELLPADDING="3" CELLSPACING="1" BGCOLOR="#7A9CC6">%s</TABLE></DIV>'
        % (i + 1, 140 + 24 * i, i + 10, i + 1, i + 1, "".join(
            '<TR><TD BGCOLOR="#E8EEF5" onMouseOver="this.bgColor=\'#C9D7E8\'" onMouseOut="this.bgColor=\'#E8EEF5\'">'
            '<A HREF="/%s/%s.php"><FONT FACE="Tahoma" SIZE="1" COLOR="#1F4E79">%s</FONT></A></TD></TR>' % (slug(sec), slug(it), esc(it))
            for it in items)) for i, (sec, items) in enumerate(sub))
    y, mo = (int(x) for x in (page["published"] or "2010-09-01").split("-")[:2])
    wd = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"] if lang == "ru" else (
        ["Пн", "Аў", "Ср", "Чц", "Пт", "Сб", "Нд"] if lang == "be" else ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Нд"])
    import datetime
    first = datetime.date(y, mo, 1)
    cells = [""] * first.weekday() + [str(d) for d in range(1, 32) if _valid(y, mo, d)]
    cells += [""] * (-len(cells) % 7)
    cal_rows = "".join("<TR>" + "".join(
        '<TD ALIGN="center"><FONT FACE="Tahoma" SIZE="1">%s</FONT></TD>' % (
            '<A HREF="/news.php?d=%04d-%02d-%02d">%s</A>' % (y, mo, int(c), c) if c else "&nbsp;") for c in cells[r:r + 7])
        + "</TR>" for r in range(0, len(cells), 7))
    archive = "".join('<A HREF="/news.php?m=%04d-%02d"><FONT FACE="Tahoma" SIZE="1">%s %d</FONT></A><BR>' % (
        yy, mm + 1, C.MONTHS[lang][mm], yy) for yy in (y, y - 1) for mm in range(11, -1, -1) if (yy, mm + 1) <= (y, mo))
    calendar = ('<TABLE WIDTH="180" BORDER="0" CELLPADDING="1" CELLSPACING="1" ALIGN="center" BGCOLOR="#FFFFFF">'
                '<TR><TD COLSPAN="7" ALIGN="center" BGCOLOR="#C9D7E8"><FONT FACE="Tahoma" SIZE="1"><B>%s %d</B></FONT></TD></TR>'
                '<TR>%s</TR>%s</TABLE><BR><TABLE WIDTH="180" BORDER="0" CELLPADDING="4" ALIGN="center"><TR><TD>%s</TD></TR></TABLE>'
                % (C.MONTHS[lang][mo - 1], y, "".join('<TD><FONT FACE="Tahoma" SIZE="1" COLOR="#996600">%s</FONT></TD>' % w for w in wd),
                   cal_rows, archive))
    head_bg = "#1F4E79" if lang != "uk" else "#0057B8"
    if page["declared"] is None:
        meta = ""
    else:
        meta = '<META http-equiv="Content-Type" content="text/html; charset=%s">' % page["declared"]
    return """<HTML>
<HEAD>
<TITLE>{site_t} - {title_t}</TITLE>
{meta_early}
<META NAME="keywords" CONTENT="{kw}">
<META NAME="description" CONTENT="{desc}">
<LINK REL="stylesheet" TYPE="text/css" HREF="/css/main.css">
<SCRIPT LANGUAGE="JavaScript">
<!--
function MM_swapImgRestore() {{ //v3.0
  var i,x,a=document.MM_sr; for(i=0;a&&i<a.length&&(x=a[i])&&x.oSrc;i++) x.src=x.oSrc;
}}
function MM_preloadImages() {{ //v3.0
  var d=document; if(d.images){{ if(!d.MM_p) d.MM_p=new Array();
    var i,j=d.MM_p.length,a=MM_preloadImages.arguments; for(i=0; i<a.length; i++)
    if (a[i].indexOf("#")!=0){{ d.MM_p[j]=new Image; d.MM_p[j++].src=a[i];}}}}
}}
function MM_findObj(n, d) {{ //v4.01
  var p,i,x;  if(!d) d=document; if((p=n.indexOf("?"))>0&&parent.frames.length) {{
    d=parent.frames[n.substring(p+1)].document; n=n.substring(0,p);}}
  if(!(x=d[n])&&d.all) x=d.all[n]; for (i=0;!x&&i<d.forms.length;i++) x=d.forms[i][n];
  for(i=0;!x&&d.layers&&i<d.layers.length;i++) x=MM_findObj(n,d.layers[i].document);
  if(!x && d.getElementById) x=d.getElementById(n); return x;
}}
function MM_swapImage() {{ //v3.0
  var i,j=0,x,a=MM_swapImage.arguments; document.MM_sr=new Array; for(i=0;i<(a.length-2);i+=3)
   if ((x=MM_findObj(a[i]))!=null){{document.MM_sr[j++]=x; if(!x.oSrc) x.oSrc=x.src; x.src=a[i+2];}}
}}
function MM_showHideLayers() {{ //v6.0
  var i,p,v,obj,args=MM_showHideLayers.arguments;
  for (i=0; i<(args.length-2); i+=3) if ((obj=MM_findObj(args[i]))!=null) {{ v=args[i+2];
    if (obj.style) {{ obj=obj.style; v=(v=='show')?'visible':(v=='hide')?'hidden':v; }}
    obj.visibility=v; }}
}}
function preload() {{
{menu_js}
}}
//-->
</SCRIPT>
{meta_late}
</HEAD>
<BODY BGCOLOR="#FFFFFF" LEFTMARGIN="0" TOPMARGIN="0" MARGINWIDTH="0" MARGINHEIGHT="0" onLoad="preload()">
{layers}
<TABLE WIDTH="100%" BORDER="0" CELLPADDING="0" CELLSPACING="0">
<TR><TD BGCOLOR="{head_bg}" HEIGHT="110">
  <TABLE WIDTH="100%" BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR>
  <TD WIDTH="120" ALIGN="center"><IMG SRC="/img/gerb.gif" WIDTH="80" HEIGHT="90" ALT="" BORDER="0"></TD>
  <TD><FONT FACE="Times New Roman" SIZE="5" COLOR="#FFFFFF"><B>{site_t}</B></FONT><BR>
  <FONT FACE="Tahoma" SIZE="1" COLOR="#CCDDEE">{address}</FONT></TD>
  <TD ALIGN="right" VALIGN="top"><FONT FACE="Tahoma" SIZE="1" COLOR="#FFFFFF"><A HREF="/?ver=low"><FONT COLOR="#FFFFFF">{impaired}</FONT></A>&nbsp;|&nbsp;<A HREF="/map.php"><FONT COLOR="#FFFFFF">{sitemap}</FONT></A>&nbsp;&nbsp;</FONT></TD>
  </TR></TABLE>
</TD></TR>
<TR><TD BGCOLOR="#C9D7E8" HEIGHT="24"><MARQUEE SCROLLAMOUNT="3"><FONT FACE="Tahoma" SIZE="2" COLOR="#1F4E79">{marquee}</FONT></MARQUEE></TD></TR>
</TABLE>
<TABLE WIDTH="100%" BORDER="0" CELLPADDING="0" CELLSPACING="0">
<TR>
<TD WIDTH="190" VALIGN="top" BGCOLOR="#4F7CAC">
  <TABLE WIDTH="190" BORDER="0" CELLPADDING="2" CELLSPACING="0">
{left}
  </TABLE>
  <BR>
  <TABLE WIDTH="180" BORDER="0" CELLPADDING="4" CELLSPACING="0" ALIGN="center" BGCOLOR="#FFFFFF"><TR><TD>
  <FORM ACTION="/search.php" METHOD="get"><FONT FACE="Tahoma" SIZE="1">{search}:</FONT><BR>
  <INPUT TYPE="text" NAME="q" SIZE="16"> <INPUT TYPE="submit" VALUE="&gt;&gt;"></FORM>
  </TD></TR></TABLE>
  <BR>
  <TABLE WIDTH="180" BORDER="0" CELLPADDING="4" CELLSPACING="0" ALIGN="center" BGCOLOR="#E8EEF5"><TR><TD>
  <FONT FACE="Tahoma" SIZE="2"><B>{useful}</B></FONT><BR>{links}
  </TD></TR></TABLE>
  <BR>{calendar}<BR><CENTER>{counters}</CENTER><BR>
</TD>
<TD WIDTH="1" BGCOLOR="#999999"><IMG SRC="/img/spacer.gif" WIDTH="1" HEIGHT="1" ALT=""></TD>
<TD VALIGN="top">
  <TABLE WIDTH="100%" BORDER="0" CELLPADDING="12" CELLSPACING="0"><TR><TD VALIGN="top">
  <FONT FACE="Tahoma" SIZE="1"><A HREF="/">{home}</A> &gt; <A HREF="/news.php">{news}</A></FONT><BR><BR>
  {date_line}<FONT FACE="Verdana" SIZE="4" COLOR="#003366"><B>{title_h}</B></FONT><BR><BR>
{content}
  </TD></TR></TABLE>
</TD>
<TD WIDTH="1" BGCOLOR="#999999"><IMG SRC="/img/spacer.gif" WIDTH="1" HEIGHT="1" ALT=""></TD>
<TD WIDTH="210" VALIGN="top" BGCOLOR="#F4F4F4">
  <TABLE WIDTH="100%" BORDER="0" CELLPADDING="6" CELLSPACING="0">
  <TR><TD BGCOLOR="#C9D7E8"><FONT FACE="Tahoma" SIZE="2" COLOR="#1F4E79"><B>{latest_h}</B></FONT></TD></TR>
{news_col}
  <TR><TD ALIGN="right"><A HREF="/news.php"><FONT FACE="Tahoma" SIZE="1">{all_news} &gt;&gt;</FONT></A></TD></TR>
  </TABLE>
</TD>
</TR>
</TABLE>
<TABLE WIDTH="100%" BORDER="0" CELLPADDING="8" CELLSPACING="0" BGCOLOR="{head_bg}">
<TR><TD ALIGN="center"><FONT FACE="Tahoma" SIZE="1" COLOR="#FFFFFF">{footer_links}<BR><BR>
{address}. {tel}: {phone}. E-mail: <A HREF="mailto:{email}"><FONT COLOR="#FFFFFF">{email}</FONT></A><BR>
{hours_h}: {hours}<BR>
&copy; 2003-{year} {site_t}. {copy}.<BR>
</FONT></TD></TR>
</TABLE>
</BODY>
</HTML>
""".format(
        site_t=esc(site_name(page)), title_t=esc(title), kw=esc(", ".join(page["tags"])),
        desc=esc(page["description"]), menu_js=menu_js, head_bg=head_bg, address=esc(s["address"][lang]),
        impaired=u["impaired"], sitemap=u["sitemap"], marquee=esc(news[0][0]) if news else "",
        left=left, search=u["search"], useful=u["useful"], links=links_html, counters=counters,
        home=u["home"], news=u["news"], date_line=date_line, title_h=esc(title), content=content,
        latest_h=u["latest"], news_col=news_col, all_news=u["all_news"],
        footer_links=" | ".join('<A HREF="/%s.php"><FONT COLOR="#FFFFFF">%s</FONT></A>' % (slug(i), esc(i)) for i, _ in C_menu(page)),
        tel={"ru": "Тел.", "be": "Тэл.", "uk": "Тел."}[lang], phone=s["phone"], email=s["email"],
        hours_h=u["hours"], hours=esc(s["hours"][lang]), copy=u["copy"], layers=layers, calendar=calendar, year=y,
        # late_meta: the declaration comes after the scripts, beyond the 1024-byte prescan window.
        meta_early="" if page["src"].get("late_meta") else meta, meta_late=meta if page["src"].get("late_meta") else "")


def _valid(y, m, d):
    import datetime
    try:
        datetime.date(y, m, d)
        return True
    except ValueError:
        return False


# ================================================================= SharePoint 2013


def sharepoint(page):
    lang, u, s, b = page["lang"], U(page), page["site"], base(page)
    title = page["title"]
    vs = base64.b64encode(hbytes(page["case"] + "viewstate", page["src"].get("viewstate_bytes", 21000))).decode()
    ev = base64.b64encode(hbytes(page["case"] + "ev", 600)).decode()
    ctx = {"webServerRelativeUrl": "/newsroom", "webAbsoluteUrl": b + "/newsroom", "siteAbsoluteUrl": b,
           "serverRequestPath": "/newsroom/Pages/" + page["url"].rsplit("/", 1)[-1], "layoutsUrl": "_layouts/15",
           "webTitle": "Newsroom", "webTemplate": "39", "tenantAppVersion": "0", "isAppWeb": False, "Has2019Era": True,
           "webLogoUrl": "_layouts/15/images/siteicon.png", "webLanguage": 1033, "currentLanguage": 1033,
           "currentUICultureName": "en-US", "currentCultureName": "en-GB", "clientServerTimeDelta": -hint(page["case"], 10, 900),
           "siteClientTag": "%d$$15.0.5285.1000" % hint(page["case"], 10, 99), "crossDomainPhotosEnabled": False,
           "webUIVersion": 15, "webPermMasks": {"High": 16, "Low": 196673}, "pageListId": "{%s-%s-%s-%s-%s}" % (
               h(s["domain"], 8), h(s["domain"] + "a", 4), h(s["domain"] + "b", 4), h(s["domain"] + "c", 4), h(s["domain"] + "d", 12)),
           "pageItemId": hint(page["case"], 100, 999), "pagePersonalizationScope": 1, "alertsEnabled": True,
           "siteServerRelativeUrl": "/", "allowSilverlightPrompt": "True"}
    sods = "\n".join('RegisterSod("%s", "\\u002f_layouts\\u002f15\\u002f%s?rev=%s");' % (n, n, h(n, 22))
                     for n in ["initstrings.js", "strings.js", "sp.res.resx", "sp.runtime.js", "sp.js", "sp.init.js",
                               "core.js", "menu.js", "callout.js", "clienttemplates.js", "sharing.js", "suitelinks.js",
                               "clientforms.js", "clientpeoplepicker.js", "autofill.js", "sp.ui.dialog.js", "sp.ribbon.js",
                               "cui.js", "inplview", "ribbon", "dragdrop.js", "quicklaunch.js", "socialdata.js",
                               "profilebrowserscriptres.resx", "sp.ui.mysitecommon.js", "followingcommon.js",
                               "sp.ui.rte.js", "sp.ui.rte.publishing.js", "reputation.js", "offline.js", "mquery.js",
                               "wpadder.js", "sp.datetimeutil.js", "datepicker.js", "sp.ui.pub.ribbon.js"])
    nav = []
    for sec, items in C_menu(page):
        nav.append('<li class="static dynamic-children"><a class="static dynamic-children menu-item ms-core-listMenu-item ms-displayInline ms-navedit-linkNode" href="/%s/Pages/default.aspx">'
                   '<span aria-haspopup="true" class="additional-background ms-navedit-flyoutArrow"><span class="menu-item-text">%s</span></span></a>'
                   '<ul class="dynamic">%s</ul></li>' % (slug(sec), esc(sec), "".join(
                       '<li class="dynamic"><a class="dynamic menu-item ms-core-listMenu-item ms-displayInline ms-navedit-linkNode" href="/%s/Pages/%s.aspx">'
                       '<span class="additional-background ms-navedit-flyoutArrow"><span class="menu-item-text">%s</span></span></a></li>'
                       % (slug(sec), slug(it), esc(it)) for it in items)))
    if page["kind"] == "list":
        body = '<div class="rtco-news-list">%s</div><div class="rtco-pager"><a href="?Page=2">Next page ›</a></div>' % body_or_list(page, "sharepoint")
        date_html = ""
    else:
        prev_t, next_t = neighbours(page)
        body = ('<div id="ctl00_PlaceHolderMain_ctl02__ControlWrapper_RichHtmlField" class="ms-rtestate-field" style="display:inline" aria-labelledby="ctl00_PlaceHolderMain_ctl02_label">'
                '%s</div>\n<div class="rtco-share"><span>%s</span> <a href="https://www.linkedin.com/shareArticle?url=%s" class="share-li">LinkedIn</a> '
                '<a href="https://twitter.com/intent/tweet?url=%s" class="share-x">X</a> <a href="https://www.facebook.com/sharer/sharer.php?u=%s" class="share-fb">Facebook</a> '
                '<a href="mailto:?subject=%s&amp;body=%s" class="share-mail">E-mail</a></div>\n'
                '<div class="rtco-prevnext"><a href="%s">‹ %s</a> | <a href="%s">%s ›</a></div>'
                % (render_blocks(page, "sharepoint"), u["share"], esc(page["url"]), esc(page["url"]), esc(page["url"]),
                   esc(title), esc(page["url"]), esc(prev_t[1]), esc(prev_t[0]), esc(next_t[1]), esc(next_t[0])))
        date_html = ('<div class="rtco-article-date"><span id="ctl00_PlaceHolderMain_ArticleDate">%s</span> <span class="rtco-sep">|</span> '
                     '<span class="rtco-location">%s</span></div>' % (fmt_date(page["published"], "en", "long"),
                                                                        esc(page["src"].get("location", "Geneva"))))
    related = latest_block(page, 6, lambda t, url, d: '<li><a href="%s">%s</a><br/><span class="ms-metadata">%s</span></li>' % (
        esc(url), esc(t), fmt_date(d, "en", "long")), lambda x: '<ul class="dfwp-list">%s</ul>' % x)
    return """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="{hl}" dir="ltr">
<head><meta http-equiv="X-UA-Compatible" content="IE=10" /><meta name="GENERATOR" content="Microsoft SharePoint" />{meta}<meta http-equiv="Expires" content="0" /><meta name="viewport" content="width=device-width, initial-scale=1.0" /><title>
\t{title_t}
</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1033/styles/Themable/corev15.css?rev=2a%2BKsXiBBbgsFOpdZ2Mgfg%3D%3DTAG0"/>
<link rel="stylesheet" type="text/css" href="/Style%20Library/rtco/css/rtco.main.css"/>
<script type="text/javascript" src="/_layouts/15/init.js?rev=ZQiLBCKHgGbtSzG8yQfP6g%3D%3DTAG0"></script>
<script type="text/javascript" src="/ScriptResource.axd?d={sr}&amp;t=ffffffffecf19baa"></script>
<script type="text/javascript" src="/_layouts/15/blank.js?rev=ZaOXZEobVwykPO9g8hq%2F8A%3D%3DTAG0"></script>
<script type="text/javascript">RegisterSod("initstrings.js", "\\u002f_layouts\\u002f15\\u002f1033\\u002finitstrings.js?rev=S11vfGURQYVuACMEY0tLTg\\u00253D\\u00253DTAG0");</script>
<script type="text/javascript">
{sods}
</script>
<link type="text/xml" rel="alternate" href="/newsroom/_vti_bin/spsdisco.aspx" />
<link rel="canonical" href="{url}" />
<meta name="description" content="{desc}" />
<!-- Global site tag (gtag.js) - Google Analytics --><script async src="https://www.googletagmanager.com/gtag/js?id=UA-{ga}-1"></script><script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}} gtag('js', new Date()); gtag('config', 'UA-{ga}-1');</script>
</head>
<body>
<div id="imgPrefetch" style="display:none"><img src="/_layouts/15/images/spcommon.png?rev=23" /><img src="/_layouts/15/images/siteicon.png" /></div>
<form method="post" action="./{aspx}" onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="_wpcmWpid" id="_wpcmWpid" value="" />
<input type="hidden" name="wpcmVal" id="wpcmVal" value="" />
<input type="hidden" name="MSOWebPartPage_PostbackSource" id="MSOWebPartPage_PostbackSource" value="" />
<input type="hidden" name="MSOTlPn_SelectedWpId" id="MSOTlPn_SelectedWpId" value="" />
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__REQUESTDIGEST" id="__REQUESTDIGEST" value="0x{digest},28 May 2021 09:14:22 -0000" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEP{vs}" />
</div>
<script type="text/javascript">
//<![CDATA[
var MSOWebPartPageFormName = 'aspnetForm';
var g_presenceEnabled = true;
var g_wsaEnabled = false;
var g_correlationId = '{corr}';
var g_wsaQoSEnabled = false;
var g_wsaQoSDataPoints = [];
var g_wsaRUMEnabled = false;
var g_wsaLCID = 1033;
var g_wsaListTemplateId = 850;
var g_wsaSiteTemplateId = 'BLANKINTERNET#2';
var _fV4UI=true;var _spPageContextInfo = {ctx};
var L_Menu_BaseUrl="/newsroom";
var L_Menu_LCID="1033";
var L_Menu_SiteTheme="null";
document.onreadystatechange=fnRemoveAllStatus; function fnRemoveAllStatus(){{removeAllStatus(true)}};
var _spWebPartComponents = new Object();//]]>
</script>
<div id="ms-designer-ribbon"><div id="s4-ribbonrow" style="display:none"><div id="globalNavBox"><div id="ribbonBox"><div id="s4-ribboncont"></div></div></div></div></div>
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="rtco-cookie" id="rtcoCookie"><p>{cookies} <a href="/Pages/privacy.aspx">Privacy notice</a></p><button type="button" onclick="rtco.acceptCookies()">{cookies_ok}</button></div>
<header class="rtco-header">
  <div class="rtco-topbar"><a href="#rtcoMain" class="rtco-skip">{skip}</a><ul class="rtco-lang"><li class="active"><a href="/Pages/default.aspx">English</a></li><li><a href="/fr/Pages/default.aspx">Français</a></li><li><a href="/ru/Pages/default.aspx">Русский</a></li></ul></div>
  <div class="rtco-brand"><a href="/Pages/default.aspx"><img src="/Style%20Library/rtco/img/logo.svg" alt="{site}" width="220" height="60"/></a><span class="rtco-sitename">{site}</span></div>
  <div class="ms-core-navigation" role="navigation"><div id="zz1_TopNavigationMenu" class="noindex ms-core-listMenu-horizontalBox"><ul id="zz2_RootAspMenu" class="root ms-core-listMenu-root static">
{nav}
  </ul></div></div>
  <div class="rtco-search"><input name="ctl00$PlaceHolderSearchArea$SmallSearchInputBox1$csr_sbox" type="text" maxlength="2048" title="{search}" id="ctl00_PlaceHolderSearchArea_SmallSearchInputBox1_csr_sbox" autocomplete="off" placeholder="{search}" /></div>
</header>
<div class="rtco-breadcrumb"><span id="ctl00_PlaceHolderTitleBreadcrumb_siteMapPath"><span><a href="/Pages/default.aspx">{home}</a></span><span> &gt; </span><span><a href="/newsroom/Pages/default.aspx">Newsroom</a></span><span> &gt; </span><span><a href="/newsroom/Pages/news.aspx">{news}</a></span></span></div>
<div id="rtcoMain" class="rtco-main">
<div class="rtco-col-main">
  <div class="article article-body">
    <h1 class="rtco-title"><span id="ctl00_PlaceHolderMain_TitleField">{title_h}</span></h1>
    {date_html}
    <div class="article-content">
{body}
    </div>
  </div>
</div>
<div class="rtco-col-side">
  <div class="ms-webpart-zone ms-fullWidth"><div id="MSOZoneCell_WebPartWPQ2" class="s4-wpcell-plain ms-webpartzone-cell ms-webpart-cell-vertical ms-fullWidth"><div class="ms-webpart-chrome ms-webpart-chrome-vertical ms-webpart-chrome-fullWidth">
  <div class="ms-webpart-chrome-title"><h2 class="ms-webpart-titleText"><span>{latest_h}</span></h2></div>
  <div webpartid="{wpid}" class="ms-WPBody noindex" id="WebPartWPQ2">{related}</div></div></div></div>
  <div class="rtco-newsletter"><h2>{subscribe}</h2><input type="email" placeholder="name@example.org"/><button type="button">Subscribe</button></div>
</div>
</div>
<footer class="rtco-footer">
  <div class="rtco-footer-cols">{footer}</div>
  <div class="rtco-footer-contact"><p>{address}</p><p>Tel. {phone} · <a href="mailto:{email}">{email}</a> · {hours}</p></div>
  <div class="rtco-footer-legal"><a href="/Pages/terms.aspx">Terms of use</a> · <a href="/Pages/privacy.aspx">Privacy notice</a> · <a href="/Pages/accessibility.aspx">Accessibility</a> · <a href="/Pages/fraud.aspx">Fraud alert</a><br/>© RTCO 2021. All rights reserved.</div>
</footer>
</div></div>
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="{vsg}" /><input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEd{ev}" /></div>
<script type="text/javascript">
//<![CDATA[
var _spFormDigestRefreshInterval = 1440000;var _fV4UI = true;
function _RegisterWebPartPageCUI(){{ var initInfo = {{editable: false,isEditMode: false,allowWebPartAdder: false,listId: "{{{lid}}}",itemId: {iid},recycleBinEnabled: true,enableMinorVersioning: true,enableModeration: false,forceCheckout: true,rootFolderUrl: "\\u002fnewsroom\\u002fPages",itemPermissions:{{High:16,Low:196673}}}}; SP.Ribbon.WebPartComponent.registerWithPageManager(initInfo); var wpcomp = SP.Ribbon.WebPartComponent.get_instance(); var hid; hid = document.getElementById("_wpSelected"); if (hid != null) {{ var wpid = hid.value; if (wpid.length > 0) {{ var zc = document.getElementById(wpid); if (zc != null) wpcomp.selectWebPart(zc, false); }} }} }}
ExecuteOrDelayUntilScriptLoaded(_RegisterWebPartPageCUI, "sp.ribbon.js");
WebForm_InitCallback();//]]>
</script>
</form>
</body>
</html>
""".format(
        hl=page["html_lang"], meta=meta_charset(page, "xhtml"), title_t=esc(title), sr=h(page["case"] + "sr", 86),
        sods=sods, url=esc(page["url"]), desc=esc(page["description"]), ga=hint(s["domain"], 10000000, 99999999),
        aspx=page["url"].rsplit("/", 1)[-1], digest=h(page["case"] + "dg", 128).upper(), vs=vs, corr=h(page["case"] + "corr", 8)
        + "-" + h(page["case"] + "c2", 4) + "-4000-" + h(page["case"] + "c3", 4) + "-" + h(page["case"] + "c4", 12),
        ctx=json.dumps(ctx), cookies=u["cookies"], cookies_ok=u["cookies_ok"], skip=u["skip"], site=esc(site_name(page)),
        nav="\n".join(nav), search=u["search"], home=u["home"], news=u["news"], title_h=esc(title), date_html=date_html,
        body=body, latest_h=u["latest"], wpid=h(page["case"] + "wp", 8), related=related, subscribe=u["subscribe"],
        footer="".join('<div class="rtco-footer-col"><h3>%s</h3><ul>%s</ul></div>' % (esc(sec), "".join(
            '<li><a href="/%s/Pages/%s.aspx">%s</a></li>' % (slug(sec), slug(i), esc(i)) for i in items)) for sec, items in C_menu(page)),
        address=esc(s["address"][lang]), phone=s["phone"], email=s["email"], hours=esc(s["hours"][lang]),
        vsg=h(page["case"] + "vsg", 8).upper(), ev=ev, lid=ctx["pageListId"].strip("{}"), iid=ctx["pageItemId"])


# ================================================================= Government Site Builder-like


def gsb(page):
    lang, u, s, b = page["lang"], U(page), page["site"], base(page)
    title = page["title"]
    nav = []
    for i, (sec, items) in enumerate(C_menu(page)):
        nav.append('<li class="navMain__item"><a href="%s/EN/%s/%s_node.html" class="navMain__link" aria-expanded="false">%s</a>'
                   '<div class="navMain__flyout"><ul class="navMain__sub">%s</ul><p class="navMain__overview"><a href="%s/EN/%s/%s_node.html">Overview: %s</a></p></div></li>'
                   % (b, slug(sec).title().replace("-", ""), slug(sec), esc(sec), "".join(
                       '<li><a href="%s/EN/%s/%s/%s_node.html">%s</a></li>' % (b, slug(sec).title().replace("-", ""),
                                                                          slug(it).title().replace("-", ""), slug(it), esc(it))
                       for it in items), b, slug(sec).title().replace("-", ""), slug(sec), esc(sec)))
    if page["kind"] == "list":
        body = ('<div class="searchresult">%s</div><div class="navIndex"><ul><li><strong>1</strong></li><li><a href="?gtp=%%2526a%%253D1_list%%253D2">2</a></li>'
                '<li><a href="?gtp=%%2526a%%253D1_list%%253D3">3</a></li><li class="forward"><a href="?gtp=%%2526a%%253D1_list%%253D2">next</a></li></ul></div>'
                % body_or_list(page, "gsb"))
        date_html = ""
    else:
        body = '<div class="text richtext">\n%s\n</div>' % render_blocks(page, "gsb")
        date_html = '<p class="date">Date %s</p>' % fmt_date(page["published"], "en", "long")
    related = latest_block(page, 5, lambda t, url, d: '<li><a href="%s"><span class="date">%s</span> %s</a></li>' % (
        esc(url), fmt_date(d, "en", "long"), esc(t)), lambda x: '<ul class="related">%s</ul>' % x)
    icons = "".join('<symbol id="i-%s" viewBox="0 0 32 32"><path d="%s"/></symbol>' % (n, svg_path(n + "gsb", 40))
                    for n in ["print", "mail", "facebook", "x", "linkedin", "mastodon", "rss", "search", "close", "chevron",
                              "easy-language", "sign-language", "arrow-up"])
    sharelist = "".join('<li class="%s"><a href="%s" target="_blank" rel="noopener noreferrer" title="Share on %s (opens in a new window)">'
                        '<svg aria-hidden="true"><use xlink:href="#i-%s"></use></svg><span class="aural">%s</span></a></li>'
                        % (n, href % esc(page["url"]), lab, n, lab) for n, lab, href in [
                            ("mastodon", "Mastodon", "https://share.example/mastodon?url=%s"),
                            ("linkedin", "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=%s"),
                            ("x", "X", "https://x.com/intent/post?url=%s"),
                            ("mail", "E-mail", "mailto:?body=%s")])
    return """<!DOCTYPE html>
<html lang="{hl}">
<head>
  <base href="{b}/"/>
  {meta}
  <title>{site} - {title_t}</title>
  <meta name="title" content="{title_t}"/>
  <meta name="generator" content="Government Site Builder"/>
  <meta name="description" content="{desc}"/>
  <meta name="viewport" content="width=device-width, initial-scale=1.0"/>
  <meta property="og:title" content="{title_t}"/>
  <meta property="og:site_name" content="{site}"/>
  <meta name="DC.date.issued" content="{date}"/>
  <link rel="canonical" href="{url}"/>
  <link rel="stylesheet" href="{b}/SiteGlobals/Frontend/Styles/color/color.css?v=7" type="text/css"/>
  <link rel="stylesheet" href="{b}/SiteGlobals/Frontend/Styles/normal.css?v=12" type="text/css"/>
  <!--[if lte IE 9]><link rel="stylesheet" href="{b}/SiteGlobals/Frontend/Styles/addon_iefix_9.css?v=2" type="text/css"/><![endif]-->
</head>
<body class="gsb startseite js-off lang-en" data-nn="{nn}">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" style="display:none">{icons}</svg>
<div id="wrapperOuter">
<div id="wrapperInner">
  <a id="Start"></a>
  <h2 class="aural">Navigation and service</h2>
  <p class="navSkip"><em>Go to:</em></p>
  <ul class="navSkip">
    <li><a href="{url}#content">Content</a></li>
    <li><a href="{url}#navPrimary">Main Menu</a></li>
    <li><a href="{url}#search">Search</a></li>
  </ul>
  <div id="wrapperDivisions">
  <div id="header">
    <div class="header__service"><ul class="navServiceMeta">
      <li><a href="{b}/EN/Service/Contact/contact_node.html">Contact</a></li>
      <li><a href="{b}/DE/Home/home_node.html" lang="de" title="Deutsch">Deutsch</a></li>
      <li class="easy"><a href="{b}/EN/EasyLanguage/easy_node.html"><svg aria-hidden="true"><use xlink:href="#i-easy-language"></use></svg>Easy language</a></li>
      <li class="sign"><a href="{b}/EN/SignLanguage/sign_node.html"><svg aria-hidden="true"><use xlink:href="#i-sign-language"></use></svg>Sign language</a></li>
    </ul></div>
    <p class="logo"><a href="{b}/EN/Home/home_node.html" title="To the homepage"><img src="{b}/SiteGlobals/Frontend/Images/logo.svg?__blob=normal&amp;v=3" alt="{site} (Link to the homepage)"/></a></p>
    <div id="search"><h2 class="aural">Search</h2><form name="searchService" action="{b}/SiteGlobals/Forms/Suche/EN/Servicesuche_Formular.html" method="get"><input type="hidden" name="nn" value="{nn}"/><label for="f{nn}d" class="aural">Search term</label><input id="f{nn}d" name="templateQueryString" value="" placeholder="Search term" type="text" maxlength="100"/><button type="submit" title="Submit search"><svg aria-hidden="true"><use xlink:href="#i-search"></use></svg></button></form></div>
  </div>
  <div id="navPrimary" class="navMain"><h2 class="aural">Main Menu</h2><ul class="navMain__list">
{nav}
  </ul></div>
  <div id="navBreadcrumbs"><p class="aural">You are here:</p><ol><li><a href="{b}/EN/Home/home_node.html">Homepage</a></li><li><a href="{b}/EN/Press/press_node.html">Press</a></li><li><a href="{b}/EN/Press/PressReleases/pressreleases_node.html">Press releases</a></li><li class="current"><strong>{title_h}</strong></li></ol></div>
  <div id="main">
    <div id="content" class="article">
      <h1 class="isFirstInSlot">{title_h}</h1>
      {date_html}
      <p class="docType">{doctype}</p>
{body}
      <div class="sectionRelated"><h2>Related content</h2>{related}</div>
      <div class="social-bookmarks"><h2 class="aural">Share this page</h2><p class="title">Share</p><ul>{sharelist}</ul></div>
      <div class="navFunctions"><ul><li class="navFunctionsPrint"><a href="{url}?__blob=publicationFile#print" title="Print the page" rel="nofollow"><svg aria-hidden="true"><use xlink:href="#i-print"></use></svg>Print</a></li><li class="navFunctionsRecommend"><a href="{b}/SiteGlobals/Forms/Weiterempfehlen/EN/weiterempfehlen_Formular.html?nn={nn}" title="Recommend page" rel="nofollow"><svg aria-hidden="true"><use xlink:href="#i-mail"></use></svg>Recommend page</a></li></ul></div>
    </div>
  </div>
  <div id="footer">
    <h2 class="aural">Footer</h2>
    <div class="sitemap">{footer}</div>
    <div class="navServiceFooter"><ul><li><a href="{b}/EN/Service/Imprint/imprint_node.html">Imprint</a></li><li><a href="{b}/EN/Service/DataProtection/dataprotection_node.html">Data protection</a></li><li><a href="{b}/EN/Service/Accessibility/accessibility_node.html">Accessibility</a></li><li><a href="{b}/EN/Service/Sitemap/sitemap_node.html">Sitemap</a></li><li><a href="{b}/EN/Service/RSSNewsfeed/rssnewsfeed_node.html">RSS</a></li></ul></div>
    <p class="address">{site} · {address} · {phone} · {hours}</p>
  </div>
  </div>
</div>
</div>
<div id="cookiebanner" class="cookie-banner" hidden><p>This website uses only technically necessary cookies and the privacy-friendly web analysis tool Matomo. <a href="{b}/EN/Service/DataProtection/dataprotection_node.html">Privacy policy</a></p><button type="button" class="button">OK</button></div>
<script src="{b}/SiteGlobals/Frontend/JavaScript/init/global.js?v=9"></script>
<script>var _paq = window._paq = window._paq || [];_paq.push(['disableCookies']);_paq.push(['trackPageView']);_paq.push(['enableLinkTracking']);(function() {{var u="https://stats.bftdi.bund.de/";_paq.push(['setTrackerUrl', u+'matomo.php']);_paq.push(['setSiteId', '{matomo}']);var d=document, g=d.createElement('script'), s=d.getElementsByTagName('script')[0];g.async=true; g.src=u+'matomo.js'; s.parentNode.insertBefore(g,s);}})();</script>
<noscript><p><img src="https://stats.bftdi.bund.de/matomo.php?idsite={matomo}&amp;rec=1" style="border:0;" alt="" /></p></noscript>
</body>
</html>
""".format(
        hl=page["html_lang"], b=b, meta=meta_charset(page, "html5"), site=esc(site_name(page)), title_t=esc(title),
        desc=esc(page["description"]), date=page["published"] or "", url=esc(page["url"]), nn=hint(page["case"], 100000, 999999),
        icons=icons, nav="\n".join(nav), title_h=esc(title), date_html=date_html,
        doctype=esc(page["src"].get("doctype", "Press release" if page["kind"] == "article" else "Overview")),
        body=body, related=related, sharelist=sharelist,
        footer="".join('<div class="sitemap__col"><h3>%s</h3><ul>%s</ul></div>' % (esc(sec), "".join(
            '<li><a href="%s/EN/%s/%s_node.html">%s</a></li>' % (b, slug(sec).title().replace("-", ""), slug(i), esc(i))
            for i in items)) for sec, items in C_menu(page)),
        address=esc(s["address"][lang]), phone=s["phone"], hours=esc(s["hours"][lang]), matomo=hint(s["domain"], 1, 40))


import base64  # noqa: E402  (used by drupal7 and sharepoint)
