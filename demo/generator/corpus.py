# ruff: noqa: E501  (page templates and article text: long lines are content)
"""The demo corpus as data: every article page, its page metadata and its ground truth.

Every sentence here was written for this corpus. Facts about the five happenings come from
the seed article's notes and the public record; follow-ups add illustrative next steps and the
trap stories are composites (unnamed firms, a made-up band), which demo/README.md says. `build.py`
renders these records into real-shaped pages under demo/site/, the feeds that list them,
demo/expected.jsonl and demo/intended.json.

Fields of an article (dict):
  key        short id used for copy_of links and feed membership
  tpl        page template (one per publisher layout; see build.py)
  pub        publication time as the page shows it, Hong Kong / China time "YYYY-MM-DD HH:MM[:SS]"
  mod        (optional) later modification time, same format
  title, subtitle, authors, byline, section, source, editor, column, credit
  paras      the article text, one string per paragraph (a list: ("ul", [items]))
  captions   photo captions (page furniture: must stay out of the body); gallery: more captions
  related    related-story headlines (furniture)
  summary    the feed description
  happening, role, copy_of (key), trap, figures [(measure, value, as_of)]
  id fields  per template: rid (RTHK), pno (info.gov.hk), nsuffix (news.gov.hk), cid (Xinhua
             legacy), col/aid (Hanweb), pid/host (People), scmp (id, path, slug), cdhk, prid, slug
"""

from __future__ import annotations

from typing import Any

Article = dict[str, Any]

H1 = "2018-09-hz-promotion-hk"
H2 = "2019-04-city-brain-hk"
H3 = "2019-06-forum-hk"
H4 = "2023-06-zj-hk-week"
H5 = "2025-04-conference-hz"

END17 = "2017-12-31"
END18 = "2018-12-31"

F_2017 = [
    ("hk_projects_in_hangzhou", 6000, END17),
    ("hk_investment_in_hangzhou", 120e9, END17),
    ("hangzhou_projects_in_hk", 294, END17),
    ("hangzhou_investment_in_hk", 1.1e9, END17),
]
F_2018 = [("hk_projects_in_hangzhou", 6400, END18), ("hk_investment_in_hangzhou", 140e9, END18)]
F_MOU = [("mous_signed", 8, "2019-06-13")]
F_2023 = [("cooperation_areas", 12, "2023-06-26")]
F_2025 = [("cooperation_areas", 13, "2025-04-24"), ("cooperation_projects", 51, "2025-04-24")]

ARTICLES: list[Article] = []


def art(**fields: Any) -> Article:
    fields.setdefault("role", "report")
    fields.setdefault("relevant", fields.get("role") != "trap")
    fields.setdefault("figures", [])
    fields.setdefault("captions", [])
    fields.setdefault("related", [])
    fields.setdefault("authors", [])
    ARTICLES.append(fields)
    return fields


# =============================================================================================
# 1. 2018-09: Hangzhou investment promotion in Hong Kong (Sat 15 Sep 2018, ISO 2018-W37)
# =============================================================================================

art(
    key="h1-info-en",
    tpl="infogovhk_en",
    pno="P2018091500602",
    pub="2018-09-15 18:12",
    title="CE meets Party Secretary of Hangzhou (with photo)",
    paras=[
        "The Chief Executive, Mrs Carrie Lam, received the Party Secretary of the CPC Hangzhou "
        "Municipal Committee, Mr Zhou Jiangyong, today (September 15). Mr Zhou is in Hong Kong "
        "heading a Hangzhou delegation on an investment promotion visit.",
        "Welcoming the visitors, Mrs Lam remarked that economic links between Hong Kong and "
        "Hangzhou had long been close. She pointed to the city's financial sector, its "
        "professional services and its international network as assets that Hangzhou "
        "enterprises could draw on when they go abroad.",
        "Mr Zhou gave an account of Hangzhou's recent development. Figures from the Hangzhou side "
        "put the number of Hong Kong-invested projects in Hangzhou at about 6,000 at the end of "
        "2017, with over US$120 billion committed, and Hangzhou enterprises' investment in Hong "
        "Kong at 294 projects, valued at US$1.1 billion, as at the same date.",
        "Innovation and technology, finance and the digital economy were among the areas in "
        "which the two sides discussed working more closely.",
    ],
    captions=[
        "Mrs Carrie Lam (right) receives Mr Zhou Jiangyong at today's meeting (September 15)."
    ],
    summary="The Chief Executive received the Party Secretary of Hangzhou, Mr Zhou Jiangyong.",
    happening=H1,
    figures=F_2017,
)

art(
    key="h1-info-tc",
    tpl="infogovhk_tc",
    charset="big5",
    pno="P2018091500603",
    pub="2018-09-15 18:12",
    title="行政長官接見杭州市委書記（附圖）",
    paras=[
        "行政長官林鄭月娥今日（九月十五日）接見中共杭州市委書記周江勇。周江勇此行率領杭州代表團來港進行"
        "投資推廣。",
        "林鄭月娥歡迎代表團訪港時指出，香港和杭州的經濟聯繫源遠流長。她認為，杭州企業走向海外時，可以"
        "善用香港的金融業、專業服務以及國際網絡。",
        "周江勇向行政長官講述杭州近年的發展。杭州方面的數字顯示，截至二零一七年底，在杭州的港資項目約有"
        "6000個，涉及金額逾1200億美元；同一時間，杭州企業在港投資的項目有294個，金額為11億美元。",
        "雙方並探討在創新科技、金融和數字經濟等範疇加強協作。",
    ],
    captions=["林鄭月娥（右）今日（九月十五日）接見周江勇。"],
    summary="行政長官林鄭月娥今日接見中共杭州市委書記周江勇。",
    happening=H1,
    figures=F_2017,
)

art(
    key="h1-newsgov-en",
    tpl="newsgovhk_en",
    nsuffix="771",
    pub="2018-09-15 19:04:28",
    title="CE meets Hangzhou party chief",
    section="Admin & Civic Affairs",
    paras=[
        "Hangzhou's Party Secretary Zhou Jiangyong, who is leading an investment promotion "
        "delegation to Hong Kong, called on Chief Executive Carrie Lam today.",
        "Mrs Lam noted the two cities already trade and invest heavily with each other, and said "
        "Hong Kong's finance and professional services sectors are well placed to help "
        "Hangzhou firms expand internationally.",
        "By the end of 2017, according to Hangzhou officials, Hong Kong investors were behind "
        "about 6,000 projects in Hangzhou worth over US$120 billion, while Hangzhou companies had "
        "put US$1.1 billion into 294 projects in Hong Kong.",
        "Innovation and technology, finance and the digital economy were discussed as areas for "
        "closer partnership.",
    ],
    captions=[
        "Investment ties: Chief Executive Carrie Lam meets Hangzhou Party Secretary Zhou Jiangyong."
    ],
    related=["Typhoon preparations stepped up", "Tourist arrivals rise in August"],
    summary="Chief Executive Carrie Lam met Hangzhou Party Secretary Zhou Jiangyong.",
    happening=H1,
    figures=F_2017,
)

art(
    key="h1-xinhua-zh",
    tpl="xinhua_legacy_zh",
    channel="gangao",
    cid="1123437528",
    pub="2018-09-15 20:46:10",
    title="杭州来港招商 林郑月娥会见周江勇",
    editor="王岚",
    paras=[
        "新华社香港9月15日电（记者 陈思远）香港特区行政长官林郑月娥15日会见了率团来港招商的中共杭州"
        "市委书记周江勇，双方围绕深化两地经贸往来进行了交流。",
        "杭州代表团当天在港举行招商推介活动。根据杭州方面公布的数字，到2017年底，香港投资者在杭州落地的"
        "项目约有6000个，累计投入资金超过1200亿美元。",
        "杭州企业也在积极“走进”香港，在港项目有294个，涉及金额11亿美元。",
        "杭州方面希望借助香港在国际融资和专业服务上的长处，带动更多本地企业拓展海外市场，同时欢迎港商"
        "投资杭州的数字经济。",
    ],
    related=["杭州代表团抵达香港", "香港与内地城市经贸往来持续升温"],
    summary="林郑月娥15日会见率团来港招商的杭州市委书记周江勇。",
    happening=H1,
    figures=F_2017,
)

art(
    key="h1-hz-syn",
    tpl="hangzhou_zh",
    col="812262",
    aid="21623019",
    pub="2018-09-16 08:30",
    title="杭州来港招商 林郑月娥会见周江勇",
    source="新华网",
    column="杭州要闻",
    paras=None,  # the Xinhua text, as published (filled below)
    summary="",
    happening=H1,
    role="syndicated_copy",
    copy_of="h1-xinhua-zh",
    figures=F_2017,
)

art(
    key="h1-cdcn",
    tpl="chinadaily_cn",
    pub="2018-09-16 11:05",
    title="杭州赴港推介 港资在杭项目约6000个",
    source="中国日报网",
    editor="刘宁",
    paras=[
        "中国日报网9月16日电 周江勇带队的杭州市代表团于15日走进香港，向当地工商界推介杭州的投资机会，"
        "其间与林郑月娥见面。",
        "杭州提供的资料显示，到2017年末，港商在杭设立的项目约6000个，带来的资金逾1200亿美元，香港一直"
        "稳居杭州外资来源的首位。",
        "杭企赴港投资同样不少：目前共有294个项目落户香港，投资金额约11亿美元。",
        "此次推介会的项目清单覆盖数字经济、先进制造和文化旅游等领域。",
        "杭州方面还提到，2022年亚运会的筹办将为杭港交往带来更多契机。",
    ],
    captions=["推介会现场。"],
    related=["杭州数字经济核心产业增速领跑全省", "香港特区政府推出新一轮创科资助计划"],
    summary="周江勇带队的杭州市代表团15日在香港推介投资机会。",
    happening=H1,
    figures=F_2017,
)

art(
    key="h1-cd-en",
    tpl="chinadaily_en",
    pub="2018-09-16 17:32",
    title="Hangzhou courts Hong Kong investors",
    byline="By CHEN LIXIN in Hong Kong",
    section="Regional",
    paras=[
        "Hangzhou took its investment pitch to Hong Kong on Saturday, with Zhou Jiangyong, the "
        "city's Party chief, holding talks with Chief Executive Carrie Lam Cheng Yuet-ngor while "
        "his delegation courted local business leaders.",
        "The special administrative region is already Hangzhou's biggest outside investor. "
        "Hangzhou officials said some 6,000 Hong Kong-backed projects had been set up in the city "
        "by the end of last year, and that Hong Kong money in them topped $120 billion.",
        "Investment also runs the other way. Companies from Hangzhou count 294 projects in Hong "
        "Kong, into which they have put $1.1 billion, the officials said.",
        "The projects on offer on Saturday ranged from digital businesses and high-end "
        "manufacturing to culture and tourism.",
        "Hangzhou, where e-commerce giant Alibaba is based, is preparing to host the 2022 Asian "
        "Games, which officials expect to bring more sporting, exhibition and tourism traffic "
        "between the two cities.",
    ],
    captions=[
        "Members of the Hangzhou delegation talk to business people in Hong Kong on Saturday. [Photo provided to China Daily]"
    ],
    related=[
        "Zhejiang exports rise despite trade friction",
        "Hangzhou metro line opens ahead of schedule",
    ],
    summary="Hangzhou took its investment pitch to Hong Kong on Saturday.",
    happening=H1,
    figures=F_2017,
)

art(
    key="h1-cdhk-neardup",
    tpl="chinadailyhk",
    cdhk="71394",
    pub="2018-09-17 08:10",
    title="Hangzhou woos HK investors as party chief meets Lam",
    subtitle="Delegation pitches digital, manufacturing and tourism projects",
    authors=["Chen Lixin"],
    byline="By CHEN LIXIN in Hong Kong",
    section="Hong Kong",
    paras=[
        "Hangzhou took its investment pitch to Hong Kong at the weekend, with Zhou Jiangyong, the "
        "city's Party chief, holding talks with Chief Executive Carrie Lam Cheng Yuet-ngor on "
        "Saturday while his delegation courted local business leaders.",
        "The special administrative region is already Hangzhou's biggest outside investor. "
        "Hangzhou officials said some 6,000 Hong Kong-backed projects had been set up in the city "
        "by the end of last year, and that Hong Kong money in them topped $120 billion.",
        "Investment also runs the other way. Companies from Hangzhou count 294 projects in Hong "
        "Kong, into which they have put $1.1 billion, the officials said.",
        "The projects on offer ranged from digital businesses and high-end manufacturing to "
        "culture and tourism.",
    ],
    captions=["The Hangzhou delegation at its investment promotion event in Hong Kong."],
    related=[
        "Typhoon Mangkhut: clean-up begins across the city",
        "Express rail link set to open on Sunday",
    ],
    summary="Hangzhou took its investment pitch to Hong Kong at the weekend.",
    happening=H1,
    role="near_duplicate",
    copy_of="h1-cd-en",
    figures=F_2017,
)

art(
    key="h1-rthk-ch",
    tpl="rthk_ch",
    rid="1417936",
    pub="2018-09-15 17:58",
    title="林鄭月娥晤杭州市委書記周江勇",
    section="本地",
    paras=[
        "率團來港招商的杭州市委書記周江勇，與行政長官林鄭月娥會面，商討兩地經貿合作。",
        "林鄭月娥指，杭州企業要走向國際，可以借助本港的金融和專業服務。",
        "杭州方面透露，截至去年底，港商在杭州的投資項目約6000個，涉及資金逾1200億美元。",
    ],
    captions=["林鄭月娥（右）與周江勇會面。"],
    related=["天文台：山竹明日最接近香港", "高鐵香港段下周日通車"],
    summary="率團來港招商的杭州市委書記周江勇與行政長官林鄭月娥會面。",
    happening=H1,
    figures=F_2017[:2],
)

art(
    key="h1-hz-en",
    tpl="hangzhou_en",
    col="811217",
    aid="21631552",
    pub="2018-09-17 10:05",
    title="Hangzhou delegation promotes investment in Hong Kong",
    source="Hangzhou Daily",
    column="Latest News",
    paras=[
        "Hangzhou's top official, Party secretary Zhou Jiangyong, spent the weekend in Hong Kong "
        "at the head of an investment promotion mission, and on Sept 15 held talks with the "
        "special administrative region's Chief Executive, Carrie Lam.",
        "No other place invests more in Hangzhou than Hong Kong. Data published for the trip "
        "showed roughly 6,000 Hong Kong-funded projects in the city at the end of 2017, "
        "representing over 120 billion US dollars of investment.",
        "In the other direction, 294 projects in Hong Kong belonged to Hangzhou companies, "
        "together valued at 1.1 billion US dollars.",
        "Investors at the promotion event heard about openings in digital industries, "
        "manufacturing and tourism, as well as business linked to the 2022 Asian Games that "
        "Hangzhou is preparing to host.",
    ],
    captions=[
        "The Hangzhou delegation at its promotion event in Hong Kong. [Photo/Hangzhou Daily]"
    ],
    related=["Hangzhou trade fair draws buyers from Belt and Road countries"],
    happening=H1,
    figures=F_2017,
)

art(
    key="h1-hz-followup",
    tpl="hangzhou_zh",
    col="812262",
    aid="21655870",
    pub="2018-09-21 16:40",
    title="我市召开专题会议 推进赴港投资推介成果落地",
    source="杭州日报",
    column="杭州要闻",
    credit="（记者 孙立 通讯员 何悦）",
    paras=[
        "9月20日，市商务委召开专题会议，对我市代表团日前赴港招商的成果进行梳理，并研究下一步推动项目"
        "落地的办法。",
        "会议回顾，代表团在港期间，市委书记周江勇与林郑月娥举行会面，双方谈及杭港在金融、科技创新和数字"
        "经济等方面的合作前景。",
        "会议明确，推介会上有意向的项目要逐一列入清单，落实牵头部门，按月跟踪，力争早日签约。",
        "据统计，到2017年底，港资在杭项目约6000个，港资累计投入逾1200亿美元，香港仍居我市外资来源首位。",
    ],
    happening=H1,
    role="follow_up",
    figures=F_2017[:2],
)

# --- traps, 2018-W37/W38 ---------------------------------------------------------------------

art(
    key="t-mangkhut",
    tpl="rthk_en",
    rid="1418102",
    pub="2018-09-16 21:15",
    title="Mangkhut leaves trail of destruction across HK",
    section="Local",
    paras=[
        "Super Typhoon Mangkhut battered Hong Kong on Sunday, uprooting trees, smashing windows "
        "and flooding low-lying areas as the Observatory kept the No. 10 hurricane signal in "
        "force for much of the day.",
        "Hundreds of people sought refuge in temporary shelters, and the authorities urged "
        "residents to stay indoors until the winds eased.",
        "At the airport, most flights were cancelled. Travellers bound for Shanghai, Hangzhou, "
        "Beijing and other mainland cities were told to check with their airlines before setting "
        "out on Monday.",
        "The Observatory said Mangkhut was moving towards western Guangdong and would weaken "
        "gradually.",
    ],
    captions=["Fallen trees block a road in Tai Koo. Photo: RTHK"],
    related=["Schools to stay closed on Monday", "Government sets up emergency clean-up teams"],
    summary="Super Typhoon Mangkhut battered Hong Kong on Sunday.",
    role="trap",
    trap="passing_weather",
)

art(
    key="t-xrl-en",
    tpl="newsgovhk_en",
    nsuffix="188",
    pub="2018-09-23 09:30:12",
    title="Express Rail Link opens",
    section="Infrastructure & Logistics",
    paras=[
        "The Hong Kong Section of the Guangzhou-Shenzhen-Hong Kong Express Rail Link went into "
        "service today, with the first train leaving West Kowloon Station shortly after 7am.",
        "Passengers can now travel directly from West Kowloon to dozens of Mainland stations, "
        "including long-haul destinations such as Beijing, Shanghai, Hangzhou and Kunming.",
        "Under the co-location arrangement, passengers complete both Hong Kong and Mainland "
        "clearance procedures inside the station.",
        "The MTR Corporation advised passengers to arrive early during the first days of "
        "operation.",
    ],
    captions=["All aboard: The first train departs from West Kowloon Station."],
    related=["Clean-up after Mangkhut continues"],
    summary="The Hong Kong Section of the Express Rail Link went into service today.",
    role="trap",
    trap="passing_transport",
)

art(
    key="t-xrl-tc",
    tpl="newsgovhk_chi",
    nsuffix="188",
    pub="2018-09-23 09:30:12",
    title="高鐵香港段通車",
    section="基建及物流",
    paras=[
        "廣深港高速鐵路香港段今日通車，首班列車早上七時許由西九龍站開出。",
        "乘客可由西九龍站直達數十個內地站點，包括前往北京、上海、杭州和昆明等大城市的長途列車。",
        "西九龍站實施「一地兩檢」，乘客可在站內辦妥香港和內地的出入境手續。",
        "港鐵提醒乘客，在通車初期預留充足時間到站。",
    ],
    captions=["正式啟航：首班高鐵列車由西九龍站開出。"],
    related=["颱風過後清理工作繼續"],
    summary="廣深港高速鐵路香港段今日通車。",
    role="trap",
    trap="passing_transport",
)

# =============================================================================================
# 2. 2019-04-15: Hangzhou "City Brain" shown in Hong Kong (Mon, ISO 2019-W16)
# =============================================================================================

art(
    key="h2-hktdc-en",
    tpl="hktdc_en",
    prid="13071",
    pub="2019-04-15 00:00",
    title="Hangzhou's City Brain makes its Hong Kong debut",
    subtitle="Chief Executive, innovation chief and HKTDC head visit Hangzhou pavilion",
    section="Innovation & Technology",
    paras=[
        "Visitors to a Hangzhou pavilion in Hong Kong today could watch the Zhejiang capital's "
        '"City Brain" at work: the data system Hangzhou relies on to time its traffic lights, '
        "track congestion and coordinate city services. The pavilion is part of an exhibition "
        "organised by the Hong Kong Trade Development Council (HKTDC).",
        "Among today's visitors were the Chief Executive, Carrie Lam, the Secretary for "
        "Innovation and Technology, Nicholas W Yang, and HKTDC Executive Director Margaret Fong, "
        "who stopped at the stand to hear from the Hangzhou team.",
        "On show at the pavilion:",
        (
            "ul",
            [
                "the City Brain's real-time traffic map of Hangzhou;",
                "how residents pay, queue and deal with government offices by smartphone;",
                "Hangzhou start-ups that want to meet Hong Kong partners and investors.",
            ],
        ),
        "The HKTDC said exchanges like this help Mainland cities and Hong Kong learn from each "
        "other's smart-city projects, and open doors for technology companies to new customers "
        "and sources of capital.",
    ],
    captions=["Photo 1: Carrie Lam (second left) at the Hangzhou pavilion's City Brain display."],
    related=["Mainland pavilions line up for spring technology fairs"],
    happening=H2,
)

art(
    key="h2-hktdc-tc",
    tpl="hktdc_tc",
    prid="13071",
    pub="2019-04-15 00:00",
    title="杭州「城市大腦」在港亮相",
    subtitle="行政長官、創新及科技局局長及香港貿發局總裁到訪杭州展館",
    section="創新科技",
    paras=[
        "杭州的「城市大腦」今日在港展示。這套數據系統負責調校杭州的交通燈、監察路面擠塞情況及協調各項"
        "城市服務。杭州展館是香港貿易發展局（香港貿發局）所辦展覽的一部分。",
        "行政長官林鄭月娥、創新及科技局局長楊偉雄及香港貿發局總裁方舜文今日到訪展館，聽取杭州團隊的"
        "介紹。",
        "展館內容：",
        (
            "ul",
            [
                "「城市大腦」顯示全杭州實時路況的地圖；",
                "杭州市民用手機付款、排隊及辦理政府事務的方式；",
                "希望結識香港夥伴和投資者的杭州初創企業。",
            ],
        ),
        "香港貿發局表示，這類交流有助內地城市與香港互相借鏡智慧城市項目，並為科技企業帶來新客戶和資金"
        "來源。",
    ],
    captions=["圖一：林鄭月娥（左二）參觀杭州展館的「城市大腦」展區。"],
    related=["內地展館參加春季科技展覽"],
    happening=H2,
)

art(
    key="h2-xinhua-en",
    tpl="xinhua_legacy_en",
    cid="137980561",
    pub="2019-04-15 22:04:31",
    title='Hangzhou\'s "City Brain" on show in Hong Kong',
    editor="mingmei",
    paras=[
        "HONG KONG, April 15 (Xinhua) -- Hong Kong's Chief Executive Carrie Lam on Monday stopped "
        'at a pavilion from the eastern Chinese city of Hangzhou to see the "City Brain", an '
        "artificial intelligence system that Hangzhou uses to keep its roads moving.",
        "She was accompanied by Nicholas W. Yang, secretary for innovation and technology, and "
        "Margaret Fong, executive director of the Hong Kong Trade Development Council.",
        "Built by the city government with Alibaba Cloud, the system reads live data from "
        "cameras and public services, times traffic signals accordingly and gives priority to "
        "ambulances and fire engines.",
        "Members of the Hangzhou team said they would welcome cooperation with Hong Kong "
        "universities and companies on smart-city technology. Enditem",
    ],
    captions=[
        'People look at the "City Brain" display of Hangzhou at an exhibition in Hong Kong on April 15, 2019. (Xinhua/Lyu Xiaowei)'
    ],
    related=[
        "Hong Kong sets aside more funds for smart city projects",
        "Alibaba Cloud expands in Southeast Asia",
    ],
    summary="Carrie Lam stopped at a Hangzhou pavilion to see the City Brain.",
    happening=H2,
)

art(
    key="h2-cd-syn",
    tpl="chinadaily_en",
    pub="2019-04-16 09:20",
    title='Hangzhou\'s "City Brain" on show in Hong Kong',
    byline="Xinhua",
    section="Regional",
    paras=None,  # Xinhua's text (filled below)
    related=["Greater Bay Area plan drives tech exchanges"],
    summary="Carrie Lam stopped at a Hangzhou pavilion to see the City Brain.",
    happening=H2,
    role="syndicated_copy",
    copy_of="h2-xinhua-en",
)

art(
    key="h2-scmp",
    tpl="scmp",
    scmp=("3006310", "tech/innovation", "carrie-lam-gets-look-hangzhous-ai-city-brain-hong-kong"),
    pub="2019-04-15 20:12",
    mod="2019-04-16 10:45",
    title="Carrie Lam gets a look at Hangzhou’s AI ‘City Brain’ in Hong Kong",
    subtitle="Alibaba-built system that runs traffic lights in the Zhejiang capital is displayed at a "
    "Hangzhou pavilion",
    authors=["Staff Reporter"],
    section="Tech",
    paras=[
        "A system that decides when Hangzhou’s traffic lights change drew a high-level audience "
        "in Hong Kong on Monday, when Chief Executive Carrie Lam Cheng Yuet-ngor dropped in on "
        "the city’s pavilion.",
        "With her were technology minister Nicholas Yang Wei-hsiung and Margaret Fong Shun-man, "
        "head of the Trade Development Council.",
        "Hangzhou built its “City Brain” with Alibaba Cloud. It crunches video and sensor data "
        "from around the city in real time, and staff at the stand claimed it had cut journey "
        "times and helped ambulances through traffic.",
        "Hong Kong is working on its own smart city plans and officials have been looking at how "
        "mainland cities put data to work in public services.",
        "Alibaba, which is headquartered in Hangzhou, owns the Post.",
    ],
    captions=["The City Brain display at the Hangzhou pavilion on Monday. Photo: Handout"],
    related=[
        "Shenzhen start-ups line up for Hong Kong funding",
        "Why traffic lights are the new AI battleground",
    ],
    summary="Carrie Lam dropped in on Hangzhou's City Brain display.",
    happening=H2,
    role="updated_version",
)

art(
    key="h2-newsgov-en",
    tpl="newsgovhk_en",
    nsuffix="215",
    pub="2019-04-15 17:35:40",
    title="CE visits Hangzhou smart city showcase",
    section="Admin & Civic Affairs",
    paras=[
        "How Hangzhou uses big data and artificial intelligence to run its traffic was on "
        'display for Chief Executive Carrie Lam today, when she visited the "City Brain" stand '
        "at a Hangzhou pavilion.",
        "Secretary for Innovation & Technology Nicholas W Yang and Hong Kong Trade Development "
        "Council Executive Director Margaret Fong joined her.",
        "Hong Kong's Smart City Blueprint, released in 2017, maps out how the city will apply "
        "innovation and technology to urban management and residents' daily lives.",
        "The Hangzhou exhibitors said they were looking for Hong Kong firms and universities to "
        "work with on smart city projects.",
    ],
    captions=[
        "Data-driven: Chief Executive Carrie Lam hears how the City Brain manages Hangzhou's traffic."
    ],
    related=["Youth innovation scheme opens for applications"],
    summary="Chief Executive Carrie Lam visited the City Brain stand at a Hangzhou pavilion.",
    happening=H2,
)

art(
    key="h2-hz-zh",
    tpl="hangzhou_zh",
    col="812262",
    aid="29471255",
    pub="2019-04-16 08:50",
    title="杭州“城市大脑”香港展出 林郑月娥到场参观",
    source="杭州日报",
    column="杭州要闻",
    credit="（本报记者 李青）",
    paras=[
        "记者从市数据资源管理局获悉，杭州“城市大脑”于15日亮相香港的一场展会，成为杭州展馆最受关注的"
        "展项。",
        "当天，林郑月娥与香港特区政府创新及科技局局长杨伟雄、香港贸发局总裁方舜文一同来到杭州展馆，"
        "听取工作人员讲解“城市大脑”如何服务交通和城市治理。",
        "依托遍布全城的摄像头和公共服务数据，“城市大脑”可以根据车流实时调整信号灯，还能为救护车、消防车"
        "规划优先通行路线。",
        "展团表示，杭州乐意把智慧城市建设的做法介绍给香港，也期待两地科技企业找到更多合作机会。",
    ],
    captions=["杭州展馆一角。（记者 李青 摄）"],
    happening=H2,
)

art(
    key="h2-people-neardup",
    tpl="people_legacy",
    host="hm.people.com.cn",
    pid="c42272-31032975",
    channel_name="港澳频道",
    pub="2019-04-16 14:27",
    title="杭州“城市大脑”香港亮相 林郑月娥参观",
    source="人民网－港澳频道",
    editor="许晴、吴迪",
    paras=[
        "人民网香港4月16日电 杭州“城市大脑”于15日亮相香港的一场展会，是杭州展馆最受关注的展项。",
        "当天，林郑月娥与香港特区政府创新及科技局局长杨伟雄、香港贸发局总裁方舜文一同来到杭州展馆，"
        "听取工作人员讲解“城市大脑”如何服务交通和城市治理。",
        "依托遍布全城的摄像头和公共服务数据，“城市大脑”可以根据车流实时调整信号灯，还能为救护车、消防车"
        "规划优先通行路线。",
        "展团表示，杭州乐意把智慧城市建设的做法介绍给香港，也期待两地科技企业找到更多合作机会。",
    ],
    related=["香港智慧城市建设提速"],
    happening=H2,
    role="near_duplicate",
    copy_of="h2-hz-zh",
)

art(
    key="h2-rthk-ch",
    tpl="rthk_ch",
    rid="1445230",
    pub="2019-04-15 16:42",
    title="林鄭月娥參觀杭州「城市大腦」展館",
    section="本地",
    paras=[
        "杭州的「城市大腦」在港展出，行政長官林鄭月娥到場參觀，了解杭州怎樣用大數據和人工智能疏導交通。",
        "陪同參觀的有創新及科技局局長楊偉雄，以及貿發局總裁方舜文。",
        "據介紹，系統會因應車流即時改變交通燈，又可以替救護車預留路線。",
    ],
    captions=["林鄭月娥在杭州展館聽取介紹。"],
    related=["政府研究擴大智慧燈柱試驗"],
    summary="行政長官林鄭月娥參觀在港展出的杭州「城市大腦」。",
    happening=H2,
)

art(
    key="h2-hz-followup",
    tpl="hangzhou_en",
    col="811217",
    aid="29512340",
    pub="2019-04-23 09:40",
    title="City Brain team follows up on Hong Kong contacts",
    source="Hangzhou Daily",
    column="Latest News",
    paras=[
        "A week after Chief Executive Carrie Lam toured its stand in Hong Kong on April 15, the "
        "team that runs Hangzhou's City Brain is following up leads from companies and research "
        "institutes it met there.",
        "According to the team, several Hong Kong organisations asked how the platform handles "
        "traffic and public services, and discussions about possible pilot projects will carry "
        "on over the coming months.",
        "Hangzhou launched the City Brain with Alibaba Cloud in 2016; it now links cameras, "
        "signals and service data across much of the city.",
        "Hong Kong is the largest source of foreign investment in Hangzhou, and technology has "
        "become a growing focus of ties between the two cities.",
    ],
    happening=H2,
    role="follow_up",
)

art(
    key="t-easter",
    tpl="rthk_en",
    rid="1446102",
    pub="2019-04-18 19:20",
    title="Thousands head out of town for Easter break",
    section="Local",
    paras=[
        "Thousands of Hong Kong residents left the city on Thursday evening at the start of the "
        "four-day Easter holiday, with the airport and the cross-border checkpoints busy into the "
        "night.",
        "Travel agents said tours to Japan, Taiwan and Thailand sold well, while short trips to "
        "East China, including Hangzhou's West Lake and the water towns near Suzhou, were "
        "popular with families.",
        "The Immigration Department advised travellers to allow extra time at the busiest control "
        "points.",
    ],
    captions=["Long queues at Lo Wu control point. Photo: RTHK"],
    related=["Hot weather expected over the holiday"],
    summary="Thousands of Hong Kong residents left the city for the Easter holiday.",
    role="trap",
    trap="tourism",
)

# =============================================================================================
# 3. 2019-06-13: Hangzhou-Hong Kong Innovation and Cooperation Forum in Hong Kong (ISO 2019-W24)
# =============================================================================================

art(
    key="h3-info-en",
    tpl="infogovhk_en",
    pno="P2019061300745",
    pub="2019-06-13 20:15",
    title="S for IT attends Hangzhou-Hong Kong Innovation and Cooperation Forum",
    paras=[
        "The Secretary for Innovation and Technology, Mr Nicholas W Yang, spoke at the "
        "Hangzhou-Hong Kong Innovation and Cooperation Forum held in Hong Kong today (June 13).",
        "In his remarks, Mr Yang observed that Hangzhou's strength in the digital economy and "
        "Hong Kong's research base and international character make the two cities natural "
        "partners, and he saw particular scope for joint work on technology and on developing "
        "talent.",
        "Organisations from Hangzhou and Hong Kong signed a total of eight memoranda of "
        "understanding at the forum. They span five fields: smart city construction, high-end "
        "services, the financial industry, artificial intelligence applications and new energy.",
        "Figures provided by the Hangzhou Municipal Government show that, as at end-2018, some "
        "6,400 projects in Hangzhou had been funded from Hong Kong, with investment amounting to "
        "more than US$140 billion.",
        "Among those present were the Deputy Secretary of the CPC Hangzhou Municipal Committee, "
        "Mr Zhang Zhongcan, and the Vice-President of the Olympic Council of Asia, Mr Timothy "
        "Fok.",
    ],
    summary="The Secretary for Innovation and Technology spoke at the Hangzhou-Hong Kong "
    "Innovation and Cooperation Forum today.",
    happening=H3,
    figures=F_MOU + F_2018,
)

art(
    key="h3-info-tc",
    tpl="infogovhk_tc",
    charset="big5",
    pno="P2019061300746",
    pub="2019-06-13 20:15",
    title="創新及科技局局長出席杭港創新合作論壇",
    paras=[
        "創新及科技局局長楊偉雄今日（六月十三日）在香港舉行的杭港創新合作論壇上發言。",
        "楊偉雄表示，杭州數字經濟發展強勁，香港則有雄厚的科研基礎和國際化特色，兩地是天然的合作夥伴，"
        "在科技和人才發展方面尤其大有可為。",
        "杭港兩地機構在論壇上合共簽署八份合作備忘錄，範疇包括智慧城市建設、高端服務業、金融業、人工智能"
        "應用及新能源。",
        "杭州市政府提供的數字顯示，截至二零一八年年底，由香港資金投資的杭州項目約6400個，所涉投資逾"
        "1400億美元。",
        "出席論壇的嘉賓包括中共杭州市委副書記張仲燦和亞洲奧林匹克理事會副會長霍震霆。",
    ],
    summary="創新及科技局局長楊偉雄今日在杭港創新合作論壇上發言。",
    happening=H3,
    figures=F_MOU + F_2018,
)

art(
    key="h3-newsgov-en",
    tpl="newsgovhk_en",
    nsuffix="409",
    pub="2019-06-13 20:18:22",
    title="Hangzhou, HK sign eight MoUs",
    section="Finance",
    paras=[
        "Eight memoranda of understanding between Hangzhou and Hong Kong organisations were "
        "inked today at the Hangzhou-Hong Kong Innovation and Cooperation Forum in Hong Kong.",
        "Smart city construction, high-end services, financial services, artificial intelligence "
        "applications and new energy are the fields the agreements cover.",
        "Secretary for Innovation & Technology Nicholas W Yang told the gathering that Hong "
        "Kong's research and global connections fit well with Hangzhou's digital economy.",
        "According to Hangzhou officials, projects funded from Hong Kong in the city numbered "
        "about 6,400 at the end of 2018, with cumulative investment of more than US$140 "
        "billion.",
    ],
    captions=[
        "Innovation partners: Secretary for Innovation & Technology Nicholas W Yang addresses the forum."
    ],
    related=["Science park welcomes new tenants"],
    summary="Eight memoranda of understanding between Hangzhou and Hong Kong organisations were inked today.",
    happening=H3,
    figures=F_MOU + F_2018,
)

art(
    key="h3-newsgov-tc",
    tpl="newsgovhk_chi",
    nsuffix="409",
    pub="2019-06-13 20:18:22",
    title="杭港簽八份合作備忘錄",
    section="財經",
    paras=[
        "杭州與香港的機構今日在港舉行的杭港創新合作論壇上，一共簽訂了八份合作備忘錄。",
        "備忘錄的範疇是智慧城市建設、高端服務業、金融服務、人工智能應用和新能源。",
        "創新及科技局局長楊偉雄在論壇上說，香港的科研能力和環球聯繫，正好配合杭州的數字經濟。",
        "杭州官員表示，到2018年年底，由香港資金投資的杭州項目大約有6400個，累計投資逾1400億美元。",
    ],
    captions=["創科夥伴：創新及科技局局長楊偉雄在論壇上發言。"],
    related=["科學園迎來新租戶"],
    summary="杭州與香港的機構今日簽訂八份合作備忘錄。",
    happening=H3,
    figures=F_MOU + F_2018,
)

art(
    key="h3-xinhua-zh",
    tpl="xinhua_legacy_zh",
    channel="gangao",
    cid="1124622874",
    pub="2019-06-13 21:37:52",
    title="杭州香港举办创新合作论坛 签下8份备忘录",
    editor="周琪",
    paras=[
        "新华社香港6月13日电（记者 林嘉欣）以创新合作为主题的杭港论坛13日在港举办，两地机构当场签下8份"
        "合作备忘录，领域包括智慧城市建设、高端服务业、金融业、人工智能应用以及新能源。",
        "杭州市委副书记张仲灿在会上通报，港资是杭州外资的第一大来源，到2018年末，香港在杭投资项目已达"
        "6400个左右，累计投资额逾1400亿美元。",
        "香港特区政府创新及科技局局长杨伟雄认为，两地在科研、人才和产业上各有长处，互补空间大。",
        "会上，杭州上城区介绍了该区在望江一带规划建设的智慧产业园，园区希望吸引数字经济、金融与专业服务"
        "企业入驻。",
    ],
    related=["香港科技园公司与内地园区加强合作", "杭州获评数字经济创新示范城市"],
    summary="杭港论坛13日在港举办，两地机构签下8份合作备忘录。",
    happening=H3,
    figures=F_MOU + F_2018,
)

art(
    key="h3-people-syn",
    tpl="people_legacy",
    host="zj.people.com.cn",
    pid="c186327-33041208",
    channel_name="浙江频道",
    pub="2019-06-14 09:12",
    title="杭州香港举办创新合作论坛 签下8份备忘录",
    source="新华网",
    editor="袁芳、陈俊",
    paras=None,  # Xinhua's text (filled below)
    related=["浙江与香港经贸往来再添新平台"],
    happening=H3,
    role="syndicated_copy",
    copy_of="h3-xinhua-zh",
    figures=F_MOU + F_2018,
)

art(
    key="h3-hz-zh",
    tpl="hangzhou_zh",
    col="812262",
    aid="34871522",
    pub="2019-06-14 07:55",
    title="杭港创新合作论坛香港开幕 8个项目现场签约",
    source="杭州日报",
    column="杭州要闻",
    credit="（记者 方舟）",
    paras=[
        "本报讯 昨天，以创新为主题的杭港合作论坛在香港开幕，杭港两地现场签约8个合作项目，覆盖智慧城市"
        "建设、高端服务业、金融业、人工智能应用和新能源等五大领域。",
        "市委副书记张仲灿在致辞中说，香港长期是杭州利用外资的最大来源地。统计显示，截至2018年末，港商在"
        "杭投资项目6400个左右，投资额累计已突破1400亿美元。",
        "杨伟雄、霍震霆等香港嘉宾出席了论坛。",
        "论坛倡议，两地以杭州筹办2022年亚运会为契机，在创新创业、金融服务、人才往来上走得更近。",
        "上城区在会上推介了望江片区规划中的智慧产业园区，主攻数字经济、金融和专业服务业。",
    ],
    captions=["论坛现场。（记者 方舟 摄）"],
    happening=H3,
    figures=F_MOU + F_2018,
)

art(
    key="h3-cdcn-neardup",
    tpl="chinadaily_cn",
    pub="2019-06-14 15:26",
    title="杭港创新合作论坛香港开幕 两地签约8个项目",
    source="中国日报网",
    editor="赵倩",
    paras=[
        "中国日报网6月14日电 13日，以创新为主题的杭港合作论坛在香港开幕，杭港两地现场签约8个合作项目，"
        "覆盖智慧城市建设、高端服务业、金融业、人工智能应用和新能源等五大领域。",
        "杭州市委副书记张仲灿在致辞中说，香港长期是杭州利用外资的最大来源地。统计显示，截至2018年末，港商"
        "在杭投资项目6400个左右，投资额累计已突破1400亿美元。",
        "杨伟雄、霍震霆等香港嘉宾出席了论坛。",
        "论坛倡议，两地以杭州筹办2022年亚运会为契机，在创新创业、金融服务、人才往来上走得更近。",
    ],
    captions=["论坛现场。"],
    related=["浙江外贸企业积极开拓新兴市场"],
    happening=H3,
    role="near_duplicate",
    copy_of="h3-hz-zh",
    figures=F_MOU + F_2018,
)

art(
    key="h3-rthk-en",
    tpl="rthk_en",
    rid="1461205",
    pub="2019-06-13 19:46",
    title="Hangzhou and HK ink eight deals at innovation forum",
    section="Local",
    paras=[
        "Eight memorandums of understanding covering everything from smart cities to new energy "
        "were signed by Hangzhou and Hong Kong organisations at a forum in the city on Thursday.",
        "The Secretary for Innovation and Technology, Nicholas Yang, told the Hangzhou-Hong Kong "
        "Innovation and Cooperation Forum that local universities and Hangzhou's tech companies "
        "would get further by pooling their efforts.",
        "Hangzhou officials put Hong Kong's footprint in their city at about 6,400 projects by "
        "the end of last year, representing more than US$104 billion of investment.",
        "High-end services, finance and artificial intelligence applications are also covered by "
        "the agreements.",
    ],
    captions=[
        "Nicholas Yang says universities and tech firms should pool their efforts. Photo: RTHK"
    ],
    related=["Legco panel discusses innovation funding"],
    summary="Eight memorandums of understanding were signed by Hangzhou and Hong Kong organisations.",
    happening=H3,
    # THE DELIBERATE DISAGREEMENT: US$104 billion where every other outlet has US$140 billion.
    figures=[
        *F_MOU,
        ("hk_projects_in_hangzhou", 6400, END18),
        ("hk_investment_in_hangzhou", 104000000000.0, END18),
    ],
    disagreement=True,
)

art(
    key="h3-scmp",
    tpl="scmp",
    scmp=(
        "3014321",
        "news/china/politics",
        "hangzhou-signs-eight-deals-hong-kong-it-bids-lure-finance-firms",
    ),
    pub="2019-06-14 08:00",
    mod="2019-06-14 18:20",
    title="Hangzhou signs eight deals with Hong Kong as it bids to lure finance firms",
    subtitle="Alibaba’s home city uses a forum in Hong Kong to pitch a new industrial park to "
    "bankers, lawyers and consultants",
    authors=["Staff Reporter"],
    section="China",
    paras=[
        "The eastern Chinese city of Hangzhou wants Hong Kong’s bankers, accountants and "
        "consultants, and it signed eight agreements with partners in the city on Thursday to "
        "help make its case.",
        "Smart city construction, high-end services, the financial industry, artificial "
        "intelligence applications and new energy are the five areas covered by the memorandums, "
        "inked at the Hangzhou-Hong Kong Innovation and Cooperation Forum.",
        "Hangzhou’s deputy party secretary, Zhang Zhongcan, told the audience that Hong Kong "
        "money had gone into roughly 6,400 projects in the city as of the end of 2018, adding up "
        "to more than US$140 billion.",
        "Shangcheng district used the event to advertise the Wangjiang Intelligence Industrial "
        "Park, a planned cluster for digital, financial and professional-service companies.",
        "Hangzhou is due to stage the Asian Games in 2022.",
        "Alibaba owns the South China Morning Post.",
    ],
    captions=["Hangzhou is home to Alibaba and a fast-growing tech sector. Photo: Shutterstock"],
    related=[
        "Zhejiang private firms eye Hong Kong listings",
        "How Hangzhou became China’s e-commerce capital",
    ],
    summary="Hangzhou signed eight agreements with partners in Hong Kong.",
    happening=H3,
    role="updated_version",
    figures=F_MOU + F_2018,
)

art(
    key="h3-cdhk",
    tpl="chinadailyhk",
    cdhk="98230",
    pub="2019-06-14 11:30",
    title="Hangzhou, HK eye smart city and fintech partnerships",
    subtitle="Eight MoUs signed at innovation forum in the SAR",
    authors=["He Qifan"],
    byline="By HE QIFAN in Hong Kong",
    section="Hong Kong",
    paras=[
        "Smart cities, finance and artificial intelligence top the agenda for Hangzhou and Hong "
        "Kong after the two sides put pen to paper on eight memorandums of understanding on "
        "Thursday.",
        "The documents, which also touch on high-end services and new energy, were signed during "
        "the Hangzhou-Hong Kong Innovation and Cooperation Forum, attended by officials, "
        "entrepreneurs and scientists from both cities.",
        "No other investor comes close to Hong Kong in Hangzhou. Officials from the city said "
        "Hong Kong capital had flowed into around 6,400 projects there by the end of 2018, "
        "totalling over $140 billion.",
        "Among the guests was Timothy Fok Tsun-ting, vice-president of the Olympic Council of "
        "Asia, with Hangzhou gearing up for the 2022 Asian Games.",
    ],
    captions=["Guests at the Hangzhou-Hong Kong Innovation and Cooperation Forum on Thursday."],
    related=["HK fintech firms look north for growth", "Alibaba’s home city bets on AI"],
    happening=H3,
    figures=F_MOU + F_2018,
)

art(
    key="h3-hz-followup",
    tpl="hangzhou_en",
    col="811217",
    aid="34902618",
    pub="2019-06-20 10:15",
    title="Shangcheng readies Wangjiang park for Hong Kong firms",
    source="Hangzhou Daily",
    column="Latest News",
    paras=[
        "A week after pitching it to Hong Kong investors at the Hangzhou-Hong Kong Innovation "
        "and Cooperation Forum on June 13, Shangcheng district is moving ahead with the "
        "Wangjiang Intelligence Industrial Park.",
        "The district says the park will specialise in digital businesses, finance and "
        "professional services, and that it has kept talking to a number of Hong Kong companies "
        "that expressed interest at the forum.",
        "Eight memorandums of understanding came out of the forum, in smart city construction, "
        "high-end services, the financial industry, artificial intelligence applications and "
        "new energy.",
        "Hong Kong's presence in Hangzhou keeps growing. The city counted about 6,400 Hong "
        "Kong-invested projects at the end of 2018, up from about 6,000 a year earlier, with "
        "total investment of more than 140 billion US dollars.",
    ],
    happening=H3,
    role="follow_up",
    figures=F_MOU + F_2018 + [("hk_projects_in_hangzhou", 6000, END17)],
)

# --- traps, 2019-W24/W25 ---------------------------------------------------------------------

art(
    key="t-shenzhen",
    tpl="scmp",
    scmp=(
        "3015102",
        "news/hong-kong/politics",
        "shenzhen-and-hong-kong-sign-agreements-speed-lok-ma-chau-loop-research",
    ),
    pub="2019-06-19 21:00",
    title="Shenzhen and Hong Kong sign agreements to speed up Lok Ma Chau Loop research",
    subtitle="Neighbours want the border site to become an innovation hub as other mainland tech "
    "centres compete for talent",
    authors=["Staff Reporter"],
    section="Hong Kong",
    paras=[
        "Shenzhen and Hong Kong signed a set of agreements on Wednesday to speed up joint "
        "research in the Lok Ma Chau Loop, as the neighbouring cities try to turn the border "
        "area into an innovation hub.",
        "The agreements, signed by officials from Shenzhen’s Futian district and Hong Kong "
        "universities, cover laboratory space, talent exchange and cross-border data.",
        "Shenzhen faces growing competition for start-ups and researchers from other mainland "
        "technology centres such as Hangzhou and Chengdu, analysts said.",
        "The 87-hectare Loop, on the Hong Kong side of the border, is set to host the Hong "
        "Kong-Shenzhen Innovation and Technology Park.",
    ],
    captions=["The Lok Ma Chau Loop site. Photo: Handout"],
    related=["Greater Bay Area plan: what it means for Hong Kong"],
    summary="Shenzhen and Hong Kong signed agreements to speed up joint research in the Loop.",
    role="trap",
    trap="other_city_agreement",
)

art(
    key="t-ipo-2019",
    tpl="chinadaily_cn",
    pub="2019-06-12 10:40",
    title="浙江企业赴港上市提速 多家杭州公司递交招股书",
    source="中国日报网",
    editor="赵倩",
    paras=[
        "今年以来，浙江企业赴港上市步伐加快，多家总部位于杭州的公司已向香港交易所递交上市申请。",
        "市场人士分析，港交所去年修订上市规则，允许未有收入的生物科技公司和同股不同权企业上市，吸引了"
        "不少杭州科技和医药企业。",
        "业内人士表示，港股市场近期波动加大，部分企业或会调整发行时间表。",
        "一家杭州生物医药企业的负责人表示，公司计划在港募资，用于研发和海外临床试验。",
    ],
    related=["科创板首批企业即将挂牌"],
    role="trap",
    trap="hkex_listing",
)

# =============================================================================================
# 4. 2023-06-26: Zhejiang and Hong Kong Cooperation Theme Forum, Hong Kong & Macao-Zhejiang Week
#    (Mon, ISO 2023-W26)
# =============================================================================================

art(
    key="h4-info-en",
    tpl="infogovhk_en",
    pno="P2023062600512",
    pub="2023-06-26 16:40",
    title="CE attends Zhejiang and Hong Kong Cooperation Theme Forum (with photos)",
    paras=[
        "Agreements between Zhejiang and Hong Kong were signed today (June 26) at the Zhejiang "
        "and Hong Kong Cooperation Theme Forum, one of the events of the Hong Kong & Macao - "
        "Zhejiang Week. The Chief Executive, Mr John Lee, and the Secretary of the CPC Zhejiang "
        "Provincial Committee, Mr Yi Lianhong, witnessed the signing.",
        "Addressing the forum, Mr Lee described Zhejiang as among the country's most dynamic "
        "provinces, home to a lively private sector and a strong digital economy. Hong Kong, he "
        'said, has the distinctive advantages under "one country, two systems" of enjoying the '
        "strong support of the motherland and being closely connected to the world.",
        "The agreements signed today span 12 areas of co-operation, and in Mr Lee's view they "
        "set a firm foundation for the next phase of the partnership.",
        "He invited Zhejiang enterprises to go global through Hong Kong, for instance by "
        "establishing regional headquarters in the city and tapping its capital market.",
    ],
    captions=[
        "Mr John Lee addresses the Zhejiang and Hong Kong Cooperation Theme Forum today (June 26).",
        "Mr Lee (right) and Mr Yi Lianhong (left) witness the exchange of agreements today (June 26).",
    ],
    summary="The Chief Executive witnessed the signing of agreements at the Zhejiang and Hong Kong "
    "Cooperation Theme Forum today.",
    happening=H4,
    figures=F_2023,
)

art(
    key="h4-info-tc",
    tpl="infogovhk_tc",
    pno="P2023062600513",
    pub="2023-06-26 16:40",
    title="行政長官出席浙港合作主題論壇（附圖）",
    paras=[
        "浙江與香港今日（六月二十六日）在「港澳‧浙江周」活動之一的浙港合作主題論壇上簽署合作協議，行政長官"
        "李家超和中共浙江省委書記易煉紅擔任見證。",
        "李家超在論壇致辭時形容，浙江是國內發展最具活力的省份之一，民營經濟活躍，數字經濟實力突出；香港"
        "則在「一國兩制」下，享有背靠祖國、聯通世界的獨特優勢。",
        "他指出，今日簽署的協議涉及12個合作範疇，為浙港合作的下一階段奠定穩固基礎。",
        "李家超邀請浙江企業經香港走向世界，例如在港成立地區總部，並善用香港的資本市場。",
    ],
    captions=["李家超今日（六月二十六日）在浙港合作主題論壇上致辭。"],
    summary="行政長官李家超今日見證浙港在合作主題論壇上簽署協議。",
    happening=H4,
    figures=F_2023,
)

art(
    key="h4-newsgov-en",
    tpl="newsgovhk_en",
    nsuffix="322",
    pub="2023-06-26 17:12:05",
    title="HK, Zhejiang agree on 12 co-operation areas",
    section="Admin & Civic Affairs",
    paras=[
        "Agreements spanning 12 co-operation areas were signed by Hong Kong and Zhejiang today, "
        "as the Zhejiang and Hong Kong Cooperation Theme Forum got under way with Chief Executive "
        "John Lee and Zhejiang Party Secretary Yi Lianhong looking on.",
        "The forum is the centrepiece of the Hong Kong & Macao - Zhejiang Week, during which "
        "provincial officials and entrepreneurs are visiting both special administrative "
        "regions.",
        "In his speech, Mr Lee noted that Zhejiang's private firms and digital economy, paired "
        "with Hong Kong's role as an international financial centre and its professional "
        "services, leave much room for the two places to do more together.",
        "He urged companies from the province to set up regional headquarters in Hong Kong and "
        "to treat the city as their gateway to markets overseas.",
    ],
    captions=[
        "Partnership: Chief Executive John Lee (right) and Zhejiang Party Secretary Yi Lianhong at the signing ceremony."
    ],
    related=["Talent admission schemes draw more applicants"],
    summary="Hong Kong and Zhejiang signed agreements spanning 12 co-operation areas.",
    happening=H4,
    figures=F_2023,
)

art(
    key="h4-newsgov-tc",
    tpl="newsgovhk_chi",
    nsuffix="322",
    pub="2023-06-26 17:12:05",
    title="港浙簽協議 涵蓋12個合作範疇",
    section="政府事務",
    paras=[
        "香港與浙江今日簽訂涵蓋12個合作範疇的協議。浙港合作主題論壇今日舉行，行政長官李家超和中共浙江"
        "省委書記易煉紅在場見證。",
        "論壇是「港澳‧浙江周」的主要環節，浙江省官員和企業家趁此到訪香港和澳門。",
        "李家超致辭時提到，浙江的民企和數字經濟加上香港國際金融中心及專業服務的角色，令兩地有很大空間"
        "做得更多。",
        "他呼籲浙江企業在港開設地區總部，並把香港視為通往海外市場的門戶。",
    ],
    captions=["夥伴同行：行政長官李家超（右）和中共浙江省委書記易煉紅出席簽署儀式。"],
    related=["人才入境計劃申請持續增加"],
    summary="港浙今日簽訂涵蓋12個合作範疇的協議。",
    happening=H4,
    figures=F_2023,
)

art(
    key="h4-xinhua-zh",
    tpl="xinhua_zh",
    channel="gangao",
    pub="2023-06-26 19:52:08",
    title="浙港合作主题论坛举行 签约覆盖12个合作领域",
    editor="孙悦",
    paras=[
        "新华社香港6月26日电（记者 黄一鸣 李心怡）作为“香港澳门·浙江周”的主场活动，浙港合作主题论坛"
        "26日在港召开。在香港特区行政长官李家超和浙江省委书记易炼红的见证下，两地签署一批合作协议，合作"
        "领域共12个。",
        "此次浙江代表团先后到访香港和澳门，在经贸、科技、文化等领域与两地开展交流。",
        "李家超致辞说，浙江民营企业活力足，香港可以发挥国际金融中心的作用，以专业服务为浙企出海保驾护航。",
        "易炼红说，浙江将在金融、科技创新、人才等方面与香港深化合作，让更多项目落地见效。",
    ],
    captions=["6月26日，嘉宾在香港出席浙港合作主题论坛。新华社记者 李心怡 摄"],
    related=["香港澳门·浙江周开幕", "香港上半年吸引内地企业落户数量上升"],
    summary="浙港合作主题论坛26日在港召开，两地签署一批合作协议。",
    happening=H4,
    figures=F_2023,
)

art(
    key="h4-zj-syn",
    tpl="zjgov",
    col="1554467",
    aid="60108837",
    pub="2023-06-27 08:45",
    title="浙港合作主题论坛举行 签约覆盖12个合作领域",
    source="新华社",
    column="浙江要闻",
    paras=None,  # Xinhua's text (filled below)
    happening=H4,
    role="syndicated_copy",
    copy_of="h4-xinhua-zh",
    figures=F_2023,
)

art(
    key="h4-cdcn-neardup",
    tpl="chinadaily_cn",
    pub="2023-06-27 10:12",
    title="浙港合作主题论坛在港召开 两地签约涉及12个领域",
    source="新华社",
    editor="李然",
    paras=[
        "中国日报网6月27日电 据新华社消息，作为“香港澳门·浙江周”的主场活动，浙港合作主题论坛26日在港"
        "召开。在香港特区行政长官李家超和浙江省委书记易炼红的见证下，两地签署一批合作协议，合作领域共12个。",
        "此次浙江代表团先后到访香港和澳门，在经贸、科技、文化等领域与两地开展交流。",
        "李家超致辞说，浙江民营企业活力足，香港可以发挥国际金融中心的作用，以专业服务为浙企出海保驾护航。",
        "易炼红说，浙江将在金融、科技创新、人才等方面同香港深化合作，推动更多项目尽快落地。",
    ],
    related=["浙江一季度外贸进出口保持增长"],
    happening=H4,
    role="near_duplicate",
    copy_of="h4-xinhua-zh",
    figures=F_2023,
)

art(
    key="h4-xinhua-en",
    tpl="xinhua_en",
    pub="2023-06-26 21:15:40",
    title="Hong Kong, Zhejiang sign cooperation deals in 12 areas",
    editor="huaxia",
    paras=[
        "HONG KONG, June 26 (Xinhua) -- A batch of agreements covering 12 areas of cooperation "
        "between Hong Kong and east China's Zhejiang Province was signed here on Monday.",
        "Hong Kong's Chief Executive John Lee and Yi Lianhong, secretary of the Communist Party "
        "of China Zhejiang Provincial Committee, witnessed the signing, which took place at a "
        "thematic cooperation forum held as part of the Hong Kong & Macao - Zhejiang Week.",
        "In his speech, Lee said Zhejiang's private companies could look to Hong Kong, an "
        "international financial hub, for capital and a route into overseas markets, and that "
        "the province's digital economy in turn opened new doors for Hong Kong.",
        "Zhejiang officials said they would follow up with Hong Kong so that the agreements "
        "yield concrete projects. Enditem",
    ],
    related=[
        "Hong Kong's economy grows in first quarter",
        "Zhejiang's private firms expand abroad",
    ],
    summary="Agreements covering 12 areas of cooperation between Hong Kong and Zhejiang were signed.",
    happening=H4,
    figures=F_2023,
)

art(
    key="h4-scmp",
    tpl="scmp",
    scmp=(
        "3225750",
        "news/hong-kong/politics",
        "hong-kong-and-zhejiang-seal-deals-12-areas-john-lee-woos-private-firms",
    ),
    pub="2023-06-26 13:05",
    mod="2023-06-26 21:40",
    title="Hong Kong and Zhejiang seal deals in 12 areas as John Lee woos private firms",
    subtitle="City leader and provincial party boss Yi Lianhong attend signing as the province "
    "stages a promotion week in the city",
    authors=["Staff Reporter"],
    section="Hong Kong",
    paras=[
        "John Lee Ka-chiu made a direct pitch to Zhejiang’s entrepreneurs on Monday, telling a "
        "forum that Hong Kong was where the province’s private firms should base themselves as "
        "they go global.",
        "The chief executive and Yi Lianhong, Zhejiang’s Communist Party secretary, oversaw the "
        "signing of deals in a dozen areas of cooperation at the Zhejiang and Hong Kong "
        "Cooperation Theme Forum, the highlight of the Hong Kong & Macao-Zhejiang Week.",
        "Lee praised the province’s private sector and digital economy as among the strongest in "
        "China and said the city’s stock market and its lawyers, accountants and bankers could "
        "serve them.",
        "Zhejiang is home to tech giant Alibaba, which owns the Post, and carmaker Geely.",
    ],
    captions=["John Lee (right) and Yi Lianhong at the forum on Monday. Photo: Handout"],
    related=[
        "Hong Kong’s hunt for mainland family offices",
        "What the Greater Bay Area means for HK’s youth",
    ],
    summary="John Lee pitched Hong Kong to Zhejiang's entrepreneurs as deals in a dozen areas were signed.",
    happening=H4,
    role="updated_version",
    figures=F_2023,
)

art(
    key="h4-rthk-ch",
    tpl="rthk_ch",
    rid="1706742",
    pub="2023-06-26 12:48",
    title="浙港簽署合作協議 李家超易煉紅見證",
    section="本地",
    paras=[
        "浙江與香港在浙港合作主題論壇上簽署合作協議，共涉及十二個範疇，由行政長官李家超和浙江省委書記"
        "易煉紅見證。",
        "李家超在論壇上說，浙江民企如要融資和開拓海外市場，香港這個國際金融中心可以幫忙。",
        "他又認為，浙江的數字經濟走在前面，兩地在創科方面可合作的地方很多。",
        "論壇屬於「港澳‧浙江周」的活動。",
    ],
    captions=["簽署儀式在李家超（右）和易煉紅見證下進行。"],
    related=["港澳‧浙江周揭幕"],
    summary="浙江與香港簽署涉及十二個範疇的合作協議。",
    happening=H4,
    figures=F_2023,
)

art(
    key="h4-rthk-en",
    tpl="rthk_en",
    rid="1706760",
    pub="2023-06-26 13:20",
    title="HK and Zhejiang sign pacts in 12 areas",
    section="Local",
    paras=[
        "Co-operation pacts in 12 areas were signed by Hong Kong and Zhejiang on Monday, "
        "witnessed by Chief Executive John Lee and Yi Lianhong, the province's Party Secretary.",
        "Lee told the Zhejiang and Hong Kong Cooperation Theme Forum that Hong Kong could help "
        "the province's private firms find money and customers abroad.",
        "He said the deals should lift collaboration in finance, innovation and trade to a "
        "higher level.",
    ],
    captions=["The signing ceremony at the Zhejiang forum. Photo: RTHK"],
    related=["Zhejiang week opens with trade fair"],
    summary="Co-operation pacts in 12 areas were signed by Hong Kong and Zhejiang.",
    happening=H4,
    figures=F_2023,
)

art(
    key="h4-cdhk",
    tpl="chinadailyhk",
    cdhk="334512",
    pub="2023-06-27 09:00",
    title="Zhejiang firms urged to use HK as springboard after 12-area deal",
    subtitle="SAR leader invites provincial companies to set up regional headquarters",
    authors=["Zhou Mingyu"],
    byline="By ZHOU MINGYU in Hong Kong",
    section="Hong Kong",
    paras=[
        "With 12 areas of cooperation now agreed between Hong Kong and Zhejiang, the question is "
        "how quickly the city can turn the deals into business for the province's private "
        "companies heading abroad.",
        "The agreements were concluded on Monday at the Zhejiang and Hong Kong Cooperation "
        "Theme Forum in the presence of Chief Executive John Lee Ka-chiu and Yi Lianhong, "
        "Zhejiang's Party secretary.",
        "In his address, Lee offered the SAR's financial market and professional services to "
        "Zhejiang enterprises looking overseas, and encouraged them to open regional "
        "headquarters in the city.",
        "Zhejiang, whose capital Hangzhou is home to Alibaba and Geely, is one of the mainland's "
        "most export-oriented provinces.",
    ],
    captions=["Guests at the Zhejiang and Hong Kong Cooperation Theme Forum on Monday."],
    related=["Zhejiang week brings 100 firms to the city", "HK’s IPO pipeline picks up"],
    happening=H4,
    figures=F_2023,
)

art(
    key="h4-zj-followup",
    tpl="zjgov",
    col="1554467",
    aid="60131254",
    pub="2023-07-04 17:20",
    title="我省推进浙港合作协议落地落实",
    source="浙江日报",
    column="浙江要闻",
    credit="（记者 许文 通讯员 郑晨）",
    paras=[
        "“香港澳门·浙江周”结束后，浙港双方签下的合作协议正逐项推进。记者日前从有关部门了解到，各牵头单位"
        "已经同香港对口机构接上了头。",
        "6月26日在香港召开的浙港合作主题论坛上，李家超与易炼红共同见证了这批协议的签署，协议涉及12个合作"
        "领域。",
        "有关部门介绍，接下来将围绕金融服务、科技创新、经贸往来和青年交流梳理项目清单，并建立定期沟通机制。",
        "不少随团赴港的浙江企业表示，正在考虑把区域总部或财资中心设在香港。",
    ],
    happening=H4,
    role="follow_up",
    figures=F_2023,
)

# --- traps, 2023-W26/W27 ---------------------------------------------------------------------

art(
    key="t-football",
    tpl="scmp",
    scmp=(
        "3226520",
        "sport/football",
        "hong-kong-footballers-step-preparations-hangzhou-asian-games",
    ),
    pub="2023-07-06 18:30",
    title="Hong Kong footballers step up preparations for Hangzhou Asian Games",
    subtitle="Squad to play warm-up matches through the summer as coaches focus on fitness",
    authors=["Staff Reporter"],
    section="Sport",
    paras=[
        "Hong Kong’s Asian Games football squad will play a series of warm-up matches over the "
        "summer as it prepares for the tournament in Hangzhou, the Hong Kong Football "
        "Association said.",
        "The Games, postponed from 2022, will run from September 23 to October 8.",
        "Coaches said the team would work on fitness during the hot summer months and on building "
        "an understanding between younger players and the over-age players the rules allow.",
    ],
    captions=["Hong Kong players during a training session. Photo: HKFA"],
    related=["Hong Kong Premier League clubs confirm foreign signings"],
    summary="Hong Kong's Asian Games football squad will play warm-up matches over the summer.",
    role="trap",
    trap="passing_sport",
)

art(
    key="t-flights",
    tpl="rthk_en",
    rid="1707312",
    pub="2023-06-29 17:05",
    title="More flights to East China as summer demand picks up",
    section="Local",
    paras=[
        "Airlines are adding flights between Hong Kong and cities in East China for the summer "
        "holidays, as travel demand continues to recover after the pandemic.",
        "A Hong Kong-based carrier said it would increase its Hangzhou service to two flights a "
        "day from July, and add more trips to Ningbo and Nanjing.",
        "Travel agents said bookings for family tours to Hangzhou, Shanghai and Huangshan had "
        "risen steadily in recent weeks.",
    ],
    captions=["Airport passenger numbers are approaching pre-pandemic levels. Photo: RTHK"],
    related=["Airport Authority expects busy summer"],
    summary="Airlines are adding flights between Hong Kong and East China for the summer.",
    role="trap",
    trap="flights",
)

art(
    key="t-macau-ce",
    tpl="chinadailyhk",
    cdhk="334790",
    pub="2023-06-28 20:40",
    title="Macao CE meets Zhejiang delegation, eyes closer trade ties",
    subtitle="SAR pitches itself as a bridge to Portuguese-speaking markets",
    authors=["Staff Reporter"],
    byline="By Staff Reporter in Macao",
    section="Macao",
    paras=[
        "Macao's Chief Executive met a visiting delegation from Zhejiang province on Wednesday, "
        "and the two sides discussed trade, tourism and cooperation in traditional Chinese "
        "medicine.",
        "The CE said Macao could serve as a platform for Zhejiang companies seeking to do "
        "business with Portuguese-speaking countries, according to a statement from the Macao "
        "SAR government.",
        "The delegation, which arrived after a stop in Hong Kong, included executives from "
        "companies based in Hangzhou and Ningbo.",
        "Macao has been seeking to diversify its economy beyond gaming.",
    ],
    captions=["The meeting at Government Headquarters in Macao on Wednesday."],
    related=["Macao visitor arrivals rebound in May"],
    role="trap",
    trap="macau_ce",
)

art(
    key="t-hz-macau",
    tpl="hangzhou_zh",
    col="812262",
    aid="58922041",
    pub="2023-06-30 15:30",
    title="杭州与澳门签署文旅交流合作协议",
    source="杭州日报",
    column="杭州要闻",
    credit="（记者 陈露）",
    paras=[
        "6月29日，杭州市文化广电旅游局与澳门有关机构在澳门签署文旅交流合作协议，双方将在旅游推广、会展"
        "活动和文化演艺等方面加强合作。",
        "根据协议，两地将互设旅游推广窗口，共同开发“杭州—澳门”主题旅游线路，并借助杭州亚运会开展联合"
        "宣传。",
        "杭州方面表示，澳门是世界旅游休闲中心，杭州希望借助澳门平台吸引更多葡语国家游客。",
        "当天，杭州代表团还在澳门举办了城市旅游推介会。",
    ],
    role="trap",
    trap="other_city_agreement",
)

# =============================================================================================
# 5. 2025-04-24: High-Level Meeting cum First Plenary Session of the Hong Kong/Zhejiang
#    Co-operation Conference, Hangzhou (Thu, ISO 2025-W17)
# =============================================================================================

art(
    key="h5-info-en",
    tpl="infogovhk_en",
    pno="P2025042400688",
    pub="2025-04-24 19:50",
    title="CE leads delegation to High-Level Meeting cum First Plenary Session of Hong "
    "Kong/Zhejiang Co-operation Conference (with photos)",
    paras=[
        "Heading a delegation of the Hong Kong SAR Government, the Chief Executive, Mr John Lee, "
        "took part in the High-Level Meeting cum First Plenary Session of the Hong Kong/Zhejiang "
        "Co-operation Conference, which was held in Hangzhou today (April 24).",
        "At the meeting Mr Lee described the conference as opening a new chapter for Hong "
        "Kong-Zhejiang co-operation: the two sides now have a standing mechanism through which "
        "to plan joint work and see it through.",
        "It was agreed to take forward 51 co-operation projects and to step up co-operation in "
        "13 areas, among them finance, innovation and technology, and trade.",
        "With Zhejiang enterprises going overseas in growing numbers, Mr Lee said, Hong Kong's "
        "standing as an international centre for finance, shipping and trade makes it their "
        "natural platform for raising capital and expanding abroad.",
    ],
    captions=["Mr John Lee addresses the meeting in Hangzhou today (April 24)."],
    summary="The Chief Executive led a delegation to the Hong Kong/Zhejiang Co-operation Conference "
    "in Hangzhou today.",
    happening=H5,
    figures=F_2025,
)

art(
    key="h5-info-tc",
    tpl="infogovhk_tc",
    pno="P2025042400689",
    pub="2025-04-24 19:50",
    title="行政長官率團出席香港／浙江合作會議高層會晤暨第一次全體會議（附圖）",
    paras=[
        "行政長官李家超今日（四月二十四日）帶領香港特區政府代表團，出席在杭州舉行的香港／浙江合作會議"
        "高層會晤暨第一次全體會議。",
        "李家超在會上形容，合作會議為港浙合作揭開新篇章，兩地從此有常設機制去規劃和推動共同工作。",
        "雙方議定推進51個合作項目，並在包括金融、創新科技和貿易在內的13個範疇加強合作。",
        "李家超說，越來越多浙江企業走向海外，香港作為國際金融、航運和貿易中心，是它們集資和拓展海外"
        "業務的理想平台。",
    ],
    captions=["李家超今日（四月二十四日）在杭州的會議上發言。"],
    summary="行政長官李家超今日率團出席在杭州舉行的香港／浙江合作會議。",
    happening=H5,
    figures=F_2025,
)

art(
    key="h5-newsgov-en",
    tpl="newsgovhk_en",
    nsuffix="604",
    pub="2025-04-24 18:14:55",
    title="Zhejiang conference lines up 51 projects",
    section="Admin & Civic Affairs",
    paras=[
        "Fifty-one joint projects and 13 areas of closer co-operation came out of today's "
        "High-Level Meeting cum First Plenary Session of the Hong Kong/Zhejiang Co-operation "
        "Conference in Hangzhou.",
        "Chief Executive John Lee, leading the Hong Kong side, said the conference gives Hong "
        "Kong and the province a regular forum to set priorities and keep track of how the "
        "projects are going.",
        "Many Zhejiang businesses are now expanding abroad, he noted, and Hong Kong can offer "
        "them fundraising, professional support and a base for their international operations.",
    ],
    captions=["Joint plan: Chief Executive John Lee speaks at the plenary session in Hangzhou."],
    gallery=["On the move: Mr Lee arrives in Hangzhou with the Hong Kong delegation."],
    related=["CE to lead delegation to Zhejiang", "Northern Metropolis land sale plan unveiled"],
    summary="Fifty-one joint projects and 13 areas of co-operation came out of the Hangzhou meeting.",
    happening=H5,
    figures=F_2025,
)

art(
    key="h5-newsgov-tc",
    tpl="newsgovhk_chi",
    nsuffix="604",
    pub="2025-04-24 18:14:55",
    title="港浙合作會議訂51個項目",
    section="政府事務",
    paras=[
        "今日在杭州舉行的香港／浙江合作會議高層會晤暨第一次全體會議，訂出51個合作項目，並確定在13個範疇"
        "加強合作。",
        "率領香港代表團的行政長官李家超表示，合作會議讓香港和浙江有恆常平台訂立工作重點，並跟進項目進度。",
        "他提到，不少浙江企業正拓展海外，香港可為它們提供融資、專業支援，以及國際業務的基地。",
    ],
    captions=["共訂藍圖：行政長官李家超在杭州的全體會議上致辭。"],
    related=["行政長官率團訪問浙江"],
    summary="香港／浙江合作會議訂出51個合作項目。",
    happening=H5,
    figures=F_2025,
)

art(
    key="h5-xinhua-en",
    tpl="xinhua_en",
    pub="2025-04-24 21:48:02",
    title="Hong Kong, Zhejiang hold first plenary session of cooperation conference in Hangzhou",
    editor="huaxia",
    paras=[
        "HANGZHOU, April 24 (Xinhua) -- Fifty-one cooperation projects and 13 priority areas "
        "were agreed on Thursday as Hong Kong and Zhejiang held the first full session of their "
        "cooperation conference in Hangzhou, the capital of the eastern Chinese province.",
        "The session followed a high-level meeting between the two sides.",
        "John Lee, chief executive of the Hong Kong Special Administrative Region, led the Hong "
        "Kong delegation. He said the conference mechanism would put cooperation on a more "
        "regular and systematic footing.",
        "Zhejiang's many private businesses have increasingly turned to Hong Kong to go public "
        "and to set up regional headquarters. Enditem",
    ],
    captions=[
        "The first plenary session of the cooperation conference is held in Hangzhou, east China, April 24, 2025. (Xinhua/Xu Yu)"
    ],
    related=["Zhejiang's GDP grows steadily in Q1", "Hong Kong IPO market heats up"],
    summary="Hong Kong and Zhejiang held the first full session of their cooperation conference.",
    happening=H5,
    figures=F_2025,
)

art(
    key="h5-xinhua-zh",
    tpl="xinhua_zh",
    channel="gangao",
    pub="2025-04-24 20:30:17",
    title="香港／浙江合作会议首次全会在杭举行 商定51个合作项目",
    editor="刘畅",
    paras=[
        "新华社杭州4月24日电（记者 郑佳 吴梦琪）24日，港浙两地在杭州举行合作会议高层会晤暨首次全体会议，"
        "商定推进51个合作项目，在13个领域深化合作。",
        "香港特区行政长官李家超率团与会。他说，合作会议机制让港浙合作有了常态化的平台，合作由此迈上新台阶。",
        "会议认为，浙江民营经济和数字经济优势明显，香港作为国际金融、航运和贸易中心，与浙江高度互补。",
        "近年来，越来越多浙江企业赴港上市或在港设立区域总部，以香港为跳板开拓国际市场。",
    ],
    captions=["4月24日，港浙合作会议首次全体会议在杭州举行。新华社记者 徐昱 摄"],
    related=["李家超率团抵达杭州", "浙江一季度经济运行开局良好"],
    summary="港浙两地24日在杭州举行合作会议首次全体会议，商定推进51个合作项目。",
    happening=H5,
    figures=F_2025,
)

art(
    key="h5-zj",
    tpl="zjgov",
    col="1554467",
    aid="62810539",
    pub="2025-04-24 22:10",
    title="港浙合作会议首次全体会议在杭州召开",
    source="浙江日报",
    column="浙江要闻",
    credit="（记者 吴越 通讯员 郑可）",
    paras=[
        "本报杭州4月24日讯 今天，香港特区政府代表团在行政长官李家超率领下来到杭州，同我省共同召开港浙合作"
        "会议高层会晤暨第一次全体会议。",
        "会上，双方商定推进51个合作项目，并在经贸、金融、科技创新、青年发展等13个领域进一步加强合作。",
        "与会双方认为，合作会议机制建立后，港浙合作将由以往的单项活动为主，转向有规划、有机制的常态化推进。",
        "双方约定定期召开全体会议，逐项检视合作项目进展。",
    ],
    captions=["会议现场。（记者 吴越 摄）"],
    happening=H5,
    figures=F_2025,
)

art(
    key="h5-hz-syn",
    tpl="hangzhou_zh",
    col="812262",
    aid="62822113",
    pub="2025-04-25 08:20",
    title="港浙合作会议首次全体会议在杭州召开",
    source="浙江日报",
    column="杭州要闻",
    credit="（记者 吴越 通讯员 郑可）",
    paras=None,  # the Zhejiang Daily text, as on zj.gov.cn (filled below)
    happening=H5,
    role="syndicated_copy",
    copy_of="h5-zj",
    figures=F_2025,
)

art(
    key="h5-cdhk",
    tpl="chinadailyhk",
    cdhk="612043",
    pub="2025-04-24 19:35",
    mod="2025-04-25 08:50",
    title="HK, Zhejiang agree on 13 areas, 51 projects in Hangzhou",
    subtitle="First plenary of new co-operation conference sets out joint work plan",
    authors=["Lin Weiwei"],
    byline="By LIN WEIWEI in Hangzhou",
    section="Hong Kong",
    paras=[
        "A work plan of 51 joint projects in 13 fields emerged on Thursday from Hangzhou, where "
        "Hong Kong and Zhejiang held the first plenary session of the cooperation conference "
        "they recently set up.",
        "Chief Executive John Lee Ka-chiu headed the SAR government team at the High-Level "
        "Meeting cum First Plenary Session of the Hong Kong/Zhejiang Co-operation Conference.",
        "According to Lee, the conference puts the relationship on a regular footing, and the "
        "SAR stands ready to help Zhejiang's fast-growing private firms raise money and build "
        "their businesses overseas.",
        "Progress on each project is to be checked when the conference meets again.",
    ],
    captions=["John Lee at the meeting in Hangzhou."],
    related=["SAR delegation arrives in Hangzhou", "Zhejiang tech start-ups draw HK investors"],
    happening=H5,
    role="updated_version",
    figures=F_2025,
)

art(
    key="h5-cd-neardup",
    tpl="chinadaily_en",
    pub="2025-04-25 07:40",
    title="HK, Zhejiang agree on 13 areas and 51 projects",
    byline="By LIN WEIWEI in Hangzhou",
    section="Regional",
    paras=[
        "A work plan of 51 joint projects in 13 fields has emerged from Hangzhou, where Hong Kong "
        "and Zhejiang held the first plenary session of their recently established cooperation "
        "conference on Thursday.",
        "Chief Executive John Lee Ka-chiu headed the SAR government team at the High-Level "
        "Meeting cum First Plenary Session of the Hong Kong/Zhejiang Co-operation Conference.",
        "According to Lee, the conference puts the relationship on a regular footing, and the "
        "SAR stands ready to help Zhejiang's fast-growing private firms raise money and build "
        "their businesses overseas.",
        "Progress on each project is to be checked when the conference meets again.",
    ],
    captions=["Lee speaks at the Hangzhou session. [Photo/China Daily]"],
    related=["Zhejiang's private economy powers ahead"],
    summary="A work plan of 51 joint projects in 13 fields has emerged from Hangzhou.",
    happening=H5,
    role="near_duplicate",
    copy_of="h5-cdhk",
    figures=F_2025,
)

art(
    key="h5-rthk-en",
    tpl="rthk_en",
    rid="1803480",
    pub="2025-04-24 17:25",
    title="Lee hails new chapter as HK, Zhejiang agree 51 projects",
    section="Local",
    paras=[
        "Hong Kong and Zhejiang will pursue 51 projects together across 13 areas, John Lee "
        "announced in Hangzhou on Thursday, calling it a new chapter for ties with the "
        "province.",
        "Speaking after the meeting, the Chief Executive said co-operation would from now on be "
        "planned and reviewed on a regular cycle rather than hinging on one-off visits.",
        "Lee said the province's private companies were eager to go abroad, and that no city "
        "could serve them better than Hong Kong when it came to raising funds and running "
        "overseas operations.",
    ],
    captions=["John Lee speaks to reporters in Hangzhou. Photo: RTHK"],
    related=["CE leaves for Zhejiang visit"],
    summary="Hong Kong and Zhejiang will pursue 51 projects together across 13 areas.",
    happening=H5,
    figures=F_2025,
)

art(
    key="h5-rthk-ch",
    tpl="rthk_ch",
    rid="1803455",
    pub="2025-04-24 17:02",
    title="李家超：港浙合作會議定出51個合作項目",
    section="本地",
    paras=[
        "行政長官李家超在杭州表示，港浙雙方已議定合作推進51個項目，涉及13個範疇。",
        "他說，合作會議建立恆常機制後，兩地會定期規劃和檢討合作，不再只靠個別訪問。",
        "李家超認為，浙江民企積極出海，香港最能協助它們集資和管理海外業務。",
    ],
    captions=["李家超在杭州會見傳媒。"],
    related=["李家超率團啟程訪問浙江"],
    summary="李家超表示港浙已議定合作推進51個項目。",
    happening=H5,
    figures=F_2025,
)

art(
    key="h5-investhk-en",
    tpl="investhk_en",
    slug="investhk-joins-ces-hangzhou-visit-to-promote-hong-kong-to-zhejiang-firms",
    pub="2025-04-24 18:30",
    mod="2025-04-25 11:15",
    title="InvestHK joins CE's Hangzhou visit to promote Hong Kong to Zhejiang firms",
    section="Press Releases",
    paras=[
        "Senior officers of Invest Hong Kong (InvestHK) were part of the Chief Executive's "
        "delegation in Hangzhou today (24 April), and used the visit to meet Zhejiang "
        "businesses face to face.",
        "Company founders and executives from sectors including digital technology, new energy "
        "and life sciences heard from the department how Hong Kong can serve as their regional "
        "hub, whether for a headquarters, a research base or a treasury operation.",
        "The visit coincided with the High-Level Meeting cum First Plenary Session of the Hong "
        "Kong/Zhejiang Co-operation Conference, at which 51 projects in 13 areas were agreed. "
        "InvestHK said it looked forward to welcoming more Zhejiang companies to Hong Kong.",
    ],
    captions=["InvestHK officers with Zhejiang business leaders in Hangzhou."],
    related=["InvestHK marks record year for company arrivals"],
    summary="InvestHK officers met Zhejiang businesses in Hangzhou.",
    happening=H5,
    role="updated_version",
    figures=F_2025,
)

art(
    key="h5-investhk-tc",
    tpl="investhk_zhhk",
    slug="investhk-joins-ces-hangzhou-visit-to-promote-hong-kong-to-zhejiang-firms",
    pub="2025-04-24 18:35",
    title="投資推廣署隨行政長官訪杭州 與浙江企業會面",
    section="新聞稿",
    paras=[
        "投資推廣署高層人員隨行政長官代表團，今日（4月24日）到訪杭州，並藉此行與浙江企業直接會面。",
        "來自數字科技、新能源和生命科學等行業的企業創辦人和管理人員，從署方了解到香港如何成為他們的區域"
        "樞紐，無論是設立總部、研究基地還是財資中心。",
        "是次訪問適逢香港／浙江合作會議高層會晤暨第一次全體會議舉行，會上議定13個範疇共51個項目。投資推廣署"
        "表示期待更多浙江企業落戶香港。",
    ],
    captions=["投資推廣署人員與浙江企業家在杭州會面。"],
    related=["投資推廣署協助落戶企業數目創新高"],
    summary="投資推廣署高層人員隨行政長官訪問杭州，與浙江企業會面。",
    happening=H5,
    figures=F_2025,
)

art(
    key="h5-people",
    tpl="people",
    host="zj.people.com.cn",
    pid="c186327-41206672",
    channel_name="浙江频道",
    pub="2025-04-24 21:36",
    title="港浙合作会议杭州举行 51个合作项目排定",
    subtitle="双方商定定期举行全体会议",
    authors=["王旭"],
    byline="人民网记者 王旭",
    source="人民网－浙江频道",
    editor="陈晨、王洁",
    paras=[
        "人民网杭州4月24日电 港浙两地24日在杭州举行合作会议高层会晤暨第一次全体会议。合作会议机制建立以来，"
        "双方首次以全体会议形式坐到一起。",
        "这次会议排定了51个合作项目，涉及13个领域。",
        "李家超在会上表示，全体会议的召开意味着港浙合作步入一个新的阶段。",
        "记者了解到，今后双方将定期举行全体会议，跟踪项目落实情况。",
    ],
    captions=["4月24日，港浙合作会议首次全体会议现场。人民网记者 王旭摄"],
    related=["香港特区代表团抵达杭州"],
    happening=H5,
    figures=F_2025,
)

art(
    key="h5-scmp",
    tpl="scmp",
    scmp=(
        "3307811",
        "news/hong-kong/politics",
        "john-lee-unveils-51-hong-kong-zhejiang-projects-hangzhou-meeting",
    ),
    pub="2025-04-24 18:40",
    title="John Lee unveils 51 Hong Kong-Zhejiang projects at Hangzhou meeting",
    subtitle="City leader says new cooperation conference gives mainland province’s private firms a "
    "regular channel to tap Hong Kong’s capital markets",
    authors=["Staff Reporter"],
    section="Hong Kong",
    paras=[
        "Hong Kong and Zhejiang will pursue 51 joint projects across 13 areas, Chief Executive "
        "John Lee Ka-chiu said on Thursday after a high-level meeting with provincial leaders in "
        "Hangzhou.",
        "The meeting was the first plenary session of the Hong Kong/Zhejiang Cooperation "
        "Conference, which gives the two sides a standing mechanism for their ties.",
        "Lee said Zhejiang’s private companies, many of them in technology and manufacturing, "
        "were expanding overseas and could use Hong Kong to raise funds.",
        "Zhejiang’s capital Hangzhou is home to Alibaba, which owns the Post, as well as a "
        "cluster of artificial intelligence and robotics start-ups that have drawn attention "
        "this year.",
    ],
    captions=["John Lee speaks to the media in Hangzhou on Thursday. Photo: Handout"],
    related=[
        "Hangzhou’s ‘six little dragons’ draw Hong Kong investors",
        "Lee heads to Zhejiang on first official visit of the year",
    ],
    summary="Hong Kong and Zhejiang will pursue 51 joint projects across 13 areas.",
    happening=H5,
    figures=F_2025,
)

art(
    key="h5-newsgov-followup-en",
    tpl="newsgovhk_en",
    nsuffix="512",
    pub="2025-04-29 16:30:10",
    title="Work starts on Zhejiang co-operation projects",
    section="Admin & Civic Affairs",
    paras=[
        "Bureaux and departments have begun taking forward the 51 projects agreed with Zhejiang "
        "in Hangzhou last week, the Constitutional & Mainland Affairs Bureau said today.",
        "Spread over 13 co-operation areas, each project has a lead department, which will "
        "liaise with its Zhejiang counterpart and report on progress when the conference next "
        "meets in plenary.",
        "Chief Executive John Lee led the Hong Kong delegation to the Hangzhou meeting on April "
        "24.",
    ],
    captions=["Next steps: Officials review the list of co-operation projects."],
    related=["Zhejiang conference lines up 51 projects"],
    summary="Bureaux have begun taking forward the 51 projects agreed with Zhejiang.",
    happening=H5,
    role="follow_up",
    figures=F_2025,
)

art(
    key="h5-newsgov-followup-tc",
    tpl="newsgovhk_chi",
    nsuffix="512",
    pub="2025-04-29 16:30:10",
    title="港浙合作項目展開跟進",
    section="政府事務",
    paras=[
        "政制及內地事務局今日表示，各政策局和部門已着手推展上星期在杭州與浙江議定的51個項目。",
        "這些項目分屬13個合作範疇，每個項目都有牽頭部門負責與浙江對口單位聯絡，並在下次全體會議匯報進展。",
        "行政長官李家超於4月24日率團到杭州出席會議。",
    ],
    captions=["下一步：官員檢視合作項目清單。"],
    related=["港浙合作會議訂51個項目"],
    summary="各政策局和部門已着手推展與浙江議定的51個項目。",
    happening=H5,
    role="follow_up",
    figures=F_2025,
)

art(
    key="h5-hz-followup",
    tpl="hangzhou_zh",
    col="812262",
    aid="62850977",
    pub="2025-04-30 09:15",
    title="我市部署推进港浙合作项目落地",
    source="杭州日报",
    column="杭州要闻",
    credit="（记者 俞晓 通讯员 楼佳）",
    paras=[
        "4月29日，市政府召开专题会议，部署港浙合作会议确定事项在我市的落实工作。",
        "上周四在杭召开的港浙合作会议首次全体会议，商定了13个领域的合作和51个合作项目，其中有不少项目与杭州"
        "相关。",
        "会议要求，各部门要为每个项目定好责任单位和时间表，主动对接香港相关机构，争取项目早日见到成效。",
        "香港是杭州最大的外资来源地，两地在数字经济、金融服务和人才交流等方面合作基础深厚。",
    ],
    happening=H5,
    role="follow_up",
    figures=F_2025,
)

# --- traps, 2025-W17/W18 ---------------------------------------------------------------------

art(
    key="t-ipo-2025",
    tpl="scmp",
    scmp=(
        "3307302",
        "business/markets",
        "hangzhou-robot-maker-files-hong-kong-ipo-tech-listings-pick",
    ),
    pub="2025-04-22 15:10",
    title="Hangzhou robot maker files for Hong Kong IPO as tech listings pick up",
    subtitle="Industrial automation firm joins queue of mainland technology companies seeking "
    "funds in the city",
    authors=["Staff Reporter"],
    section="Business",
    paras=[
        "A Hangzhou-based maker of industrial robots has filed for an initial public offering in "
        "Hong Kong, joining a queue of mainland technology companies seeking to raise funds in "
        "the city this year.",
        "The company, which supplies automated production lines to carmakers and electronics "
        "factories, plans to use the proceeds for research and overseas expansion, according to "
        "its filing with the stock exchange.",
        "Bankers said the Hong Kong IPO market had picked up in 2025 as large mainland firms "
        "returned, although trade tensions with the United States have weighed on sentiment in "
        "recent weeks.",
        "Hangzhou has become a hotbed of robotics and artificial intelligence start-ups, and "
        "several of them are weighing listings in Hong Kong.",
    ],
    captions=["A robot arm on an assembly line. Photo: Shutterstock"],
    related=["Hong Kong IPOs: what to watch in the second quarter"],
    summary="A Hangzhou-based maker of industrial robots has filed for a Hong Kong IPO.",
    role="trap",
    trap="hkex_listing",
)

art(
    key="t-stocks-2025",
    tpl="chinadaily_cn",
    pub="2025-04-28 16:45",
    title="港股科技板块反弹 杭州概念股受追捧",
    source="中国日报网",
    editor="何静",
    paras=[
        "4月28日，港股科技板块延续反弹走势，多只总部位于杭州的科技和消费股涨幅居前。",
        "分析人士认为，人工智能应用加快落地，带动市场对杭州相关科技企业的关注，资金持续流入港股科技板块。",
        "不过也有机构提醒，外部贸易环境仍存在不确定性，港股短期波动可能加大，投资者需注意风险。",
    ],
    related=["一季度A股上市公司业绩出炉"],
    role="trap",
    trap="stock_market",
)

art(
    key="t-mayday",
    tpl="rthk_ch",
    rid="1804302",
    pub="2025-05-03 18:20",
    title="五一黃金周 不少港人往杭州旅遊",
    section="本地",
    paras=[
        "內地五一黃金周假期，不少香港市民北上旅遊，杭州西湖一帶遊人如織。",
        "有旅行社表示，今年杭州、蘇州等華東地區短線團報名情況理想，高鐵套票尤其受歡迎。",
        "有港人旅客表示，乘高鐵由西九龍到杭州十分方便，打算遊覽西湖和靈隱寺。",
    ],
    captions=["西湖一帶遊人眾多。"],
    related=["黃金周訪港旅客人次上升"],
    summary="五一黃金周不少港人往杭州旅遊。",
    role="trap",
    trap="tourism",
)

art(
    key="t-concert",
    tpl="rthk_ch",
    rid="1803622",
    pub="2025-04-26 15:40",
    title="本地樂隊夜航宣布巡唱加開杭州站",
    section="本地",
    paras=[
        "本地樂隊夜航宣布，今年的內地巡迴演唱會加開杭州站，將於七月在杭州奧體中心舉行。",
        "樂隊早前已公布上海、成都和深圳的演出日期，門票一開售即告售罄。",
        "樂隊成員表示，杭州是他們一直想去表演的城市，期待與當地樂迷見面。",
    ],
    captions=["夜航樂隊早前在香港舉行演唱會。"],
    related=["啟德主場館五月演出密集"],
    summary="本地樂隊夜航宣布巡唱加開杭州站。",
    role="trap",
    trap="passing_concert",
)

art(
    key="t-ningbo",
    tpl="zjgov",
    col="1554467",
    aid="62831408",
    pub="2025-04-27 10:30",
    title="宁波与香港签署港航物流合作备忘录",
    source="宁波日报",
    column="浙江要闻",
    credit="（记者 何港生）",
    paras=[
        "4月26日，宁波市与香港有关机构在甬签署港航物流合作备忘录，双方将在航运服务、海事仲裁和航运金融"
        "等领域加强合作。",
        "根据备忘录，宁波舟山港将与香港港口及物流企业开展航线合作，推动更多国际中转业务经由两地港口开展。",
        "宁波方面表示，香港是国际航运中心，宁波愿借助香港的专业服务提升港口国际化水平。",
        "此前两天，港浙合作会议的首次全体会议刚在杭州闭幕。",
    ],
    role="trap",
    trap="other_city_agreement",
)


# --- copies: the same text as the original (a syndicated copy keeps the wording) -------------


def _fill_copies() -> None:
    by_key = {a["key"]: a for a in ARTICLES}
    for a in ARTICLES:
        if a["paras"] is None:
            original = by_key[a["copy_of"]]
            paras = list(original["paras"])
            if a["tpl"] == "chinadaily_en":  # China Daily runs Xinhua copy without the end mark
                paras = [p.removesuffix(" Enditem") for p in paras]
            a["paras"] = paras


_fill_copies()


# =============================================================================================
# Google News items: headline-only articles (the links are opaque aggregator ids, not fetched)
# =============================================================================================

GOOGLE_NEWS: dict[str, list[Article]] = {
    "gnews-en-hk": [
        dict(
            gid="CBMiWkhaSEstZW4tMjAxODA5MTUtc3RhbmRhcmQ",
            pub="2018-09-15 19:40",
            title="Hangzhou party boss meets Carrie Lam in investment push",
            publisher="The Standard",
            site="http://www.thestandard.com.hk",
            happening=H1,
        ),
        dict(
            gid="CBMiWkhaSEstZW4tMjAxOTA2MTMtc3RhbmRhcmQ",
            pub="2019-06-13 20:30",
            title="Hangzhou and Hong Kong groups sign eight MoUs at innovation forum",
            publisher="The Standard",
            site="http://www.thestandard.com.hk",
            happening=H3,
        ),
        dict(
            gid="CBMiWkhaSEstZW4tMjAyNTA0MjQtc3RhbmRhcmQ",
            pub="2025-04-24 19:05",
            title="Hong Kong and Zhejiang agree 51 projects at first co-operation plenary",
            publisher="The Standard",
            site="http://www.thestandard.com.hk",
            happening=H5,
        ),
        dict(
            gid="CBMiWkhaSEstZW4tMjAyNTA0MjgtaXBvZGVidXQ",
            pub="2025-04-28 12:20",
            title="Hangzhou chip designer surges on Hong Kong trading debut",
            publisher="The Standard",
            site="http://www.thestandard.com.hk",
            role="trap",
            trap="hkex_listing",
        ),
    ],
    "gnews-zh-hk": [
        dict(
            gid="CBMiWkhaSEstemgtMjAxODA5MTUtbWluZ3Bhbw",
            pub="2018-09-15 20:10",
            title="周江勇訪港晤林鄭 杭州推介投資項目",
            publisher="明報",
            site="http://news.mingpao.com",
            happening=H1,
        ),
        dict(
            gid="CBMiWkhaSEstemgtMjAyMzA2MjYtaGswMQ",
            pub="2023-06-26 14:30",
            title="浙港合作主題論壇 兩地簽協議涵蓋12範疇",
            publisher="香港01",
            site="http://www.hk01.com",
            happening=H4,
        ),
        dict(
            gid="CBMiWkhaSEstemgtMjAyNTA0MjQtc3RoZWFkbGluZQ",
            pub="2025-04-24 18:20",
            title="李家超杭州出席港浙合作會議 定51合作項目",
            publisher="星島頭條",
            site="http://www.stheadline.com",
            happening=H5,
        ),
    ],
    "gnews-zh-cn": [
        dict(
            gid="CBMiWkhaSEstY24tMjAxOTA0MTUtdGhlcGFwZXI",
            pub="2019-04-15 17:30",
            title="杭州“城市大脑”亮相香港",
            publisher="澎湃新闻",
            site="http://www.thepaper.cn",
            happening=H2,
        ),
        dict(
            gid="CBMiWkhaSEstY24tMjAyNTA0MjQtempvbA",
            pub="2025-04-24 21:00",
            title="港浙合作会议首次全体会议在杭召开",
            publisher="浙江在线",
            site="http://www.zjol.com.cn",
            happening=H5,
        ),
    ],
}
