# ruff: noqa: E501  (page templates and article text: long lines are content)
"""Render demo/generator/corpus.py into the served site, the feeds, expected.jsonl and intended.json.

    .venv/bin/python demo/generator/build.py          # rewrites demo/site/, expected.jsonl, intended.json

Stdlib only. Each template follows the markup of the real site (and of our parser fixtures in
tests/fixtures/articles/<publisher>/): the same containers, metadata and page furniture (share bars,
related stories, captions, navigation), filled with the corpus's own text. Every URL is http:// on
the publisher's real host name; `demo/site/<host>/<path>` is what the demo server sends for it.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEMO = HERE.parent
SITE = DEMO / "site"
sys.path.insert(0, str(DEMO.parent))

from demo.generator.corpus import ARTICLES, GOOGLE_NEWS  # noqa: E402

Article = dict[str, Any]

HKT = timezone(timedelta(hours=8))
UTC = UTC


def e(text: str) -> str:
    return html.escape(text, quote=True)


def when(text: str) -> datetime:
    fmt = "%Y-%m-%d %H:%M:%S" if text.count(":") == 2 else "%Y-%m-%d %H:%M"
    return datetime.strptime(text, fmt).replace(tzinfo=HKT)


def hexid(key: str, n: int) -> str:
    return hashlib.md5(key.encode()).hexdigest()[:n]


def ws_id(a: Article) -> str:
    """China Daily article ids are MongoDB ObjectIds: 8 hex digits of the Unix time first."""
    stamp = int(when(a["pub"]).timestamp())
    return f"WS{stamp:08x}a310{hexid(a['key'], 12)}"


def rfc822(moment: datetime, zone: timezone = HKT) -> str:
    local = moment.astimezone(zone)
    sign = "+" if zone.utcoffset(None) >= timedelta(0) else "-"
    off = zone.utcoffset(None)
    hours, minutes = divmod(int(abs(off.total_seconds())) // 60, 60)
    tail = "GMT" if zone is UTC else f"{sign}{hours:02d}{minutes:02d}"
    return local.strftime("%a, %d %b %Y %H:%M:%S ") + tail


# =============================================================================================
# URLs
# =============================================================================================


def url_of(a: Article) -> str:
    d = when(a["pub"])
    t = a["tpl"]
    if t == "chinadaily_en":
        return f"http://www.chinadaily.com.cn/a/{d:%Y%m}/{d:%d}/{ws_id(a)}.html"
    if t == "chinadaily_cn":
        return f"http://cn.chinadaily.com.cn/a/{d:%Y%m}/{d:%d}/{ws_id(a)}.html"
    if t == "chinadailyhk":
        return f"http://www.chinadailyhk.com/hk/article/{a['cdhk']}"
    if t in ("newsgovhk_en", "newsgovhk_chi"):
        lang = "eng" if t == "newsgovhk_en" else "chi"
        return (
            f"http://www.news.gov.hk/{lang}/{d:%Y}/{d:%m}/{d:%Y%m%d}/"
            f"{d:%Y%m%d}_{d:%H%M%S}_{a['nsuffix']}.html"
        )
    if t in ("infogovhk_en", "infogovhk_tc"):
        return f"http://www.info.gov.hk/gia/general/{d:%Y%m}/{d:%d}/{a['pno']}.htm"
    if t in ("rthk_en", "rthk_ch"):
        lang = "en" if t == "rthk_en" else "ch"
        return f"http://news.rthk.hk/rthk/{lang}/component/k2/{a['rid']}-{d:%Y%m%d}.htm"
    if t == "scmp":
        number, path, slug = a["scmp"]
        return f"http://www.scmp.com/{path}/article/{number}/{slug}"
    if t == "xinhua_legacy_en":
        return f"http://www.xinhuanet.com/english/{d:%Y-%m}/{d:%d}/c_{a['cid']}.htm"
    if t == "xinhua_legacy_zh":
        return f"http://www.xinhuanet.com/{a['channel']}/{d:%Y-%m}/{d:%d}/c_{a['cid']}.htm"
    if t == "xinhua_en":
        return f"http://english.news.cn/{d:%Y%m%d}/{hexid(a['key'], 32)}/c.html"
    if t == "xinhua_zh":
        return f"http://www.news.cn/{a['channel']}/{d:%Y%m%d}/{hexid(a['key'], 32)}/c.html"
    if t in ("hktdc_en", "hktdc_tc"):
        lang = "en" if t == "hktdc_en" else "tc"
        return f"http://mediaroom.hktdc.com/{lang}/pressrelease/detail/{a['prid']}/"
    if t == "investhk_en":
        return f"http://www.investhk.gov.hk/en/news/{a['slug']}/"
    if t == "investhk_zhhk":
        return f"http://www.investhk.gov.hk/zh-hk/news/{a['slug']}/"
    if t in ("hangzhou_zh", "hangzhou_en", "zjgov"):
        host = {
            "hangzhou_zh": "www.hangzhou.gov.cn",
            "hangzhou_en": "eng.hangzhou.gov.cn",
            "zjgov": "www.zj.gov.cn",
        }[t]
        return f"http://{host}/art/{d.year}/{d.month}/{d.day}/art_{a['col']}_{a['aid']}.html"
    if t in ("people_legacy", "people"):
        node = "n1" if a["host"].startswith("hm.") else "n2"
        return f"http://{a['host']}/{node}/{d:%Y}/{d:%m%d}/{a['pid']}.html"
    raise ValueError(t)


PARSER_OF = {
    "chinadaily_en": ("chinadaily", "China Daily"),
    "chinadaily_cn": ("chinadaily-cn", "China Daily"),
    "chinadailyhk": ("chinadailyhk", "China Daily Hong Kong"),
    "newsgovhk_en": ("newsgovhk", "news.gov.hk"),
    "newsgovhk_chi": ("newsgovhk", "news.gov.hk"),
    "infogovhk_en": ("infogovhk", "HKSAR Government press releases"),
    "infogovhk_tc": ("infogovhk", "HKSAR Government press releases"),
    "rthk_en": ("rthk", "RTHK"),
    "rthk_ch": ("rthk", "RTHK"),
    "scmp": ("scmp", "South China Morning Post"),
    "xinhua_legacy_en": ("xinhua", "Xinhua"),
    "xinhua_legacy_zh": ("xinhua", "Xinhua"),
    "xinhua_en": ("xinhua", "Xinhua"),
    "xinhua_zh": ("xinhua", "Xinhua"),
    "hktdc_en": ("hktdc", "HKTDC"),
    "hktdc_tc": ("hktdc", "HKTDC"),
    "investhk_en": ("investhk", "InvestHK"),
    "investhk_zhhk": ("investhk", "InvestHK"),
    "hangzhou_zh": ("hangzhou_gov", "Hangzhou Municipal Government"),
    "hangzhou_en": ("hangzhou_gov", "Hangzhou Municipal Government"),
    "zjgov": ("zj_gov", "Zhejiang Provincial Government"),
    "people_legacy": ("people", "People's Daily"),
    "people": ("people", "People's Daily"),
}


def related_url(a: Article, n: int) -> str:
    """A plausible address for a related story (never fetched: related boxes are not feeds)."""
    base = url_of(a)
    return re.sub(r"(\d)(\D*)$", lambda m: str((int(m.group(1)) + n + 1) % 10) + m.group(2), base)


def plain_paras(a: Article) -> list[str]:
    """The paragraphs as flat strings (list items become one paragraph each)."""
    out: list[str] = []
    for p in a["paras"]:
        if isinstance(p, tuple):
            out.extend(p[1])
        else:
            out.append(p)
    return out


def p_tags(a: Article, indent: str = "", pre: str = "", attrs: str = "") -> str:
    lines = []
    for p in a["paras"]:
        if isinstance(p, tuple):
            items = "".join(f"\n{indent}  <li>{e(i)}</li>" for i in p[1])
            lines.append(f"{indent}<ul>{items}\n{indent}</ul>")
        else:
            lines.append(f"{indent}<p{attrs}>{pre}{e(p)}</p>")
    return "\n".join(lines)


def br_text(paras: list[str], lead: str = "") -> str:
    return "<br />\n<br />\n".join(f"{lead}{e(p)}" for p in paras)


# =============================================================================================
# Templates, one per publisher layout
# =============================================================================================


def t_chinadaily_en(a: Article) -> str:
    d = when(a["pub"])
    url = url_of(a)
    img = f"http://img2.chinadaily.com.cn/images/{d:%Y%m}/{d:%d}/{hexid(a['key'] + 'img', 24)}.jpeg"
    byline = a.get("byline", "Staff reporter")
    info = f"{byline} | China Daily | Updated: {d:%Y-%m-%d %H:%M}"
    if byline == "Xinhua":
        info = f"Xinhua | Updated: {d:%Y-%m-%d %H:%M}"
    figure = ""
    if a["captions"]:
        figure = (
            f'      <figure class="image" style="display: table;">\n'
            f'        <img src="{img}" data-from="newsroom" data-mimetype="image/jpeg" />\n'
            f'        <figcaption style="display: table-caption; caption-side: bottom;">'
            f"{e(a['captions'][0])}</figcaption>\n      </figure>\n"
        )
    related = "".join(
        f'        <p><a href="{related_url(a, i)}">{e(r)}</a></p>\n'
        for i, r in enumerate(a["related"])
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{e(a["title"])} - Chinadaily.com.cn</title>
<meta name="keywords" content="Hangzhou, Hong Kong, Zhejiang" />
<meta name="description" content="{e(a.get("summary") or plain_paras(a)[0][:160])}" />
<meta name="contentid" content="{ws_id(a)}" />
<meta name="publishdate" content="{d:%Y-%m-%d}" />
<meta name="author" content="{hexid(a["key"], 6)}" />
<meta name="source" content="{"Xinhua" if byline == "Xinhua" else "China Daily"}" />
<meta property="og:title" content="{e(a["title"])}" />
<meta property="og:image" content="{img}" />
<link rel="canonical" href="{url}" />
<script type="text/javascript" src="//www.chinadaily.com.cn/js/2018/jquery.js"></script>
</head>
<body>
<div class="topNav"><a href="//www.chinadaily.com.cn">Home</a> <a href="//www.chinadaily.com.cn/china">China</a> <a href="//www.chinadaily.com.cn/world">World</a> <a href="//www.chinadaily.com.cn/business">Business</a> <a href="//www.chinadaily.com.cn/opinion">Opinion</a></div>
<div class="main_art">
  <div class="lft_art" id="lft-art">
    <div class="breadcrumb">
      <a href="//www.chinadaily.com.cn/china" target="_top">China</a> /
      <a href="//www.chinadaily.com.cn/china/regional" target="_top">{e(a.get("section", "Regional"))}</a>
    </div>
    <h1>{e(a["title"])}</h1>
    <div class="info">
      <span class="info_l">{e(info)}</span>
      <span class="info_r"><a class="wx" href="#">WeChat</a><a class="fb" href="#">Facebook</a><a class="tw" href="#">Twitter</a></span>
    </div>
    <div id="Content">
{figure}{p_tags(a, "      ")}
      <div class="share">
        <a href="https://www.facebook.com/sharer.php" target="_blank"><img src="//www.chinadaily.com.cn/image_e/2019/share_fb.png" alt="Facebook" /></a>
        <a href="https://twitter.com/intent/tweet" target="_blank"><img src="//www.chinadaily.com.cn/image_e/2019/share_tw.png" alt="Twitter" /></a>
        <a href="https://www.linkedin.com/shareArticle" target="_blank"><img src="//www.chinadaily.com.cn/image_e/2019/share_in.png" alt="LinkedIn" /></a>
      </div>
      <div class="mb10">
        <p class="tit">Related Stories</p>
        <p><a href="{related_url(a, 7)}"><img src="//img2.chinadaily.com.cn/images/{d:%Y%m}/{d:%d}/{hexid(a["key"] + "rel", 24)}.jpeg" /></a></p>
{related}      </div>
    </div>
    <div id="div_currpage"></div>
    <div class="selectpage"><a href="#">Previous</a> <a href="#">Next</a></div>
  </div>
  <div class="rt_art">
    <div class="mb10"><h3>Most Popular</h3><ul><li><a href="//www.chinadaily.com.cn/a/{d:%Y%m}/{d:%d}/WS0000.html">Panda twins celebrate first birthday</a></li></ul></div>
  </div>
</div>
<div class="footer">Copyright 1995 - {d:%Y}. All rights reserved. The content (including but not limited to text, photo, multimedia information, etc) published in this site belongs to China Daily Information Co (CDIC).</div>
</body>
</html>
"""


def t_chinadaily_cn(a: Article) -> str:
    d = when(a["pub"])
    url = url_of(a)
    captions = ""
    if a["captions"]:
        img = f"//img3.chinadaily.com.cn/images/{d:%Y%m}/{d:%d}/{hexid(a['key'] + 'img', 24)}.jpeg"
        captions = (
            f'      <p style="text-align: center;"><img src="{img}" /></p>\n'
            f'      <p style="text-align: center;"><span class="caption">{e(a["captions"][0])}</span></p>\n'
        )
    paras = a["paras"]
    body = "\n".join(f"      <p>{e(p)}</p>" for p in paras[:1])
    rest = "\n".join(f"      <p>{e(p)}</p>" for p in paras[1:])
    related = "".join(
        f'        <p><a href="{related_url(a, i)}">{e(r)}</a></p>\n'
        for i, r in enumerate(a["related"])
    )
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8" />
<title>{e(a["title"])} - 中国日报网</title>
<meta name="keywords" content="杭州,香港,浙江" />
<meta name="description" content="{e(paras[0][:80])}" />
<meta name="contentid" content="{ws_id(a)}" />
<meta name="publishdate" content="{d:%Y-%m-%d}" />
<meta name="editor" content="{e(a.get("editor", ""))}" />
<meta name="author" content="{e(a.get("editor", ""))}" />
<meta name="source" content="{e(a.get("source", "中国日报网"))}" />
<link rel="canonical" href="{url}" />
</head>
<body>
<div style="display:none;"><img src="https://img2.chinadaily.com.cn/static/common/img/sharelogo2.jpg" /><h1>{e(a["title"])}</h1></div>
<div class="topbar"><ul><li><a href="//cn.chinadaily.com.cn/">首页</a></li><li><a href="//cn.chinadaily.com.cn/yuanchuang/">原创</a></li><li><a href="//caijing.chinadaily.com.cn/">财经</a></li></ul></div>
<div class="da-bre">
  <a target="_blank" href="//cn.chinadaily.com.cn/5b753f9fa310030f813cf408">资讯</a>
  <a target="_blank" href="//cn.chinadaily.com.cn/5b753f9fa310030f813cf408/5bd549f1a3101a87ca8ff5e0"> &gt; 地方</a>
</div>
<div class="container">
  <div class="container-left2">
    <h1 class="dabiaoti">{e(a["title"])}</h1>
    <div class="fenx">
      <div class="xinf-le">来源：<a href="//cn.chinadaily.com.cn">{e(a.get("source", "中国日报网"))}</a></div>
      <div class="xinf-le">{d:%Y-%m-%d %H:%M}　</div>
      <div class="xinf-ri">分享</div>
    </div>
    <div id="Content" class="article">
{body}
{captions}{rest}
      <div class="fenx_phone"><span>分享到：</span><a href="javascript:void(0)"><img src="//img3.chinadaily.com.cn/static/common/img/icon_wx.png" alt="微信" /></a><a href="javascript:void(0)"><img src="//img3.chinadaily.com.cn/static/common/img/icon_wb.png" alt="微博" /></a></div>
      <div class="xiangguan">
        <div class="heng-biao2"><p>相关新闻</p></div>
{related}      </div>
      <p>【责任编辑：{e(a.get("editor", "王静"))}】</p>
    </div>
  </div>
  <div class="container-right2"><div class="tuijian"><p><a href="//cn.chinadaily.com.cn/">推荐阅读</a></p></div></div>
</div>
<div class="footer">中国日报网版权说明：凡注明来源为“中国日报网”的所有作品，版权均属于中国日报网，未经授权不得转载。</div>
</body>
</html>
"""


def t_chinadailyhk(a: Article) -> str:
    d = when(a["pub"])
    url = url_of(a)
    mod = when(a["mod"]) if a.get("mod") else d
    img = f"http://cdn.chinadailyhk.com/upload/{d:%Y}/{d:%m}/{d:%d}/{hexid(a['key'], 10)}.jpg"
    authors = ",".join(
        json.dumps({"@type": "Person", "name": n}, ensure_ascii=False) for n in a["authors"]
    )
    ld = (
        '{"@context":"https://schema.org","@graph":[\n'
        ' {"@type":"Organization","name":"China Daily Hong Kong","url":"https://www.chinadailyhk.com"},\n'
        ' {"@type":"NewsArticle",\n'
        f'  "headline":{json.dumps(a["title"], ensure_ascii=False)},\n'
        f'  "datePublished":"{d.isoformat()}",\n'
        f'  "dateModified":"{mod.isoformat()}",\n'
        f'  "articleSection":{json.dumps(a.get("section", "Hong Kong"))},\n'
        f'  "author":[{authors}],\n'
        '  "publisher":{"@type":"Organization","name":"China Daily HK"},\n'
        f'  "image":["{img}"]}}\n]}}'
    )
    related = "".join(
        f'          <li><a href="/hk/article/{int(a["cdhk"]) - 40 * (i + 1)}"><img src="http://cdn.chinadailyhk.com/upload/thumb-{i}.jpg" alt=""><p>{e(r)}</p></a></li>\n'
        for i, r in enumerate(a["related"])
    )
    figure = ""
    if a["captions"]:
        figure = (
            f'      <figure>\n        <img src="{img}" alt="">\n'
            f"        <figcaption>{e(a['captions'][0])}</figcaption>\n      </figure>\n"
        )
    paras = p_tags(a, "      ")
    head, _, tail = paras.partition("\n")
    updated = f"Updated: {mod:%Y-%m-%d %H:%M}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} | China Daily HK</title>
<meta name="description" content="{e(a.get("subtitle", ""))}">
<meta property="og:title" content="{e(a["title"])}">
<meta property="og:url" content="{url}">
<meta property="og:image" content="{img}">
<meta property="og:site_name" content="China Daily HK">
<link rel="canonical" href="{url}">
<script type="application/ld+json">
{ld}
</script>
</head>
<body>
<header class="site-header"><nav><a href="/hk">Hong Kong</a> <a href="/china">China</a> <a href="/world">World</a> <a href="/opinion">Opinion</a></nav></header>
<main>
  <article class="news-detail">
    <div class="news-channel"><a href="/">Home</a> <a href="/hk">{e(a.get("section", "Hong Kong"))}</a></div>
    <h1 class="news-title">{e(a["title"])}</h1>
    <p class="news-summary">{e(a.get("subtitle", ""))}</p>
    <div class="news-info">
      <span class="author">{e(a.get("byline", ""))}</span>
      <time datetime="{d.isoformat()}">{updated}</time>
    </div>
    <div class="news-share"><a href="#">Facebook</a> | <a href="#">X</a> | <a href="#">WhatsApp</a></div>
    <div class="news-content">
{figure}{head}
      <div class="related-news">
        <h4>Related stories</h4>
        <ul>
{related}        </ul>
      </div>
{tail}
      <div class="news-share"><a href="#"><img src="https://www.chinadailyhk.com/static/images/share-facebook.svg" alt="Facebook"></a> <a href="#"><img src="https://www.chinadailyhk.com/static/images/share-x.svg" alt="X"></a></div>
    </div>
    <div class="news-tags"><a href="#">Zhejiang</a> <a href="#">Hangzhou</a> <a href="#">Cooperation</a></div>
  </article>
</main>
<footer>Copyright © {d:%Y} China Daily Hong Kong. All rights reserved.</footer>
</body>
</html>
"""


def t_newsgovhk(a: Article) -> str:
    d = when(a["pub"])
    url = url_of(a)
    eng = a["tpl"] == "newsgovhk_en"
    lang = "eng" if eng else "chi"
    stem = url.rsplit("/", 1)[1].removesuffix(".html")
    folder = f"/{lang}/{d:%Y}/{d:%m}/{d:%Y%m%d}/{stem}/images"
    date_text = (
        d.strftime("%B ") + str(d.day) + d.strftime(", %Y")
        if eng
        else f"{d.year}年{d.month}月{d.day}日"
    )
    site = "news.gov.hk" if eng else "香港政府新聞網"
    other = url.replace(f"/{lang}/", "/chi/" if eng else "/eng/")
    photo = ""
    if a["captions"]:
        label = a["captions"][0].split(":")[0].split("：")[0]
        photo = (
            f'      <div class="news-photo">\n        <figure>\n'
            f'          <img src="{folder}/{d:%Y%m%d%H%M}01.jpg" alt="{e(label)}">\n'
            f"          <figcaption>{e(a['captions'][0])}</figcaption>\n        </figure>\n      </div>\n"
        )
    gallery = ""
    if a.get("gallery"):
        gallery = (
            '    <div class="news-gallery">\n'
            + "".join(
                f'      <figure>\n        <img src="{folder}/{d:%Y%m%d%H%M}{i + 2:02d}.jpg" alt="">\n'
                f"        <figcaption>{e(c)}</figcaption>\n      </figure>\n"
                for i, c in enumerate(a["gallery"])
            )
            + "    </div>\n"
        )
    related = "".join(
        f'        <li><a href="{related_url(a, i)}">{e(r)}</a></li>\n'
        for i, r in enumerate(a["related"])
    )
    nav = (
        '<li><a href="/eng/index.html">Top Stories</a></li><li><a href="/eng/categories/finance/index.html">Finance</a></li>'
        '<li><a href="/eng/categories/admin/index.html">Admin &amp; Civic Affairs</a></li>'
        if eng
        else '<li><a href="/chi/index.html">頭條新聞</a></li><li><a href="/chi/categories/finance/index.html">財經</a></li>'
        '<li><a href="/chi/categories/admin/index.html">政府事務</a></li>'
    )
    share = "Share" if eng else "分享"
    rel_head = "Related Stories" if eng else "相關新聞"
    return f"""<!DOCTYPE html>
<html lang="{"en" if eng else "zh-HK"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(a["title"])} | {site}</title>
<meta name="description" content="{e(plain_paras(a)[0][:150])}">
<meta property="og:title" content="{e(a["title"])}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{site}">
<meta property="og:url" content="{url}">
<link rel="canonical" href="{url}">
<link rel="alternate" hreflang="{"zh-HK" if eng else "en"}" href="{other}">
<link rel="stylesheet" href="/common/css/style.css">
<script src="/common/js/news.js"></script>
</head>
<body class="lang-{lang}">
<a class="skip-link" href="#main-content">{"Skip to main content" if eng else "跳至主要內容"}</a>
<header class="site-header">
  <div class="logo"><a href="/{lang}/index.html"><img src="/common/images/logo_{lang}.png" alt="{site}"></a></div>
  <nav class="main-nav"><ul>{nav}</ul></nav>
  <div class="lang-switch"><a href="{other}">{"繁" if eng else "EN"}</a></div>
</header>
<main id="main-content">
  <div class="breadcrumb"><a href="/{lang}/index.html">{"Home" if eng else "主頁"}</a> &gt; <a href="/{lang}/categories/admin/index.html">{e(a.get("section", ""))}</a></div>
  <article class="news-detail">
    <h1 class="news-title">{e(a["title"])}</h1>
    <div class="news-info">
      <span class="news-date">{date_text}</span>
      <span class="news-category"><a href="/{lang}/categories/admin/index.html">{e(a.get("section", ""))}</a></span>
    </div>
    <div class="newsdetail-content">
{photo}{p_tags(a, "      ")}
    </div>
{gallery}    <div class="news-related">
      <h2>{rel_head}</h2>
      <ul>
{related}      </ul>
    </div>
    <div class="share-bar">
      <span class="share-label">{share}</span>
      <a class="share-facebook" href="https://www.facebook.com/sharer.php?u={url}">Facebook</a>
      <a class="share-whatsapp" href="whatsapp://send?text={url}">WhatsApp</a>
      <a class="share-email" href="mailto:?body={url}">{"Email" if eng else "電郵"}</a>
    </div>
  </article>
</main>
<footer class="site-footer">
  <p class="copyright">{"Copyright &copy; " + str(d.year) + " Information Services Department. All rights reserved." if eng else "版權所有 &copy; " + str(d.year) + " 政府新聞處"}</p>
</footer>
</body>
</html>
"""


_WEEKDAY_ZH = "一二三四五六日"


def t_infogovhk(a: Article) -> str:
    d = when(a["pub"])
    url = url_of(a)
    eng = a["tpl"] == "infogovhk_en"
    big5 = a.get("charset") == "big5"
    stars = "*" * (117 if eng else 39)
    lead = "&nbsp;&nbsp;&nbsp;&nbsp; " if eng else "　　"
    text = br_text(plain_paras(a), lead)
    if eng:
        closing_inside = ""
        pr_date = f"Ends/{d:%A}, {d:%B} {d.day}, {d.year}<br />\nIssued at HKT {d:%H:%M}"
    else:
        closing = f"完<br />\n<br />\n{d.year}年{d.month}月{d.day}日（星期{_WEEKDAY_ZH[d.weekday()]}）<br />\n香港時間{d:%H}時{d:%M}分"
        if big5:  # older releases keep the closing lines inside the text span
            closing_inside, pr_date = f"<br />\n<br />\n{closing}<br />\n", ""
        else:
            closing_inside, pr_date = "", closing.replace("<br />\n<br />\n", "<br />\n")
    photos = ""
    if a["captions"]:
        items = "".join(
            f'      <div class="photoItem">\n'
            f'        <a href="/gia/general/{d:%Y%m}/{d:%d}/{a["pno"]}_photo_{i}.htm" target="_blank"><img src="/gia/general/{d:%Y%m}/{d:%d}/images/{a["pno"]}_{i}.jpg" alt="{e(c)}" /></a>\n'
            f'        <p class="photoCaption">{e(c)}</p>\n      </div>\n'
            for i, c in enumerate(a["captions"], start=1)
        )
        photos = f'    <div id="photoBlock" class="photoBlock">\n{items}    </div>\n'
    other_pno = a["pno"][:-1] + str((int(a["pno"][-1]) + (-1 if not eng else 1)) % 10)
    menu = (
        f'<li><a href="/gia/general/today.htm">Today\'s Press Releases</a></li>\n'
        f'      <li><a href="/gia/ISD_public_Calendar_en.html">News Archives</a></li>\n'
        f'      <li><a href="/gia/general/{d:%Y%m}/{d:%d}/{other_pno}.htm" lang="zh-HK">繁體版</a></li>'
        if eng
        else f'<li><a href="/gia/general/todayc.htm">今日新聞公報</a></li>\n'
        f'      <li><a href="/gia/ISD_public_Calendar_tc.html">新聞公報檔案</a></li>\n'
        f'      <li><a href="/gia/general/{d:%Y%m}/{d:%d}/{other_pno}.htm" lang="en">English</a></li>'
    )
    charset = "big5" if big5 else "utf-8"
    lang = "en" if eng else "zh-HK"
    share = "Share:" if eng else "分享："
    mail = "Email" if eng else "電郵"
    footer = (
        f"{d.year} &copy; | Last revision date: {d:%B} {d.day}, {d.year}"
        if eng
        else f"{d.year} &copy; | 修訂日期：{d.year}年{d.month}月{d.day}日"
    )
    date_block = f'    <p class="fontSize1 mB15" id="PRDate">{pr_date}</p>\n' if pr_date else ""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{lang}" lang="{lang}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{e(a["title"])}</title>
<meta name="keywords" content="{"Hong Kong Government, press release" if eng else "香港特別行政區政府, 新聞公報"}" />
<link rel="stylesheet" type="text/css" href="/gia/css/gia_common{"" if eng else "_c"}.css" />
<script type="text/javascript" src="/gia/js/gia_common.js"></script>
<script type="text/javascript">
  var gia_lang = "{"en" if eng else "tc"}";
  var gia_pr_id = "{a["pno"]}";
</script>
</head>
<body>
<a class="skipLink" href="#contentBody">{"Go to main content" if eng else "跳至主要內容"}</a>
<div id="wrapper">
  <div id="header">
    <div class="logo"><a href="/gia/general/today{"" if eng else "c"}.htm"><img src="/gia/images/logo_gov_{"en" if eng else "tc"}.png" alt="{"Press Releases" if eng else "新聞公報"}" /></a></div>
    <ul id="topMenu">
      {menu}
    </ul>
  </div>
  <div id="contentBody">
    <div class="mB15 mT15" id="PRHeadline">{e(a["title"])}</div>
    <span id="pressrelease" class="fontSize1">{stars}<br />
<br />
{text}{closing_inside}<br />
</span>
    <div class="mB15 line"></div>
{photos}{date_block}    <div id="NEWS_NAME" class="fontSize1">NNNN</div>
    <div class="shareBar">
      <span>{share}</span>
      <a href="https://www.facebook.com/sharer/sharer.php?u={url}" class="fb">Facebook</a>
      <a href="mailto:?subject=Press%20release" class="mail">{mail}</a>
      <a href="javascript:window.print()" class="print">{"Print" if eng else "列印"}</a>
    </div>
  </div>
  <div id="footer">
    <div class="footerLinks"><a href="/gia/copyright{"" if eng else "c"}.htm">{"Important Notices" if eng else "重要告示"}</a> | <a href="/gia/privacy{"" if eng else "c"}.htm">{"Privacy Policy" if eng else "私隱政策"}</a></div>
    <div class="copyright">{footer}</div>
  </div>
</div>
</body>
</html>
"""


def t_rthk(a: Article) -> str:
    d = when(a["pub"])
    url = url_of(a)
    eng = a["tpl"] == "rthk_en"
    lang = "en" if eng else "ch"
    img = f"https://newsstatic.rthk.hk/images/mfile_{a['rid']}_1_{d:%Y%m%d%H%M%S}.jpg"
    caption = a["captions"][0] if a["captions"] else ""
    menu = (
        '<li><a href="/rthk/en/latest-news.htm">Latest News</a></li>\n    <li><a href="/rthk/en/latest-news/local.htm">Local</a></li>\n'
        '    <li><a href="/rthk/en/latest-news/greater-china.htm">Greater China</a></li>\n    <li><a href="/rthk/en/latest-news/world-news.htm">World</a></li>\n'
        '    <li><a href="/rthk/en/latest-news/finance.htm">Finance</a></li>\n    <li><a href="/rthk/en/latest-news/sport.htm">Sport</a></li>'
        if eng
        else '<li><a href="/rthk/ch/latest-news.htm">即時新聞</a></li>\n    <li><a href="/rthk/ch/latest-news/local.htm">本地</a></li>\n'
        '    <li><a href="/rthk/ch/latest-news/greater-china.htm">大中華</a></li>\n    <li><a href="/rthk/ch/latest-news/finance.htm">財經</a></li>'
    )
    related = "".join(
        f'        <li><a href="/rthk/{lang}/component/k2/{int(a["rid"]) - 13 * (i + 1)}-{d:%Y%m%d}.htm">{e(r)}</a></li>\n'
        for i, r in enumerate(a["related"])
    )
    text = "<br />\n<br />\n".join(e(p) for p in plain_paras(a))
    site = "RTHK" if eng else "香港電台"
    return f"""<!DOCTYPE html>
<html lang="{"en" if eng else "zh-hk"}" dir="ltr">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>{e(a["title"])} - RTHK</title>
<meta name="description" content="{e(plain_paras(a)[0][:150])}" />
<meta property="og:type" content="article" />
<meta property="og:site_name" content="RTHK" />
<meta property="og:title" content="{e(a["title"])}" />
<meta property="og:url" content="{url}" />
<meta property="og:image" content="{img}" />
<link rel="canonical" href="{url}" />
<link rel="stylesheet" href="/rthk/templates/rthk_news_{lang}/css/template.css" type="text/css" />
<script src="/rthk/templates/rthk_news_{lang}/js/news.js" type="text/javascript"></script>
</head>
<body class="{lang}">
<div id="header">
  <div class="logo"><a href="https://news.rthk.hk/rthk/{lang}/"><img src="/rthk/templates/rthk_news_{lang}/images/logo_news_{lang}.png" alt="{site}" /></a></div>
  <ul class="menu">
    {menu}
  </ul>
  <div class="langSwitch"><a href="/rthk/{"ch" if eng else "en"}/">{"中文" if eng else "English"}</a></div>
</div>
<div id="content">
  <div class="breadcrumbs"><a href="/rthk/{lang}/latest-news.htm">{"Latest News" if eng else "即時新聞"}</a> &gt; <span class="pathway">{e(a.get("section", ""))}</span></div>
  <div id="k2Container" class="itemView">
    <div class="itemHeader">
      <h2 class="itemTitle">{e(a["title"])}</h2>
    </div>
    <div class="itemBody">
      <div class="itemImageBlock">
        <div class="itemSlideShow">
          <div class="items_content">
            <img class="imgPhotoAfterLoad" src="{img}" alt="{e(caption)}" />
            <div class="itemSlideShowCaption">{e(caption)}</div>
          </div>
        </div>
      </div>
      <div class="itemFullText">
        {text}
      </div>
      <div class="createddate">{d:%Y-%m-%d} HKT {d:%H:%M}</div>
    </div>
    <div class="itemSocialSharing">
      <div class="shareTitle">{"Share this story" if eng else "分享"}</div>
      <a class="facebook" href="https://www.facebook.com/sharer/sharer.php?u={url}">facebook</a>
      <a class="whatsapp" href="whatsapp://send?text={url}">whatsapp</a>
    </div>
    <div class="itemRelated">
      <h3>{"Related News" if eng else "相關新聞"}</h3>
      <ul>
{related}      </ul>
    </div>
  </div>
</div>
<div id="footer">
  <p class="copyright">&copy; {d.year} {"RTHK. All rights reserved." if eng else "香港電台 版權所有"}</p>
</div>
</body>
</html>
"""


def t_scmp(a: Article) -> str:
    d = when(a["pub"])
    url = url_of(a)
    mod = when(a["mod"]) if a.get("mod") else d
    number = a["scmp"][0]
    img = f"https://cdn.i-scmp.com/sites/default/files/styles/1200x800/public/{d:%Y/%m/%d}/{hexid(a['key'], 8)}.jpg"
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "headline": a["title"],
        "author": [{"@type": "Person", "name": n} for n in a["authors"]],
        "datePublished": d.isoformat(),
        "dateModified": mod.isoformat(),
        "articleSection": a.get("section", "News"),
        "isAccessibleForFree": True,
        "publisher": {"@type": "NewsMediaOrganization", "name": "South China Morning Post"},
        "image": [img],
        "inLanguage": "en-GB",
    }
    crumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": 1,
                "item": {
                    "name": a.get("section", "News"),
                    "@id": "https://www.scmp.com/" + a["scmp"][1],
                },
            }
        ],
    }
    paras = [f"    <p>{e(p)}</p>" for p in a["paras"]]
    figure = ""
    if a["captions"]:
        figure = f'    <figure><img src="{img}" alt=""><figcaption>{e(a["captions"][0])}</figcaption></figure>'
    widget = (
        f'    <div class="article-inline-widget"><a href="/{a["scmp"][1]}/article/{int(number) - 311}/more"><img src="https://cdn.i-scmp.com/sites/default/files/styles/186x105/public/w{number}.jpg" alt=""></a>'
        f'<h3><a href="/{a["scmp"][1]}/article/{int(number) - 311}/more">{e(a["related"][0])}</a></h3></div>'
    )
    related = "".join(
        f'      <a href="/{a["scmp"][1]}/article/{int(number) - 97 * (i + 1)}/rel"><img src="https://cdn.i-scmp.com/sites/default/files/styles/186x105/public/r{i}.jpg" alt=""><p>{e(r)}</p></a>\n'
        for i, r in enumerate(a["related"][1:])
    )
    body = (
        [*paras[:1], figure, *paras[1:2], widget, *paras[2:]]
        if figure
        else [*paras[:2], widget, *paras[2:]]
    )
    body_html = "\n".join(x for x in body if x)
    author = a["authors"][0]
    modified_meta = (
        f'<meta property="article:modified_time" content="{mod.isoformat()}">\n'
        if a.get("mod")
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} | South China Morning Post</title>
<meta property="og:title" content="{e(a["title"])}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="South China Morning Post">
<meta property="og:image" content="{img}">
<meta property="article:published_time" content="{d.isoformat()}">
{modified_meta}<link rel="canonical" href="{url}">
<script type="application/ld+json">{json.dumps(crumbs, ensure_ascii=False)}</script>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head>
<body>
<div class="page">
  <header class="header"><a href="/">SCMP</a> <a href="/news/hong-kong">Hong Kong</a> <a href="/news/china">China</a> <a href="/business">Business</a> <a href="/sport">Sport</a></header>
<article>
  <p class="details__topic-label"><span class="topic-author">{e(author)}</span></p>
  <h1 data-qa="ContentHeadline-Headline">{e(a["title"])}</h1>
  <div data-qa="ContentSubHeadline">{e(a.get("subtitle", ""))}</div>
  <div class="article-meta"><time datetime="{d.isoformat()}">Published: {d:%-I:%M%p, %-d %b %Y}</time>{(' <time datetime="' + mod.isoformat() + '">Updated: ' + mod.strftime("%-I:%M%p, %-d %b %Y") + "</time>") if a.get("mod") else ""}</div>
  <div data-qa="GenericArticle-Content">
{body_html}
    <div data-qa="ContentBody-RelatedArticles">
      <p>Related Articles</p>
{related}    </div>
    <div class="author-bio"><p>{e(author)} covers the news for the Post.</p></div>
  </div>
</article>
  <footer class="footer">Copyright © {d.year} South China Morning Post Publishers Ltd. All rights reserved.</footer>
</div>
</body>
</html>
"""


def t_xinhua_legacy_en(a: Article) -> str:
    d = when(a["pub"])
    url = url_of(a)
    paras = [f"      <p>{e(p)}</p>" for p in a["paras"]]
    photo = ""
    if a["captions"]:
        photo = (
            f'      <p align="center"><img id="{{{hexid(a["key"], 8).upper()}}}" src="{a["cid"]}_{d:%Y%m%d}1n.jpg" border="0" alt="" /></p>\n'
            f'      <p align="center"><font color="navy">{e(a["captions"][0])}</font></p>\n'
        )
    related = "".join(
        f'        <p><a href="http://www.xinhuanet.com/english/{d:%Y-%m}/{d:%d}/c_{int(a["cid"]) - 1000 * (i + 1)}.htm">{e(r)}</a></p>\n'
        for i, r in enumerate(a["related"])
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="publishid" content="{a["cid"]}.11.1001.0"/>
<meta name="keywords" content="Hangzhou,Hong Kong" />
<meta name="description" content="{e(a.get("summary", ""))}" />
<meta name="source" content="Xinhua" />
<meta property="og:url" content="{url}" />
<meta property="og:title" content="{e(a["title"])}" />
<title>{e(a["title"])} - Xinhua | English.news.cn</title>
<link rel="stylesheet" type="text/css" href="http://www.xinhuanet.com/english/static/css/content.css" />
</head>
<body>
<div class="topBar">
  <div class="logo"><a href="http://www.xinhuanet.com/english/"><img src="http://www.xinhuanet.com/english/static/imgs/logo.png" alt="Xinhua" /></a></div>
  <ul class="nav">
    <li><a href="http://www.xinhuanet.com/english/china/">China</a></li>
    <li><a href="http://www.xinhuanet.com/english/world/">World</a></li>
    <li><a href="http://www.xinhuanet.com/english/business/">Business</a></li>
    <li><a href="http://www.xinhuanet.com/english/sci/">Sci-Tech</a></li>
  </ul>
</div>
<div class="wrap">
  <div class="curPosition"><a href="http://www.xinhuanet.com/english/">Home</a> &gt;&gt; <a href="http://www.xinhuanet.com/english/china/">China</a></div>
  <div class="mainCon">
    <div class="Btitle">{e(a["title"])}</div>
    <div class="wzzy">
      <span class="time">Source: Xinhua| {d:%Y-%m-%d %H:%M:%S}|Editor: {e(a.get("editor", "xinhua"))}</span>
    </div>
    <div class="content" id="content">
{photo}{chr(10).join(paras)}
      <p style="text-align: right">[Editor: {e(a.get("editor", "xinhua")).upper()}]</p>
      <div class="fenxiang">
        <span>Share</span>
        <a class="facebook" href="javascript:void(0)"><img src="http://www.xinhuanet.com/english/static/imgs/share_facebook.gif" alt="Facebook" /></a>
        <a class="twitter" href="javascript:void(0)"><img src="http://www.xinhuanet.com/english/static/imgs/share_twitter.gif" alt="Twitter" /></a>
      </div>
      <div class="bai13">
        <p><img src="http://www.xinhuanet.com/english/static/imgs/qrcode_app.png" alt="" /></p>
        <p>Download the Xinhua app to read more news on your phone</p>
      </div>
      <div class="relatedNews">
        <div class="tit">Related News</div>
{related}      </div>
    </div>
  </div>
</div>
<div class="footer">
  <p>Copyright &copy; 2000 - {d.year} XINHUANET.com All Rights Reserved.</p>
</div>
</body>
</html>
"""


def t_xinhua_legacy_zh(a: Article) -> str:
    d = when(a["pub"])
    url = url_of(a)
    paras = "\n".join(f"    <p>　　{e(p)}</p>" for p in a["paras"])
    related = "".join(
        f'<li><a href="http://www.xinhuanet.com/{a["channel"]}/{d:%Y-%m}/{d:%d}/c_{int(a["cid"]) - 3000 * (i + 1)}.htm">{e(r)}</a></li>'
        for i, r in enumerate(a["related"])
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="publishid" content="{a["cid"]}.11.1002.1" />
<meta property="og:url" content="{url}" />
<meta name="keywords" content="杭州,香港,合作" />
<meta name="description" content="{e(a.get("summary", ""))}" />
<title>{e(a["title"])}_新华网</title>
<link rel="stylesheet" type="text/css" href="http://www.xinhuanet.com/static/css/detail.css" />
</head>
<body>
<div class="domPC">
  <div class="news-position">
    <a href="http://www.xinhuanet.com/">新华网</a> &gt;
    <a href="http://www.xinhuanet.com/{a["channel"]}/">港澳</a> &gt; 正文
  </div>
</div>
<div class="h-p3 clearfix">
  <div class="h-title">{e(a["title"])}</div>
  <div class="h-info">
    <span class="h-time">{d:%Y-%m-%d %H:%M:%S}</span>
    <span>来源： 新华网</span>
  </div>
  <div class="h-share">
    <span>分享到：</span>
    <a class="wx" href="javascript:void(0)">微信</a>
    <a class="wb" href="javascript:void(0)">微博</a>
  </div>
</div>
<div class="main clearfix">
  <div id="p-detail">
{paras}
    <div class="p-jc">
      <span class="tiyi1"><a href="javascript:void(0)"><img src="http://www.xinhuanet.com/static/images/jc.png" alt="" />【纠错】</a></span>
      <span class="editor">责任编辑： {e(a.get("editor", ""))}</span>
    </div>
  </div>
  <div class="xgxw">
    <h3>相关新闻</h3>
    <ul>{related}</ul>
  </div>
</div>
<div id="footer">
  <p>Copyright &copy; 2000-{d.year} XINHUANET.com　All Rights Reserved.</p>
  <p>制作单位：新华网股份有限公司　版权所有：新华网股份有限公司</p>
</div>
</body>
</html>
"""


def t_xinhua_en(a: Article) -> str:
    d = when(a["pub"])
    url = url_of(a)
    paras = [f"            <p>{e(p)}</p>" for p in a["paras"]]
    if a["captions"]:
        photo = (
            f'            <p style="text-align: center;"><img src="{d:%Y%m%d}_{hexid(a["key"], 8)}_01.jpg" alt="" /></p>\n'
            f'            <p style="text-align: center;"><span style="color: navy;">{e(a["captions"][0])}</span></p>'
        )
        paras.insert(2, photo)
    related = "".join(
        f'              <p><a href="https://english.news.cn/{d:%Y%m%d}/{hexid(a["key"] + str(i), 32)}/c.html">{e(r)}</a></p>\n'
        for i, r in enumerate(a["related"])
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<meta name="keywords" content="Hong Kong,Zhejiang,cooperation" />
<meta name="description" content="{e(a.get("summary", ""))}" />
<meta property="og:type" content="article" />
<meta property="og:title" content="{e(a["title"])}" />
<meta property="og:url" content="{url}" />
<title>{e(a["title"])}-Xinhua</title>
<link rel="stylesheet" href="https://english.news.cn/detail/css/style.css" />
</head>
<body>
<div class="header">
  <div class="logo"><a href="https://english.news.cn/"><img src="https://english.news.cn/detail/images/logo.png" alt="Xinhua" /></a></div>
  <div class="nav">
    <a href="https://english.news.cn/china/index.htm">China</a>
    <a href="https://english.news.cn/world/index.htm">World</a>
    <a href="https://english.news.cn/business/index.htm">Business</a>
  </div>
</div>
<div class="conBox">
  <div class="conTop">
    <div class="wrapper">
      <h1> {e(a["title"])} </h1>
      <div class="infoBox clearfix">
        <div class="info">
          <p class="source">Source: Xinhua</p>
          <p class="editor">Editor: {e(a.get("editor", "huaxia"))}</p>
          <p class="time">{d:%Y-%m-%d %H:%M:%S}</p>
        </div>
        <div class="share">
          <a class="fb" href="javascript:void(0)">Facebook</a>
          <a class="tw" href="javascript:void(0)">X</a>
          <a class="mail" href="javascript:void(0)">Mail</a>
        </div>
      </div>
    </div>
  </div>
  <div class="conMain">
    <div class="wrapper">
      <div class="mainCon">
        <div id="detail">
          <span id="detailContent">
{chr(10).join(paras)}
            <div class="share">
              <a class="fb" href="javascript:void(0)"><img src="https://english.news.cn/detail/images/share_fb.png" alt="Facebook" /></a>
              <a class="tw" href="javascript:void(0)"><img src="https://english.news.cn/detail/images/share_x.png" alt="X" /></a>
            </div>
            <div class="relatedNews">
              <h3>Related Stories</h3>
{related}            </div>
          </span>
        </div>
      </div>
    </div>
  </div>
</div>
<div class="footer">
  <p>Copyright &copy; 2000-{d.year} XINHUANET.com. All rights reserved.</p>
</div>
</body>
</html>
"""


def t_xinhua_zh(a: Article) -> str:
    d = when(a["pub"])
    url = url_of(a)
    paras = [f"      <p>　　{e(p)}</p>" for p in a["paras"]]
    if a["captions"]:
        photo = (
            f'      <p style="text-align: center;"><img src="{d:%Y%m%d}{hexid(a["key"], 32)}_01.jpg" alt="" /></p>\n'
            f'      <p style="text-align: center;">{e(a["captions"][0])}</p>'
        )
        paras.insert(1, photo)
    related = "".join(
        f'        <p><a href="http://www.news.cn/{a["channel"]}/{d:%Y%m%d}/{hexid(a["key"] + str(i), 32)}/c.html">{e(r)}</a></p>\n'
        for i, r in enumerate(a["related"])
    )
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="viewport" content="width=device-width,initial-scale=1.0,minimum-scale=1.0,maximum-scale=1.0,user-scalable=no" />
<meta name="keywords" content="浙江,香港,合作" />
<meta name="description" content="{e(a.get("summary", ""))}" />
<meta name="pagetype" content="1" />
<meta property="og:url" content="{url}" />
<meta name="publishid" content="{d:%Y%m%d}{hexid(a["key"], 32)}" />
<title>{e(a["title"])}-新华网</title>
<link rel="stylesheet" href="//lib.news.cn/common/reset.css" />
<link rel="stylesheet" href="//www.news.cn/detail2020/css/style.css" />
</head>
<body>
<div class="header domPC">
  <div class="header-top clearfix">
    <div class="logo left"><a href="http://www.news.cn/"><img src="//www.news.cn/detail2020/images/logo.png" alt="新华网" /></a></div>
    <div class="nav left">
      <a href="http://www.news.cn/politics/">时政</a>
      <a href="http://www.news.cn/gangao/">港澳</a>
      <a href="http://www.news.cn/fortune/">财经</a>
      <a href="http://www.news.cn/local/">地方</a>
    </div>
  </div>
  <div class="header-cont clearfix">
    <div class="header-time left">
      <span class="year"><em> {d:%Y}</em></span>
      <span class="day"><em> {d:%m}</em>/<em>{d:%d}</em></span>
      <span class="time"> {d:%H:%M:%S}</span>
    </div>
    <div class="source">来源：新华网</div>
    <div class="head-line clearfix">
      <h1><span class="title">{e(a["title"])}</span></h1>
      <div class="pageShare">
        <div class="share">
          <a class="wx" href="javascript:void(0)">微信</a>
          <a class="wb" href="javascript:void(0)">微博</a>
          <a class="copy" href="javascript:void(0)">复制链接</a>
        </div>
      </div>
    </div>
  </div>
</div>
<div class="main clearfix">
  <div class="main-left left" id="detail">
    <span id="detailContent">
{chr(10).join(paras)}
      <div class="pageShare">
        <a class="wx" href="javascript:void(0)"><img src="//www.news.cn/detail2020/images/share_wx.png" alt="微信" /></a>
        <a class="wb" href="javascript:void(0)"><img src="//www.news.cn/detail2020/images/share_wb.png" alt="微博" /></a>
      </div>
      <div class="xglj">
        <h3>相关新闻</h3>
{related}      </div>
    </span>
    <div id="articleEdit">
      <span class="editor">【责任编辑:{e(a.get("editor", ""))}】</span>
    </div>
    <div class="ewm"><p>扫一扫在手机打开当前页</p></div>
  </div>
  <div class="main-right right">
    <div class="columBox"><div class="col-tit">热点推荐</div><ul><li><a href="http://www.news.cn/">新华网首页</a></li></ul></div>
  </div>
</div>
<div class="foot">
  <p>Copyright &copy; 2000-{d.year} XINHUANET.com　All Rights Reserved.</p>
  <p>制作单位：新华网股份有限公司　版权所有：新华网股份有限公司</p>
</div>
</body>
</html>
"""


def t_hktdc(a: Article) -> str:
    d = when(a["pub"])
    url = url_of(a)
    eng = a["tpl"] == "hktdc_en"
    lang = "en" if eng else "tc"
    date_text = f"{d.day} {d:%b %Y}" if eng else f"{d.year}年{d.month}月{d.day}日"
    site = "HKTDC Media Room" if eng else "香港貿發局新聞中心"
    other = url.replace(f"/{lang}/", "/tc/" if eng else "/en/")
    photo = ""
    if a["captions"]:
        photo = (
            f'      <div class="pr-detail__photo">\n'
            f'        <img src="http://mediaroom.hktdc.com/images/pressrelease/{a["prid"]}/photo1.jpg" alt="{"Photo 1" if eng else "圖一"}">\n'
            f'        <p class="pr-detail__caption">{e(a["captions"][0])}</p>\n      </div>\n'
        )
    trailer = (
        f"      <p>Photo download: http://mediaroom.hktdc.com/en/photo/{a['prid']}/</p>\n"
        "      <p><strong>Media enquiries</strong></p>\n"
        "      <p>HKTDC Communication &amp; Public Affairs Department: Irene Cheung, Tel: (852) 2584 4000, Email: media@example.hktdc.org</p>\n"
        if eng
        else f"      <p>圖片下載：http://mediaroom.hktdc.com/tc/photo/{a['prid']}/</p>\n"
        "      <p><strong>傳媒查詢</strong></p>\n"
        "      <p>香港貿發局傳訊及公共事務部：張小姐，電話：(852) 2584 4000，電郵：media@example.hktdc.org</p>\n"
    )
    related = "".join(
        f'        <li><a href="/{lang}/pressrelease/detail/{int(a["prid"]) - 9 * (i + 1)}/">{e(r)}</a></li>\n'
        for i, r in enumerate(a["related"])
    )
    about = (
        "<h3>About HKTDC</h3>\n      <p>The Hong Kong Trade Development Council (HKTDC) is a statutory body established in 1966 to promote Hong Kong's trade. For more information, please visit www.hktdc.com.</p>"
        if eng
        else "<h3>香港貿發局簡介</h3>\n      <p>香港貿易發展局於1966年成立，是推廣香港對外貿易的法定機構。詳情請瀏覽 www.hktdc.com。</p>"
    )
    nav = (
        '<a href="/en/pressrelease/">Press Releases</a>\n    <a href="/en/photo/">Photo Library</a>\n    <a href="/en/contact/">Media Contacts</a>'
        if eng
        else '<a href="/tc/pressrelease/">新聞稿</a>\n    <a href="/tc/photo/">圖片庫</a>\n    <a href="/tc/contact/">傳媒聯絡</a>'
    )
    return f"""<!DOCTYPE html>
<html lang="{"en" if eng else "zh-Hant"}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(a["title"])} | {site}</title>
<meta name="description" content="{e(a.get("subtitle", ""))}">
<meta property="og:title" content="{e(a["title"])}">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="{site}">
<link rel="canonical" href="{url}">
<link rel="alternate" hreflang="{"zh-Hant" if eng else "en"}" href="{other}">
<link rel="stylesheet" href="/assets/css/mediaroom.css">
</head>
<body>
<header class="mr-header">
  <a class="mr-header__logo" href="/{lang}/"><img src="/assets/images/hktdc-logo.svg" alt="{site}"></a>
  <nav class="mr-header__nav">
    {nav}
  </nav>
  <div class="mr-header__lang"><a href="{other}">{"繁" if eng else "EN"}</a></div>
</header>
<main class="mr-main">
  <div class="pr-detail">
    <div class="pr-detail__meta">
      <span class="pr-detail__date">{date_text}</span>
      <span class="pr-detail__category">{e(a.get("section", ""))}</span>
    </div>
    <h1 class="pr-detail__title">{e(a["title"])}</h1>
    <h2 class="pr-detail__subtitle">{e(a.get("subtitle", ""))}</h2>
    <div class="pr-detail__content">
{p_tags(a, "      ")}
{photo}{trailer}    </div>
    <div class="pr-detail__about">
      {about}
    </div>
    <div class="pr-detail__share">
      <span>{"Share" if eng else "分享"}</span>
      <a href="https://www.facebook.com/sharer/sharer.php?u={url}">Facebook</a>
      <a href="https://www.linkedin.com/shareArticle?url={url}">LinkedIn</a>
    </div>
    <div class="pr-detail__related">
      <h3>{"Related Press Releases" if eng else "相關新聞稿"}</h3>
      <ul>
{related}      </ul>
    </div>
  </div>
</main>
<footer class="mr-footer">
  <p>{"Copyright &copy; " + str(d.year) + " Hong Kong Trade Development Council. All rights reserved." if eng else "版權所有 &copy; " + str(d.year) + " 香港貿易發展局"}</p>
</footer>
</body>
</html>
"""


def t_investhk(a: Article) -> str:
    d = when(a["pub"])
    url = url_of(a)
    eng = a["tpl"] == "investhk_en"
    mod = when(a["mod"]) if a.get("mod") else d
    pub_utc = d.astimezone(UTC).isoformat()
    mod_utc = mod.astimezone(UTC).isoformat()
    site = "InvestHK" if eng else "投資推廣署"
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "WebPage",
                "@id": url,
                "url": url,
                "name": f"{a['title']} - {site}",
                "isPartOf": {"@id": "https://www.investhk.gov.hk/en/#website"},
                "datePublished": pub_utc,
                "dateModified": mod_utc,
                "inLanguage": "en-US" if eng else "zh-HK",
            },
            {
                "@type": "WebSite",
                "@id": "https://www.investhk.gov.hk/en/#website",
                "url": "https://www.investhk.gov.hk/en/",
                "name": "InvestHK",
            },
        ],
    }
    paras = [f"      <p>{e(p)}</p>" for p in a["paras"]]
    if a["captions"]:
        fig = (
            f'      <figure class="wp-block-image size-large"><img src="http://www.investhk.gov.hk/wp-content/uploads/{d:%Y/%m}/{d:%Y%m%d}-{hexid(a["key"], 6)}.jpg" alt="">'
            f'<figcaption class="wp-element-caption">{e(a["captions"][0])}</figcaption></figure>'
        )
        paras.insert(2, fig)
    trailer = (
        "      <h3>About Invest Hong Kong (InvestHK)</h3>\n"
        "      <p>InvestHK is the department of the Hong Kong SAR Government that attracts foreign direct investment and helps overseas and Mainland companies set up or expand in Hong Kong.</p>\n"
        "      <p>For media enquiries, please contact the InvestHK Marketing Communications team at media@example.investhk.gov.hk.</p>"
        if eng
        else "      <h3>關於投資推廣署</h3>\n"
        "      <p>投資推廣署是香港特區政府負責吸引外來直接投資的部門，協助海外及內地企業在港開設或擴展業務。</p>\n"
        "      <p>傳媒查詢，請聯絡投資推廣署市場傳訊組：media@example.investhk.gov.hk。</p>"
    )
    lang = "en" if eng else "zh-hk"
    date_text = f"{d.day} {d:%B %Y}" if eng else f"{d.year}年{d.month}月{d.day}日"
    other = url.replace(f"/{lang}/", "/zh-hk/" if eng else "/en/")
    modified_meta = (
        f'<meta property="article:modified_time" content="{mod_utc}">\n' if a.get("mod") else ""
    )
    related = "".join(
        f'      <li><a href="http://www.investhk.gov.hk/{lang}/news/related-{i}/">{e(r)}</a></li>\n'
        for i, r in enumerate(a["related"])
    )
    return f"""<!DOCTYPE html>
<html lang="{"en-US" if eng else "zh-HK"}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(a["title"])} - {site}</title>
<link rel="canonical" href="{url}">
<meta property="og:locale" content="{"en_US" if eng else "zh_HK"}">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(a["title"])}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="{site}">
{modified_meta}<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(graph, ensure_ascii=False)}</script>
<link rel="stylesheet" href="https://www.investhk.gov.hk/wp-content/themes/investhk/dist/css/main.css">
</head>
<body class="news-template-default single single-news">
<header class="site-header">
  <a class="site-header__logo" href="http://www.investhk.gov.hk/{lang}/"><img src="https://www.investhk.gov.hk/wp-content/themes/investhk/dist/images/logo.svg" alt="{site}"></a>
  <nav class="site-header__nav"><ul><li><a href="http://www.investhk.gov.hk/{lang}/news/">{"News" if eng else "新聞"}</a></li><li><a href="http://www.investhk.gov.hk/{lang}/events/">{"Events" if eng else "活動"}</a></li></ul></nav>
  <div class="site-header__lang"><a href="{other}">{"繁" if eng else "EN"}</a></div>
</header>
<main id="main" class="site-main">
  <article class="news-detail">
    <div class="news-detail__header">
      <div class="news-detail__type">{e(a.get("section", ""))}</div>
      <h1 class="news-detail__title">{e(a["title"])}</h1>
      <div class="news-detail__date"><time datetime="{d:%Y-%m-%d}">{date_text}</time></div>
    </div>
    <div class="news-detail__content entry-content">
{chr(10).join(paras)}
{trailer}
    </div>
    <div class="news-detail__share">
      <span class="label">{"Share" if eng else "分享"}</span>
      <a href="https://www.linkedin.com/sharing/share-offsite/?url={url}">LinkedIn</a>
      <a href="https://www.facebook.com/sharer/sharer.php?u={url}">Facebook</a>
    </div>
  </article>
  <section class="news-related">
    <h2>{"Related News" if eng else "相關新聞"}</h2>
    <ul>
{related}    </ul>
  </section>
</main>
<footer class="site-footer"><p class="site-footer__copyright">{"Copyright &copy; " + str(d.year) + " Invest Hong Kong. All rights reserved." if eng else "版權所有 &copy; " + str(d.year) + " 投資推廣署"}</p></footer>
</body>
</html>
"""


def t_hanweb(a: Article) -> str:
    d = when(a["pub"])
    url = url_of(a)
    t = a["tpl"]
    eng = t == "hangzhou_en"
    if t == "zjgov":
        site, domain, code = "浙江省人民政府", "www.zj.gov.cn", "3300000068"
        title_tag = f"浙江省人民政府 {a['column']} {a['title']}"
    elif t == "hangzhou_zh":
        site, domain, code = "杭州市人民政府门户网站", "www.hangzhou.gov.cn", "3301000078"
        title_tag = a["title"]
    else:
        site, domain, code = "Hangzhou, China", "eng.hangzhou.gov.cn", "3301000078"
        title_tag = a["title"]
    indent = "" if eng else ' style="text-indent: 2em;"'
    paras = [f"            <p{indent}>{e(p)}</p>" for p in a["paras"]]
    if a["captions"]:
        img = f"/picture/0/{d:%y%m%d%H%M}{hexid(a['key'], 3)}.jpg"
        paras.insert(
            1,
            f'            <p style="text-align: center;"><img src="{img}" border="0" /></p>\n'
            f'            <p style="text-align: center;">{e(a["captions"][0])}</p>',
        )
    if a.get("credit"):
        paras.append(f'            <p style="text-align: right;">{e(a["credit"])}</p>')
    body = "\n".join(paras)
    col_url = f"http://{domain}/col/col{a['col']}/index.html"
    if eng:
        info = (
            f'<span class="date">Updated: {d:%Y-%m-%d}</span>\n'
            f'          <span class="source">Source: {e(a["source"])}</span>\n'
            '          <span class="font-size">Font size: <a href="javascript:doZoom(18)">L</a> <a href="javascript:doZoom(16)">M</a> <a href="javascript:doZoom(14)">S</a></span>'
        )
        tools = (
            '<a href="javascript:window.print()">Print</a> <a href="javascript:window.close()">Close</a>\n'
            '      <span class="share">Share to: <a class="weibo" href="javascript:void(0)">Weibo</a> <a class="wechat" href="javascript:void(0)">WeChat</a></span>'
        )
        nav = (
            f'<a href="http://{domain}/">Home</a> <a href="{col_url}">News</a> '
            f'<a href="http://{domain}/col/col811220/index.html">Business</a> <a href="http://www.hangzhou.gov.cn/">中文</a>'
        )
        position = (
            f'<a href="http://{domain}/">Home</a> &gt; <a href="{col_url}">{e(a["column"])}</a>'
        )
        footer = (
            "<p>Copyright &copy; The People's Government of Hangzhou Municipality. All Rights Reserved.</p>\n"
            "  <p>Sponsored by the Foreign Affairs Office of Hangzhou Municipal People's Government</p>"
        )
    else:
        info = (
            f"<span>发布日期：{d:%Y-%m-%d %H:%M}</span>\n"
            f"          <span>信息来源：{e(a['source'])}</span>\n"
            '          <span class="font-size">字号：[ <a href="javascript:doZoom(20)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a> ]</span>'
        )
        tools = '<a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a>'
        nav = f'<a href="http://{domain}/">首页</a> <a href="{col_url}">{e(a["column"])}</a> <a href="http://{domain}/col/col1229019364/index.html">政务公开</a>'
        position = f'当前位置：<a href="http://{domain}/">首页</a> &gt; <a href="{col_url}">{e(a["column"])}</a>'
        owner = "浙江省人民政府办公厅" if t == "zjgov" else "杭州市人民政府办公厅"
        footer = f"<p>主办：{owner}</p>\n  <p>版权所有：{owner}　网站标识码：{code}</p>"
    related = ""
    if eng:
        related = (
            '    <div class="related">\n      <h4>Related News</h4>\n      <ul>\n'
            f'        <li><a href="http://{domain}/art/{d.year}/{d.month}/{max(1, d.day - 3)}/art_{a["col"]}_{int(a["aid"]) - 4410}.html">Hangzhou hosts international e-commerce forum</a></li>\n'
            "      </ul>\n    </div>\n"
        )
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<meta name="SiteName" content="{site}" />
<meta name="SiteDomain" content="{domain}" />
<meta name="SiteIDCode" content="{code}" />
<meta name="ColumnName" content="{e(a["column"])}" />
<meta name="ColumnDescription" content="{e(a["column"])}" />
<meta name="ColumnKeywords" content="{e(a["column"])}" />
<meta name="ColumnType" content="{"News" if eng else "要闻动态"}" />
<meta name="ArticleTitle" content="{e(a["title"])}" />
<meta name="PubDate" content="{d:%Y-%m-%d %H:%M}" />
<meta name="ContentSource" content="{e(a["source"])}" />
<meta name="Keywords" content="{"Hangzhou,Hong Kong" if eng else "杭州,香港,合作"}" />
<meta name="Author" content="{e(a["source"])}" />
<meta name="Url" content="{url}" />
<title>{e(title_tag)}</title>
<link rel="stylesheet" type="text/css" href="/module/jslib/bootstrap/css/bootstrap.min.css" />
<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>
</head>
<body>
<div class="header">
  <div class="logo"><a href="http://{domain}/"><img src="/picture/0/logo.png" alt="{site}" /></a></div>
  <div class="nav">{nav}</div>
</div>
<div class="main">
  <div class="position">{position}</div>
  <div class="article-box">
    <div class="article-title">{e(a["title"])}</div>
    <div class="article-info">
          {info}
    </div>
    <div class="article-content" id="zoom">
            <!--ZJEG_RSS.content.begin--><meta name="ContentStart" />
{body}
            <meta name="ContentEnd" /><!--ZJEG_RSS.content.end-->
    </div>
    <div class="article-tools">
      {tools}
    </div>
{related}  </div>
</div>
<div class="footer">
  {footer}
</div>
</body>
</html>
"""


def t_people(a: Article) -> str:
    d = when(a["pub"])
    url_of(a)
    legacy = a["tpl"] == "people_legacy"
    channel = a["channel_name"]
    home = f"http://{a['host']}/"
    paras = [f"\t\t\t<p>　　{e(p)}</p>" for p in a["paras"]]
    if a["captions"]:
        paras.insert(
            0,
            f'\t\t\t<p style="text-align: center;"><img src="/NMediaFile/{d:%Y}/{d:%m%d}/LOCAL{d:%Y%m%d%H%M}00001.jpg" width="600" alt="" /></p>\n'
            f'\t\t\t<p style="text-align: center;">{e(a["captions"][0])}</p>',
        )
    body = "\n".join(paras)
    related = "".join(
        f'<li><a href="{home}n2/{d:%Y}/{d:%m%d}/{a["pid"].split("-")[0]}-{int(a["pid"].split("-")[1]) - 500 * (i + 1)}.html">{e(r)}</a></li>'
        for i, r in enumerate(a["related"])
    )
    head = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="content-type" content="text/html;charset=UTF-8"/>
<title>{e(a["title"])}--{channel}--人民网 </title>
<meta name="keywords" content="杭州 香港 合作" />
<meta name="description" content="{e(a["paras"][0][:80])}" />
<meta name="contentid" content="{a["pid"].split("-")[1]}">
<meta name="publishdate" content="{d:%Y-%m-%d}">
<meta name="author" content="10{hexid(a["key"], 4).upper()}">
<meta name="source" content="来源：{e(a["source"])}">
"""
    if legacy:
        return (
            head
            + f"""<link href="/img/2012wbc/css/page.css" type="text/css" rel="stylesheet" media="all" />
</head>
<body>
<div class="w1000 d2_nav clearfix">
	<a href="http://www.people.com.cn/">人民网</a> | <a href="{home}">{channel.removesuffix("频道")}</a>
</div>
<div class="w1000 clearfix" id="rwb_navpath"><a href="http://www.people.com.cn/" class="clink">人民网</a>&gt;&gt;<a href="{home}" class="clink">{channel}</a></div>
<div class="clearfix w1000_320 text_title">
	<h3 class="pre"></h3>
	<h1 id="p_title">{e(a["title"])}</h1>
	<h4 class="sub"></h4>
	<p class="author"></p>
	<div class="box01">
		<div class="fl">{d.year}年{d:%m}月{d:%d}日{d:%H:%M}&nbsp;&nbsp;来源：<a href="{home}" target="_blank">{e(a["source"])}</a></div>
		<div class="fr"><div class="fx"><span>分享到：</span><a class="share-weibo"><img src="/img/2012wbc/images/wb.png" alt="微博" /></a><a class="share-wechat"><img src="/img/2012wbc/images/wx.png" alt="微信" /></a></div></div>
	</div>
</div>
<div class="clearfix w1000_320 text_con">
	<div class="fl text_con_left">
		<div class="box_con" id="rwb_zw">
{body}
			<div class="zdfy clearfix"></div>
			<div class="box_pic">
				<a href="{home}n1/{d:%Y}/{d:%m%d}/c42272-30000001.html"><img src="/NMediaFile/{d:%Y}/{d:%m%d}/MAIN{d:%Y%m%d}1032000412.jpg" alt="" /></a>
				<p><a href="{home}n1/{d:%Y}/{d:%m%d}/c42272-30000001.html">{e(a["related"][0] if a["related"] else "")}</a></p>
			</div>
			<div class="edit clearfix">(责编：{e(a["editor"])})</div>
		</div>
		<div class="box_news"><h2>相关新闻</h2><ul>{related}</ul></div>
	</div>
</div>
<div class="w1000 copyright">人民日报社概况 | 关于人民网 | 报社招聘 | 人民网版权所有，未经书面授权禁止使用</div>
</body>
</html>
"""
        )
    return (
        head
        + f"""<link href="http://www.people.com.cn/img/2020wbc/css/page202102.css" type="text/css" rel="stylesheet" media="all" />
</head>
<body>
<img src="http://www.people.com.cn/img/2020peopleindex/img/logo_share_ap.jpg" width="200" height="200" class="hide share-img" />
<div class="main">
	<div class="header cf"><div class="layout"><a href="http://www.people.cn"><img src="/img/2020wbc/imgs/logo.png" alt="人民网" /></a></div></div>
	<div class="rm_nav cf" id="rm_topnav"><div class="layout rm_nav_con cf"><ul class="cf"><li class="shouye"><a href="http://www.people.com.cn">首页</a></li><li><a href="{home}">浙江</a></li></ul></div></div>
	<div class="layout route cf" id="rwb_navpath">
		<a href="http://www.people.com.cn/" class="clink">人民网</a>&gt;&gt;<a href="{home}" class="clink">{channel}</a>
	</div>
	<div class="layout rm_txt cf">
		<div class="col col-1">
			<h3 class="pre"></h3>
			<h1>{e(a["title"])}</h1>
			<h4 class="sub">{e(a.get("subtitle", ""))}</h4>
			<div class="author cf">{e(a.get("byline", ""))}</div>
			<div class="channel cf">
				<div class="col-1-1">
					{d.year}年{d:%m}月{d:%d}日{d:%H:%M} | 来源：<a href="{home}" target="_blank">{e(a["source"])}</a>
				</div>
				<div class="col-1-2 fr"><span class="rm_type"><img src="/img/2020wbc/imgs/icon_type.png" alt=""><i>小字号</i></span></div>
			</div>
			<div class="rm_txt_con cf">
				<div class="bza"><span></span><p></p></div>
				<div class="box_pic"></div>
{body}
				<div class="zdfy clearfix"></div><center><table border="0" align="center" width="40%"><tr></tr></table></center>
				<div class="edit cf">(责编：{e(a["editor"])})</div>
				<p class="paper_num"><em class="section-common-share-wrap">分享让更多人看到 <i class="btn_share_common"><img src="/img/2020wbc/imgs/share.png" alt=""></i> </em></p>
			</div>
			<div class="rm_relevant cf">
				<h5><span></span>相关新闻</h5>
				<ul>{related}</ul>
			</div>
		</div>
	</div>
	<div class="rm_footer cf"><div class="layout information cf"><p>人民日报社概况 | 关于人民网 | 网站声明</p><p>人民网版权所有，未经书面授权禁止使用</p></div></div>
</div>
</body>
</html>
"""
    )


TEMPLATES = {
    "chinadaily_en": t_chinadaily_en,
    "chinadaily_cn": t_chinadaily_cn,
    "chinadailyhk": t_chinadailyhk,
    "newsgovhk_en": t_newsgovhk,
    "newsgovhk_chi": t_newsgovhk,
    "infogovhk_en": t_infogovhk,
    "infogovhk_tc": t_infogovhk,
    "rthk_en": t_rthk,
    "rthk_ch": t_rthk,
    "scmp": t_scmp,
    "xinhua_legacy_en": t_xinhua_legacy_en,
    "xinhua_legacy_zh": t_xinhua_legacy_zh,
    "xinhua_en": t_xinhua_en,
    "xinhua_zh": t_xinhua_zh,
    "hktdc_en": t_hktdc,
    "hktdc_tc": t_hktdc,
    "investhk_en": t_investhk,
    "investhk_zhhk": t_investhk,
    "hangzhou_zh": t_hanweb,
    "hangzhou_en": t_hanweb,
    "zjgov": t_hanweb,
    "people_legacy": t_people,
    "people": t_people,
}

LANGUAGE_OF = {
    "en": "en",
    "cn": "zh-Hans",
    "hk": "en",
    "newsgovhk_en": "en",
    "newsgovhk_chi": "zh-Hant",
}


def language_of(a: Article) -> str:
    text = a["title"] + "".join(plain_paras(a))
    if not re.search(r"[\u4e00-\u9fff]", text):
        return "en"
    return (
        "zh-Hant"
        if a["tpl"] in ("infogovhk_tc", "newsgovhk_chi", "rthk_ch", "hktdc_tc", "investhk_zhhk")
        else "zh-Hans"
    )


# =============================================================================================
# Writing pages
# =============================================================================================


def site_path(url: str) -> Path:
    rest = url.removeprefix("http://")
    host, _, path = rest.partition("/")
    path = path.split("?")[0]
    if path == "" or path.endswith("/"):
        path += "index.html"
    return SITE / host / path


def write(url: str, text: str, encoding: str = "utf-8") -> Path:
    target = site_path(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode(encoding))
    return target


# What the parsers make of the text: Xinhua drops the reporters' credit after a Chinese dateline
# and the "Enditem" mark; lists become one paragraph per item.
_CREDIT = re.compile(r"^(\S{0,30}?电)\s*[（(]\s*((?:新华社)?记者[^）)]{1,40})[）)]")


def expected_body(a: Article) -> list[str]:
    paras = plain_paras(a)
    if a["tpl"].startswith("xinhua"):
        paras = [_CREDIT.sub(r"\1 ", p, count=1) for p in paras]
        paras = [re.sub(r"\s*\bEnditem\s*$", "", p) for p in paras]
    return [" ".join(p.split()) for p in paras]


# =============================================================================================
# Feeds, list pages, search answers
# =============================================================================================

FEEDS: dict[str, Article] = {}  # source id -> {"url":..., "kind":..., "items": [article dicts]}


def by_tpl(*tpls: str, keys: tuple[str, ...] = ()) -> list[Article]:
    return [a for a in ARTICLES if a["tpl"] in tpls or a["key"] in keys]


def rss(
    channel_title: str, link: str, description: str, language: str, items: str, ns: str = ""
) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"{ns}>
  <channel>
    <title>{e(channel_title)}</title>
    <link>{e(link)}</link>
    <description>{e(description)}</description>
    <language>{language}</language>
{items}  </channel>
</rss>
"""


def newest_first(items: list[Article]) -> list[Article]:
    return sorted(items, key=lambda a: when(a["pub"]), reverse=True)


def summary_of(a: Article) -> str:
    return a.get("summary") or plain_paras(a)[0]


def build_feeds() -> list[Article]:
    """Write every feed, list page and search answer; returns the source entries for them."""
    sources: list[Article] = []

    def add(
        source: Article, items: list[Article], body: str | bytes, url: str | None = None
    ) -> None:
        target = url or source["url"]
        if isinstance(body, bytes):
            p = site_path(target)
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(body)
        else:
            write(target, body)
        source["_items"] = [a["key"] for a in items]
        source["_file"] = str(site_path(target).relative_to(DEMO))
        sources.append(source)

    # --- info.gov.hk: press-release RSS (English, Chinese) and one daily index ---------------
    for lang, tpl, feed_lang in (("en", "infogovhk_en", "en-us"), ("zh", "infogovhk_tc", "zh-hk")):
        items = newest_first(by_tpl(tpl))
        rows = ""
        for a in items:
            d = when(a["pub"])
            stamp = rfc822(d) if lang == "en" else d.strftime("%a, %d %b %Y %H:%M:%S")
            rows += (
                f"    <item>\n      <title>{e(a['title'])}</title>\n      <link>{url_of(a)}</link>\n"
                f"      <description><![CDATA[{summary_of(a)}]]></description>\n"
                f"      <pubDate>{stamp}</pubDate>\n"
                f'      <guid isPermaLink="true">{url_of(a)}</guid>\n    </item>\n'
            )
        title = "Hong Kong Government Press Releases" if lang == "en" else "香港特區政府新聞公報"
        add(
            dict(
                id=f"infogovhk-press-{lang}",
                name=title,
                kind="govhk_press",
                url=f"http://www.info.gov.hk/gia/rss/general_{lang}.xml",
                language="en" if lang == "en" else "zh-Hant",
                publisher="HKSAR Government press releases",
                official=True,
                poll_interval_minutes=30,
            ),
            items,
            rss(
                title,
                f"http://www.info.gov.hk/gia/general/today{'' if lang == 'en' else 'c'}.htm",
                "Press releases issued by the Government of the Hong Kong SAR"
                if lang == "en"
                else "香港特別行政區政府新聞公報",
                feed_lang,
                rows,
            ),
        )
    day = [a for a in ARTICLES if a["key"] == "h1-info-en"]
    a = day[0]
    d = when(a["pub"])
    index = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Press Releases - {d:%B} {d.day}, {d.year} ({d:%A})</title>
<link rel="stylesheet" type="text/css" href="/gia/css/gia_common.css" />
</head>
<body>
<a href="#mainContent" class="skipLink">Go to main content</a>
<div id="header"><a href="/gia/general/today.htm">Today's Press Releases</a> | <a href="/gia/ISD_public_Calendar_en.html">News Archives</a> | <a href="/gia/general/{d:%Y%m}/{d:%d}c.htm">繁體版</a></div>
<div id="mainContent">
  <h1>Press Releases</h1>
  <p class="dateTitle">{d:%B} {d.day}, {d.year} ({d:%A})</p>
  <table class="prList" summary="press releases">
    <tr><th>Time</th><th>Title</th></tr>
    <tr><td class="time">{d:%H:%M}</td><td><a href="/gia/general/{d:%Y%m}/{d:%d}/{a["pno"]}.htm">{e(a["title"])}</a></td></tr>
  </table>
</div>
<div id="footer"><a href="/gia/general/{d:%Y%m}/14.htm">Previous day</a> | <a href="/gia/general/{d:%Y%m}/16.htm">Next day</a> | <a href="/gia/copyright.htm">Important Notices</a></div>
</body>
</html>
"""
    add(
        dict(
            id="infogovhk-day-20180915",
            name="HKSAR Government press releases: 15 September 2018",
            kind="govhk_press",
            url=f"http://www.info.gov.hk/gia/general/{d:%Y%m}/{d:%d}.htm",
            language="en",
            publisher="HKSAR Government press releases",
            official=True,
            poll_interval_minutes=1440,
        ),
        day,
        index,
    )

    # --- news.gov.hk: top stories RSS, English and Chinese ------------------------------------
    for lang, tpl in (("en", "newsgovhk_en"), ("tc", "newsgovhk_chi")):
        items = newest_first(by_tpl(tpl))
        rows = ""
        for a in items:
            rows += (
                f"    <item>\n      <title>{e(a['title'])}</title>\n      <link>{url_of(a)}</link>\n"
                f"      <description>{e(summary_of(a))}</description>\n"
                f"      <pubDate>{rfc822(when(a['pub']))}</pubDate>\n"
                f"      <guid>{url_of(a)}</guid>\n    </item>\n"
            )
        title = "news.gov.hk - Top Stories" if lang == "en" else "香港政府新聞網 - 焦點新聞"
        add(
            dict(
                id=f"newsgovhk-{lang}-top",
                name=title,
                kind="rss",
                url=f"http://www.news.gov.hk/{lang}/common/html/topstories.rss.xml",
                language="en" if lang == "en" else "zh-Hant",
                publisher="news.gov.hk",
                official=True,
                poll_interval_minutes=60,
            ),
            items,
            rss(
                title,
                f"http://www.news.gov.hk/{'eng' if lang == 'en' else 'chi'}/index.html",
                "Top stories from the Hong Kong Government's news portal"
                if lang == "en"
                else "香港特區政府新聞網焦點新聞",
                "en" if lang == "en" else "zh-hk",
                rows,
            ),
        )

    # --- RTHK: local news RSS, English and Chinese --------------------------------------------
    for lang, tpl in (("e", "rthk_en"), ("c", "rthk_ch")):
        items = newest_first(by_tpl(tpl))
        rows = ""
        for a in items:
            rows += (
                f"    <item>\n      <title><![CDATA[{a['title']}]]></title>\n      <link>{url_of(a)}</link>\n"
                f"      <description><![CDATA[<p>{summary_of(a)}</p>]]></description>\n"
                f"      <pubDate>{rfc822(when(a['pub']))}</pubDate>\n"
                f'      <guid isPermaLink="false">{a["rid"]}-{when(a["pub"]):%Y%m%d}</guid>\n    </item>\n'
            )
        title = "RTHK News - Local" if lang == "e" else "香港電台新聞 - 本地"
        add(
            dict(
                id=f"rthk-{'en' if lang == 'e' else 'zh'}-local",
                name=title,
                kind="rss",
                url=f"http://rthk.hk/rthk/news/rss/{lang}_expressnews_{lang}local.xml",
                language="en" if lang == "e" else "zh-Hant",
                publisher="RTHK",
                poll_interval_minutes=30,
            ),
            items,
            rss(
                title,
                f"http://news.rthk.hk/rthk/{'en' if lang == 'e' else 'ch'}/latest-news/local.htm",
                "Local news from the public broadcaster" if lang == "e" else "本地新聞",
                "en-US" if lang == "e" else "zh-HK",
                rows,
            ),
        )

    # --- SCMP: section feeds (Hong Kong, China) -----------------------------------------------
    scmp_hk = [
        a
        for a in ARTICLES
        if a["tpl"] == "scmp" and a["scmp"][1].startswith(("news/hong-kong", "sport"))
    ]
    scmp_cn = [a for a in ARTICLES if a["tpl"] == "scmp" and a not in scmp_hk]
    for number, name, items in (("2", "Hong Kong", scmp_hk), ("4", "China", scmp_cn)):
        items = newest_first(items)
        rows = ""
        for a in items:
            rows += (
                f"    <item>\n      <title><![CDATA[{a['title']}]]></title>\n"
                f"      <link>{url_of(a)}?utm_source=rss_feed</link>\n"
                f"      <description><![CDATA[{a.get('subtitle', '')}]]></description>\n"
                f"      <pubDate>{rfc822(when(a['pub']), UTC).replace('GMT', '+0000')}</pubDate>\n"
                f"      <dc:creator><![CDATA[{', '.join(a['authors'])}]]></dc:creator>\n"
                f'      <guid isPermaLink="false">{a["scmp"][0]} at https://www.scmp.com</guid>\n    </item>\n'
            )
        add(
            dict(
                id=f"scmp-{name.lower().replace(' ', '')}",
                name=f"SCMP {name}",
                kind="rss",
                url=f"http://www.scmp.com/rss/{number}/feed",
                language="en",
                publisher="South China Morning Post",
                poll_interval_minutes=60,
            ),
            items,
            rss(
                f"{name} - South China Morning Post",
                f"http://www.scmp.com/{'news/hong-kong' if number == '2' else 'news/china'}",
                f"{name} news from the South China Morning Post",
                "en",
                rows,
                ns=' xmlns:dc="http://purl.org/dc/elements/1.1/"',
            ),
        )

    # --- China Daily (English): China feed, zone-less times (China time) ----------------------
    items = newest_first(by_tpl("chinadaily_en"))
    rows = ""
    for a in items:
        rows += (
            f"    <item>\n      <title>{e(a['title'])}</title>\n      <link>{url_of(a)}</link>\n"
            f"      <description>{e(summary_of(a))}</description>\n"
            f"      <pubDate>{when(a['pub']):%Y-%m-%d %H:%M:%S}</pubDate>\n"
            f"      <dc:creator>{e(a.get('byline', 'Staff reporter').removeprefix('By ').split(' in ')[0].title())}</dc:creator>\n"
            f"      <guid>{url_of(a)}</guid>\n    </item>\n"
        )
    add(
        dict(
            id="chinadaily-china",
            name="China Daily: China",
            kind="rss",
            url="http://www.chinadaily.com.cn/rss/china_rss.xml",
            language="en",
            publisher="China Daily",
            default_tz="+08:00",
            poll_interval_minutes=60,
        ),
        items,
        rss(
            "China Daily - China",
            "http://www.chinadaily.com.cn/china",
            "China news",
            "en",
            rows,
            ns=' xmlns:dc="http://purl.org/dc/elements/1.1/"',
        ),
    )

    # --- List pages (html_list) ----------------------------------------------------------------
    def list_page(
        title: str,
        lang: str,
        items: list[Article],
        furniture: str,
        date_fmt: Callable[[datetime], str],
    ) -> str:
        lis = "".join(
            f'    <li><a href="{url_of(a)}" target="_blank" title="{e(a["title"])}">{e(a["title"])}</a><span class="date">{date_fmt(when(a["pub"]))}</span></li>\n'
            for a in newest_first(items)
        )
        return f"""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{e(title)}</title></head>
<body>
{furniture}
<div class="news-list">
  <ul>
{lis}  </ul>
</div>
<div class="page"><a href="javascript:void(0)">&lt;</a> 1 <a href="javascript:void(0)">&gt;</a></div>
<div class="footer"><a href="mailto:webmaster@example.gov.cn">Contact</a></div>
</body>
</html>
"""

    def ymd(d: datetime) -> str:
        return f"{d:%Y-%m-%d}"

    lists = [
        (
            "cdhk-hk",
            "China Daily HK: Hong Kong",
            "http://www.chinadailyhk.com/hk/",
            "a[href*='/hk/article/']",
            "en",
            "China Daily Hong Kong",
            False,
            by_tpl("chinadailyhk"),
            '<header><nav><a href="/hk">Hong Kong</a> <a href="/china">China</a> <a href="/world">World</a></nav></header>',
        ),
        (
            "chinadaily-cn-local",
            "中国日报网 地方",
            "http://cn.chinadaily.com.cn/5b753f9fa310030f813cf408/5bd549f1a3101a87ca8ff5e0/",
            "a[href*='/a/']",
            "zh-Hans",
            "China Daily",
            False,
            by_tpl("chinadaily_cn"),
            '<div class="topbar"><a href="//cn.chinadaily.com.cn/">首页</a> <a href="//cn.chinadaily.com.cn/yuanchuang/">原创</a></div>',
        ),
        (
            "xinhua-gangao",
            "新华网 港澳",
            "http://www.news.cn/gangao/index.htm",
            "a[href$='/c.html'], a[href*='/c_']",
            "zh-Hans",
            "Xinhua",
            False,
            by_tpl("xinhua_zh", "xinhua_legacy_zh"),
            '<div class="nav"><a href="http://www.news.cn/">首页</a> <a href="http://www.news.cn/politics/">时政</a></div>',
        ),
        (
            "xinhua-en-china",
            "Xinhua English: China",
            "http://english.news.cn/china/index.htm",
            "a[href$='/c.html'], a[href*='/c_']",
            "en",
            "Xinhua",
            False,
            by_tpl("xinhua_en", "xinhua_legacy_en"),
            '<div class="nav"><a href="https://english.news.cn/">Home</a> <a href="https://english.news.cn/world/index.htm">World</a></div>',
        ),
        (
            "people-zj",
            "人民网 浙江频道 要闻",
            "http://zj.people.com.cn/GB/186327/index.html",
            "a[href*='/n2/']",
            "zh-Hans",
            "People's Daily",
            False,
            [a for a in by_tpl("people", "people_legacy") if a["host"].startswith("zj.")],
            '<div class="nav"><a href="http://www.people.com.cn/">人民网</a> <a href="http://zj.people.com.cn/">浙江频道</a></div>',
        ),
        (
            "people-hm",
            "人民网 港澳频道",
            "http://hm.people.com.cn/GB/42272/index.html",
            "a[href*='/n1/']",
            "zh-Hans",
            "People's Daily",
            False,
            [a for a in by_tpl("people", "people_legacy") if a["host"].startswith("hm.")],
            '<div class="nav"><a href="http://www.people.com.cn/">人民网</a> <a href="http://hm.people.com.cn/">港澳频道</a></div>',
        ),
        (
            "hktdc-en",
            "HKTDC Media Room: press releases",
            "http://mediaroom.hktdc.com/en/pressrelease/",
            "a[href*='/pressrelease/detail/']",
            "en",
            "HKTDC",
            False,
            by_tpl("hktdc_en"),
            '<header class="mr-header"><a href="/en/">HKTDC Media Room</a> <a href="/en/photo/">Photo Library</a></header>',
        ),
        (
            "hktdc-tc",
            "香港貿發局新聞中心：新聞稿",
            "http://mediaroom.hktdc.com/tc/pressrelease/",
            "a[href*='/pressrelease/detail/']",
            "zh-Hant",
            "HKTDC",
            False,
            by_tpl("hktdc_tc"),
            '<header class="mr-header"><a href="/tc/">香港貿發局新聞中心</a> <a href="/tc/photo/">圖片庫</a></header>',
        ),
        (
            "hangzhou-gov-zh",
            "杭州市人民政府 杭州要闻",
            "http://www.hangzhou.gov.cn/col/col812262/index.html",
            "a[href*='/art/']",
            "zh-Hans",
            "Hangzhou Municipal Government",
            True,
            by_tpl("hangzhou_zh"),
            '<div class="nav"><a href="http://www.hangzhou.gov.cn/">首页</a> <a href="http://www.hangzhou.gov.cn/col/col812262/index.html">杭州要闻</a></div>',
        ),
        (
            "hangzhou-gov-en",
            "Hangzhou, China: Latest News",
            "http://eng.hangzhou.gov.cn/col/col811217/index.html",
            "a[href*='/art/']",
            "en",
            "Hangzhou Municipal Government",
            True,
            by_tpl("hangzhou_en"),
            '<div class="nav"><a href="http://eng.hangzhou.gov.cn/">Home</a> <a href="http://www.hangzhou.gov.cn/">中文</a></div>',
        ),
        (
            "zhejiang-gov-zh",
            "浙江省人民政府 浙江要闻",
            "http://www.zj.gov.cn/col/col1554467/index.html",
            "a[href*='/art/']",
            "zh-Hans",
            "Zhejiang Provincial Government",
            True,
            by_tpl("zjgov"),
            '<div class="nav"><a href="http://www.zj.gov.cn/">首页</a> <a href="http://www.zj.gov.cn/col/col1554467/index.html">浙江要闻</a></div>',
        ),
    ]
    for sid, name, url, selector, lang, publisher, official, items, furniture in lists:
        add(
            dict(
                id=sid,
                name=name,
                kind="html_list",
                url=url,
                selector=selector,
                language=lang,
                publisher=publisher,
                official=official,
                poll_interval_minutes=720,
            ),
            items,
            list_page(name, "en" if lang == "en" else "zh", items, furniture, ymd),
        )

    # --- InvestHK JSON listing ------------------------------------------------------------------
    items = newest_first(by_tpl("investhk_en", "investhk_zhhk"))
    records = [
        {
            "nid": str(9400 + i),
            "title": a["title"],
            "url": url_of(a).removeprefix("http://www.investhk.gov.hk"),
            "date": when(a["pub"]).isoformat(),
            **({"updated": when(a["mod"]).isoformat()} if a.get("mod") else {}),
            "summary": summary_of(a),
            "lang": "en" if a["tpl"] == "investhk_en" else "zh-hk",
        }
        for i, a in enumerate(items)
    ]
    doc = {"status": "ok", "page": 0, "data": {"total": len(records), "items": records}}
    add(
        dict(
            id="investhk-news-json",
            name="InvestHK news (JSON listing)",
            kind="investhk_json",
            url="http://www.investhk.gov.hk/en/news/news.json",
            language="en",
            publisher="InvestHK",
            official=True,
            poll_interval_minutes=720,
        ),
        items,
        json.dumps(doc, ensure_ascii=False, indent=1) + "\n",
    )

    # --- GDELT DOC ArtList answer --------------------------------------------------------------
    gdelt_keys = [
        "h1-xinhua-zh",
        "h1-cdcn",
        "h1-cd-en",
        "h1-cdhk-neardup",
        "h2-xinhua-en",
        "h2-cd-syn",
        "h2-scmp",
        "h2-people-neardup",
        "h3-xinhua-zh",
        "h3-people-syn",
        "h3-cdcn-neardup",
        "h3-scmp",
        "h3-cdhk",
        "t-shenzhen",
        "t-ipo-2019",
        "h4-xinhua-zh",
        "h4-xinhua-en",
        "h4-cdcn-neardup",
        "h4-scmp",
        "h4-cdhk",
        "t-macau-ce",
        "t-football",
        "h5-xinhua-en",
        "h5-xinhua-zh",
        "h5-cdhk",
        "h5-cd-neardup",
        "h5-people",
        "h5-scmp",
        "t-ipo-2025",
        "t-stocks-2025",
        "h5-newsgov-en",
        "h5-rthk-en",
    ]
    by_key = {a["key"]: a for a in ARTICLES}
    gitems = newest_first([by_key[k] for k in gdelt_keys])
    records = []
    for a in gitems:
        u = url_of(a)
        host = u.removeprefix("http://").split("/")[0]
        domain = (
            ".".join(host.split(".")[-3:])
            if host.endswith((".com.cn", ".gov.hk", ".gov.cn"))
            else ".".join(host.split(".")[-2:])
        )
        zh = language_of(a) != "en"
        country = "Hong Kong" if host.endswith((".hk", "chinadailyhk.com", "scmp.com")) else "China"
        records.append(
            {
                "url": u,
                "url_mobile": "",
                "title": a["title"],
                "seendate": when(a["pub"]).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"),
                "socialimage": "",
                "domain": domain,
                "language": "Chinese" if zh else "English",
                "sourcecountry": country,
            }
        )
    body = (
        '{"articles": [ '
        + ",\n ".join(json.dumps(r, ensure_ascii=False) for r in records)
        + "\n] }\n"
    )
    add(
        dict(
            id="gdelt-hangzhou-hongkong",
            name="GDELT DOC: Hangzhou/Zhejiang + Hong Kong",
            kind="gdelt_doc",
            url="http://api.gdeltproject.org/api/v2/doc/artlist.json",
            query='(Hangzhou OR Zhejiang) "Hong Kong"',
            timespan="3d",
            poll_interval_minutes=180,
        ),
        gitems,
        body,
    )

    # --- Google News search RSS (headline-only items) -------------------------------------------
    editions = {
        "gnews-en-hk": ("en-HK", "HK:en", 'Hangzhou "Hong Kong"', "Google News", "en-HK"),
        "gnews-zh-hk": ("zh-HK", "HK:zh-Hant", "杭州 香港 合作", "Google 新聞", "zh-HK"),
        "gnews-zh-cn": ("zh-CN", "CN:zh-Hans", "杭州 香港 合作", "Google 新闻", "zh-CN"),
    }
    for sid, entries in GOOGLE_NEWS.items():
        edition, ceid, query, label, language = editions[sid]
        rows = ""
        for g in sorted(entries, key=lambda g: when(g["pub"]), reverse=True):
            link = f"http://news.google.com/rss/articles/{g['gid']}"
            full = f"{g['title']} - {g['publisher']}"
            desc = (
                f'&lt;a href="{link}" target="_blank"&gt;{e(g["title"])}&lt;/a&gt;&amp;nbsp;&amp;nbsp;'
                f'&lt;font color="#6f6f6f"&gt;{e(g["publisher"])}&lt;/font&gt;'
            )
            rows += (
                f"    <item>\n      <title>{e(full)}</title>\n      <link>{link}</link>\n"
                f'      <guid isPermaLink="false">{g["gid"]}</guid>\n'
                f"      <pubDate>{rfc822(when(g['pub']), UTC)}</pubDate>\n"
                f"      <description>{desc}</description>\n"
                f'      <source url="{g["site"]}">{e(g["publisher"])}</source>\n    </item>\n'
            )
        feed = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <generator>NFE/5.0</generator>
    <title>{e(query)} - {label}</title>
    <link>https://news.google.com/search?hl={edition}&amp;gl={edition[-2:]}&amp;ceid={ceid}</link>
    <language>{language}</language>
    <webMaster>news-webmaster@google.com</webMaster>
    <copyright>Demo data</copyright>
    <lastBuildDate>Thu, 01 May 2025 00:00:00 GMT</lastBuildDate>
    <description>{label}</description>
{rows}  </channel>
</rss>
"""
        write(f"http://news.google.com/rss/search/{edition}.xml", feed)
        sources.append(
            dict(
                id=sid,
                name=f"{label} ({edition}): {query}",
                kind="google_news",
                edition=edition,
                url=f"http://news.google.com/rss/search/{edition}.xml",
                query=query,
                poll_interval_minutes=60,
                _items=[g["gid"] for g in entries],
                _file=str(
                    site_path(f"http://news.google.com/rss/search/{edition}.xml").relative_to(DEMO)
                ),
            )
        )
    return sources


# =============================================================================================
# sources.toml, expected.jsonl, intended.json
# =============================================================================================


def toml_value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    return json.dumps(v, ensure_ascii=False)


SOURCES_HEADER = """# The demo corpus's sources: the same schema as config/sources.toml (see its header for every
# field). `hzhk demo` serves demo/site/ on 127.0.0.1 and answers for each real host below, so every
# URL is the publisher's real address over http://. Search kinds (google_news, gdelt_doc) carry a
# `url` that replaces the service's address, as the schema allows; their query is sent but the
# demo server ignores query strings.
#
# Generated by demo/generator/build.py from demo/generator/corpus.py.
"""

ORDER = (
    "id",
    "name",
    "kind",
    "edition",
    "url",
    "query",
    "timespan",
    "selector",
    "language",
    "publisher",
    "official",
    "default_tz",
    "poll_interval_minutes",
)


def write_sources(sources: list[Article]) -> None:
    out = [SOURCES_HEADER]
    for s in sources:
        out.append("\n[[source]]")
        for k in ORDER:
            if k in s and s[k] is not None:
                out.append(f"{k} = {toml_value(s[k])}")
    (DEMO / "sources.toml").write_text("\n".join(out) + "\n", "utf-8")


UNITS = {
    "hk_projects_in_hangzhou": "projects",
    "hk_investment_in_hangzhou": "USD",
    "hangzhou_projects_in_hk": "projects",
    "hangzhou_investment_in_hk": "USD",
    "mous_signed": "agreements",
    "cooperation_areas": "areas",
    "cooperation_projects": "projects",
}


def figure(measure: str, value: float, as_of: str) -> Article:
    number: float | int = int(value) if float(value).is_integer() else value
    return {"measure": measure, "value": number, "unit": UNITS[measure], "as_of": as_of}


def write_expected(sources: list[Article]) -> list[Article]:
    by_key = {a["key"]: a for a in ARTICLES}
    lines: list[Article] = []
    for a in sorted(ARTICLES, key=lambda a: (when(a["pub"]), a["key"])):
        lines.append(
            {
                "url": url_of(a),
                "publisher": PARSER_OF[a["tpl"]][1],
                "language": language_of(a),
                "published": when(a["pub"]).isoformat(),
                "relevant": a["relevant"],
                "happening": a.get("happening"),
                "role": a["role"],
                "copy_of": url_of(by_key[a["copy_of"]]) if a.get("copy_of") else None,
                "trap": a.get("trap"),
                "figures": [figure(*f) for f in a["figures"]],
                "title": parsed_title(a),
                "updated": when(a["mod"]).isoformat() if a.get("mod") else None,
                "kind": "page",
                "note": None,
            }
        )
        if a.get("disagreement"):
            line = lines[-1]
            for f in line["figures"]:
                if f["measure"] == "hk_investment_in_hangzhou":
                    f["disagrees_with"] = 140_000_000_000
            line["note"] = (
                "deliberate disagreement: this page gives Hong Kong investment in Hangzhou at end-2018 "
                "as US$104 billion; every other outlet gives more than US$140 billion"
            )
    gn_lang = {"gnews-en-hk": "en", "gnews-zh-hk": "zh-Hant", "gnews-zh-cn": "zh-Hans"}
    for sid, entries in GOOGLE_NEWS.items():
        for g in entries:
            role = g.get("role", "report")
            lines.append(
                {
                    "url": f"http://news.google.com/rss/articles/{g['gid']}",
                    "publisher": g["publisher"],
                    "language": gn_lang[sid],
                    "published": when(g["pub"]).isoformat(),
                    "relevant": role != "trap",
                    "happening": g.get("happening"),
                    "role": role,
                    "copy_of": None,
                    "trap": g.get("trap"),
                    "figures": [],
                    "title": g["title"],
                    "updated": None,
                    "kind": "google_news_headline",
                    "note": None,
                }
            )
    lines.sort(key=lambda x: (x["published"], x["url"]))
    with (DEMO / "expected.jsonl").open("w", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return lines


_ATTACHMENT = re.compile(r"\s*[（(](with photos?|附圖)[)）]$")


def parsed_title(a: Article) -> str:
    """The headline the parser gives: info.gov.hk's "(with photos)"/"（附圖）" note is not part of it."""
    return _ATTACHMENT.sub("", a["title"]) if a["tpl"].startswith("infogovhk") else a["title"]


def furniture_of(a: Article) -> list[str]:
    """Texts on the page that are not the article: they must not reach the body."""
    return [*a["captions"], *a.get("gallery", []), *a["related"]]


def write_intended(sources: list[Article]) -> None:
    pages = {}
    for a in ARTICLES:
        url = url_of(a)
        parser, label = PARSER_OF[a["tpl"]]
        pages[url] = {
            "key": a["key"],
            "file": str(site_path(url).relative_to(DEMO)),
            "parser": parser,
            "publisher": label,
            "title": parsed_title(a),
            "published": when(a["pub"]).isoformat(),
            "updated": when(a["mod"]).isoformat() if a.get("mod") else None,
            "language": language_of(a),
            "body": expected_body(a),
            "furniture": furniture_of(a),
        }
    feeds = []
    by_key = {a["key"]: a for a in ARTICLES}
    gn = {g["gid"]: g for entries in GOOGLE_NEWS.values() for g in entries}
    for s in sources:
        items = []
        for k in s["_items"]:
            if k in by_key:
                a = by_key[k]
                items.append(
                    {"url": url_of(a), "title": a["title"], "published": when(a["pub"]).isoformat()}
                )
            else:
                g = gn[k]
                items.append(
                    {
                        "url": f"http://news.google.com/rss/articles/{k}",
                        "title": g["title"],
                        "published": when(g["pub"]).isoformat(),
                        "publisher": g["publisher"],
                    }
                )
        feed = {k: v for k, v in s.items() if not k.startswith("_")}
        feed.update(file=s["_file"], items=items, dated=s["kind"] != "html_list")
        feeds.append(feed)
    (DEMO / "intended.json").write_text(
        json.dumps({"pages": pages, "feeds": feeds}, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )


ROBOTS = {
    "www.scmp.com": "User-agent: *\nDisallow: /search/\nDisallow: /user/\nDisallow: /print/\n",
    "news.rthk.hk": "User-agent: *\nDisallow: /rthk/cgi-bin/\n",
    "www.info.gov.hk": "User-agent: *\nDisallow: /cgi-bin/\n",
}


def main() -> None:
    if SITE.exists():
        shutil.rmtree(SITE)
    for a in ARTICLES:
        page = TEMPLATES[a["tpl"]](a)
        encoding = "big5hkscs" if a.get("charset") == "big5" else "utf-8"
        try:
            write(url_of(a), page, encoding)
        except UnicodeEncodeError as exc:
            raise SystemExit(f"{a['key']}: not encodable as {encoding}: {exc}") from exc
    for host, text in ROBOTS.items():
        (SITE / host).mkdir(parents=True, exist_ok=True)
        (SITE / host / "robots.txt").write_text(text, "utf-8")
    sources = build_feeds()
    write_sources(sources)
    write_expected(sources)
    write_intended(sources)
    listed = {k for s in sources for k in s["_items"]}
    missing = [a["key"] for a in ARTICLES if a["key"] not in listed]
    if missing:
        raise SystemExit(f"pages no feed lists: {missing}")
    print(
        f"{len(ARTICLES)} pages, {sum(len(v) for v in GOOGLE_NEWS.values())} Google News items, "
        f"{len(sources)} sources"
    )


if __name__ == "__main__":
    main()
